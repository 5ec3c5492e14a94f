import { List, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { ConfirmModal } from '../../components/confirm-modal';
import type { TenantRow } from './tenants-page';

/** Suspend (staff signed out, sign-in refused, background work stopped, data kept) or reactivate. */
export function TenantStatusModal({ opened, tenant, onClose, onDone }: { opened: boolean; tenant: TenantRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  const suspending = tenant.status !== 'suspended';

  const confirm = async () => {
    // The reason goes into one audit line: line breaks typed in the box become spaces.
    const r = reason.replace(/\s+/g, ' ').trim();
    await callIn('tenants.set-status', { tenantId: tenant.id, status: suspending ? 'suspended' : 'active', ...(r ? { reason: r } : {}) });
    notifications.show({
      color: suspending ? 'orange' : 'green',
      title: t(suspending ? 'tenants.suspendedTitle' : 'tenants.reactivatedTitle'),
      message: t(suspending ? 'tenants.suspendedBody' : 'tenants.reactivatedBody', { name: tenant.name }),
    });
    onDone();
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t(suspending ? 'tenants.suspendTitle' : 'tenants.reactivateTitle', { name: tenant.name })}
      confirmLabel={t(suspending ? 'tenants.suspendConfirm' : 'tenants.reactivateConfirm')}
      color={suspending ? 'orange' : 'green'}
      onConfirm={confirm}
    >
      {suspending ? (
        <>
          <Text size="sm">{t('tenants.suspendIntro')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('tenants.suspendEffect1')}</List.Item>
            <List.Item>{t('tenants.suspendEffect2')}</List.Item>
            <List.Item>{t('tenants.suspendEffect3')}</List.Item>
            <List.Item>{t('tenants.suspendEffect4')}</List.Item>
          </List>
          <Textarea
            label={t('tenants.reason')}
            description={t('tenants.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={300}
            autosize
            minRows={2}
          />
        </>
      ) : (
        <Text size="sm">{t('tenants.reactivateIntro')}</Text>
      )}
    </ConfirmModal>
  );
}
