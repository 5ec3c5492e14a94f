import { Alert, Badge, Button, Code, Group, Modal, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';

const ACTION_COLORS = { add: 'green', set: 'yellow', remove: 'red' } as const;

/** Pre-flight of expiry enforcement: exactly what installing adds or changes on the router, then Install or Remove. */
export function EnforcementModal({ routerId, routerName, onClose }: { routerId: string; routerName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const plan = useRpc('enforcement.preflight', { routerId });
  const [confirm, setConfirm] = useState<'install' | 'remove' | null>(null);
  const changes = plan.data?.changes ?? [];

  const queue = async (what: 'install' | 'remove') => {
    const out = await callIn(what === 'install' ? 'enforcement.install' : 'enforcement.remove', { routerId });
    notifications.show({ color: 'green', title: t('sync.enforcement.queuedTitle'), message: t('sync.enforcement.queuedBody', { count: out.enqueued }) });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('sync.enforcement.title', { router: routerName })} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('sync.enforcement.intro')}</Text>
        <ErrorAlert error={plan.error} onRetry={plan.reload} />
        {!plan.data && plan.loading && <Skeleton height={120} />}
        {plan.data && <Badge variant="outline" color="gray">{t('sync.enforcement.version', { version: plan.data.routerVersion })}</Badge>}
        {plan.data && changes.length === 0 && <Alert color="green" variant="light">{t('sync.enforcement.nothing')}</Alert>}
        {changes.length > 0 && (
          <ScrollArea.Autosize mah={380}>
            <Table aria-label={t('sync.enforcement.label')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.enforcement.col.action')}</Table.Th>
                  <Table.Th>{t('sync.enforcement.col.menu')}</Table.Th>
                  <Table.Th>{t('sync.enforcement.col.object')}</Table.Th>
                  <Table.Th>{t('sync.enforcement.col.props')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={`${c.menu}-${c.tag}`}>
                    <Table.Td><Badge color={ACTION_COLORS[c.action]} variant="light">{t(`sync.enforcement.action.${c.action}`)}</Badge></Table.Td>
                    <Table.Td ff="monospace">{c.menu}</Table.Td>
                    <Table.Td>{c.props.name ?? c.tag}</Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {Object.entries(c.props).filter(([k]) => k !== 'source' && k !== 'name').map(([k, v]) => <Code key={k} fz="xs">{`${k}=${v}`}</Code>)}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={() => setConfirm('remove')}>{t('sync.enforcement.remove')}</Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={() => setConfirm('install')} disabled={changes.length === 0}>{t('sync.enforcement.install')}</Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t(confirm === 'remove' ? 'sync.enforcement.confirmRemoveTitle' : 'sync.enforcement.confirmInstallTitle', { router: routerName })}
        confirmLabel={t(confirm === 'remove' ? 'sync.enforcement.confirmRemove' : 'sync.enforcement.install')}
        color={confirm === 'remove' ? 'red' : undefined}
        onConfirm={() => queue(confirm ?? 'install')}
      >
        <Text size="sm">{confirm === 'remove' ? t('sync.enforcement.confirmRemoveBody') : t('sync.enforcement.confirmInstallBody', { count: changes.length })}</Text>
      </ConfirmModal>
    </Modal>
  );
}
