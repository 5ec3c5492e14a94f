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
  return <Badge color="orange" variant="filled" size={size} style={{ flexShrink: 0 }}>{t('app.demo')}</Badge>;
}
