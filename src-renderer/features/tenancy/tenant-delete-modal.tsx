import { Alert, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { ConfirmTypeNameModal } from '../../components/confirm-type-name-modal';
import type { TenantRow } from './tenants-page';

export function TenantDeleteModal({ opened, tenant, onClose, onDone }: { opened: boolean; tenant: TenantRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  return (
    <ConfirmTypeNameModal
      opened={opened}
      onClose={onClose}
      title={t('tenants.deleteTitle', { name: tenant.name })}
      name={tenant.name}
      confirmLabel={t('tenants.deleteConfirm')}
      onConfirm={async (typed) => {
        await callIn('tenants.delete', { tenantId: tenant.id, confirmName: typed });
        notifications.show({ color: 'green', title: t('tenants.deletedTitle'), message: t('tenants.deletedBody', { name: tenant.name }) });
        onDone();
      }}
    >
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={t('tenants.deleteWarningTitle')}>
        <Text size="sm">{t('tenants.deleteWarning')}</Text>
      </Alert>
      <Text size="sm">{t('tenants.deleteExportHint')}</Text>
    </ConfirmTypeNameModal>
  );
}
