import { Badge } from '@mantine/core';
import type { TenantStatus } from '@shared/contract/tenancy';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TenantStatus, string> = { active: 'green', suspended: 'red', trial: 'yellow' };

export function TenantStatusBadge({ status, size = 'sm' }: { status: TenantStatus; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]} variant="light" size={size} style={{ flexShrink: 0 }}>{t(`tenantStatus.${status}`)}</Badge>;
}

export function DemoBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  // A light orange with dark text: white on Mantine's filled orange is under 4.5:1, worst in the dark theme.
  return <Badge color="orange.4" variant="filled" autoContrast size={size} style={{ flexShrink: 0 }}>{t('app.demo')}</Badge>;
}
