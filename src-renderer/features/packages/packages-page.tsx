import { Button, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PACKAGE_STATUSES, SERVICE_TYPES, type PackageSummary, type ServiceType } from '@shared/contract/packages';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { packageColumns, type PackageAction } from './package-columns';
import { PackageFormModal } from './package-form-modal';
import { useRouterOptions } from './use-router-options';

type Dialog = { kind: 'create' } | { kind: PackageAction; pkg: PackageSummary } | null;
type Status = (typeof PACKAGE_STATUSES)[number];

/** The plans of the tenant: list, create/edit, disable/enable and delete. */
export function PackagesPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const callIn = useCall();
  const tf = useTimeFormat();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const routers = useRouterOptions();
  const query = useTableQuery<'name' | 'priceMinor' | 'status' | 'serviceType', { status: Status | undefined; serviceType: ServiceType | undefined }>({
    sort: { field: 'name', dir: 'asc' }, filters: { status: undefined, serviceType: undefined },
  });
  const list = useRpc('packages.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const columns = useMemo(
    () => packageColumns({ t, currency, locale: tf.locale, routerNames: routers.names, canManage, onAction: (kind, pkg) => setDialog({ kind, pkg }) }),
    [t, currency, tf.locale, routers.names, canManage],
  );

  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>{t('packages.create')}</Button>
  );
  const pkg = dialog && 'pkg' in dialog ? dialog.pkg : undefined;

  const setStatus = async (p: PackageSummary) => {
    const status = p.status === 'active' ? 'disabled' : 'active';
    await callIn('packages.set-status', { packageId: p.id, status });
    notifications.show({
      color: 'green',
      title: t(status === 'disabled' ? 'packages.disabledTitle' : 'packages.enabledTitle'),
      message: t(status === 'disabled' ? 'packages.disabledBody' : 'packages.enabledBody', { name: p.name }),
    });
    list.reload();
  };

  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={t('packages.title')} description={t('packages.intro')} actions={addButton} />
        <DataTable
          label={t('packages.title')}
          columns={columns}
          {...pagedRows(list)}
          getRowId={(p) => p.id}
          query={query}
          searchPlaceholder={t('packages.search')}
          filters={
            <>
              <Select
                aria-label={t('packages.statusFilter')}
                placeholder={t('packages.allStatuses')}
                data={PACKAGE_STATUSES.map((s) => ({ value: s, label: t(`packages.status.${s}`) }))}
                value={query.filters.status ?? null}
                onChange={(v) => query.setFilter('status', (v ?? undefined) as Status | undefined)}
                clearable
                w={160}
              />
              <Select
                aria-label={t('packages.typeFilter')}
                placeholder={t('packages.allTypes')}
                data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`packages.type.${s}`) }))}
                value={query.filters.serviceType ?? null}
                onChange={(v) => query.setFilter('serviceType', (v ?? undefined) as ServiceType | undefined)}
                clearable
                w={180}
              />
            </>
          }
          empty={
            <EmptyNotice
              title={t('packages.emptyTitle')}
              description={t(canManage ? 'packages.emptyBody' : 'packages.emptyBodyReadOnly')}
              action={canManage ? <Button onClick={() => setDialog({ kind: 'create' })}>{t('packages.createFirst')}</Button> : undefined}
            />
          }
        />
      </div>
      <PackageFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        pkg={dialog?.kind === 'edit' ? pkg : undefined}
        routers={routers.options}
        currency={currency}
        onClose={close}
        onDone={list.reload}
      />
      {pkg && (
        <>
          <ConfirmModal
            opened={dialog?.kind === 'status'}
            onClose={close}
            title={t(pkg.status === 'active' ? 'packages.disable' : 'packages.enable')}
            confirmLabel={t(pkg.status === 'active' ? 'packages.disable' : 'packages.enable')}
            onConfirm={() => setStatus(pkg)}
          >
            <Text size="sm">{t(pkg.status === 'active' ? 'packages.disabledBody' : 'packages.enabledBody', { name: pkg.name })}</Text>
          </ConfirmModal>
          <ConfirmModal
            opened={dialog?.kind === 'delete'}
            onClose={close}
            title={t('packages.deleteTitle', { name: pkg.name })}
            confirmLabel={t('packages.deleteConfirm')}
            color="red"
            onConfirm={async () => {
              await callIn('packages.delete', { packageId: pkg.id });
              notifications.show({ color: 'green', title: t('packages.deletedTitle'), message: t('packages.deletedBody', { name: pkg.name }) });
              list.reload();
            }}
          >
            <Text size="sm">{t('packages.deleteBody')}</Text>
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
