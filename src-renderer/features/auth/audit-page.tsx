import '@mantine/dates/styles.css';
import { Badge, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, type DateFormatter } from '@mantine/dates';
import { IconListSearch } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEntry } from '@shared/contract/auth';
import { startOfLocalDay } from '@shared/domain/time';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { useTimeFormat } from '../../app/time-format';

interface AuditFilters {
  action: string | undefined;
  actorId: string | undefined;
  fromDate: string | undefined;
  toDate: string | undefined;
}

const DAY_MS = 86_400_000;

/** The tenant's append-only audit log, newest first, with filters. */
export function AuditPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const tf = useTimeFormat();
  const timeZone = tf.timeZone;
  // Picked days read like every other date (en-KE "03 Mar 2026"), not the browser's mm/dd/yyyy.
  const dayLabel: DateFormatter = ({ date }) => (typeof date === 'string' && date ? tf.calendarDay(date) : '');
  const canListStaff = principal.kind === 'staff' && principal.permissions.includes('staff.read');
  const query = useTableQuery<'at', AuditFilters>({
    sort: { field: 'at', dir: 'desc' }, filters: { action: undefined, actorId: undefined, fromDate: undefined, toDate: undefined },
  });
  const { fromDate, toDate, ...rest } = query.input;
  const input = {
    ...rest,
    // Dates are days in the tenant's time zone: from the start of `fromDate` to the end of `toDate`.
    ...(fromDate ? { from: startOfLocalDay(fromDate, timeZone).toISOString() } : {}),
    ...(toDate ? { to: new Date(startOfLocalDay(toDate, timeZone).getTime() + DAY_MS).toISOString() } : {}),
  };
  const list = useRpc('audit.list', input);
  const staff = useRpc('staff.list', { page: 1, pageSize: 500, sort: { field: 'fullName', dir: 'asc' } }, { enabled: canListStaff });

  const actionOptions = useMemo(() => AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditActions.${a}`) })), [t]);
  const actorOptions = useMemo(() => (staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.fullName })), [staff.data]);

  const columns = useMemo<ColumnDef<AuditEntry>[]>(() => [
    { id: 'at', header: t('audit.col.at'), meta: { sortable: true, nowrap: true, width: 180 }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.at)}</Text> },
    {
      id: 'actor',
      header: t('audit.col.actor'),
      cell: ({ row: { original: e } }) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>{e.actorName}</Text>
          <Text size="xs" c="dimmed">{t(`audit.actorKind.${e.actorKind}`)}</Text>
        </Stack>
      ),
    },
    {
      id: 'action',
      header: t('audit.col.action'),
      cell: ({ row: { original: e } }) => (
        <Badge variant="light" color={e.action.includes('failed') ? 'red' : 'gray'} size="sm" tt="none">
          {t(`auditActions.${e.action}`, { defaultValue: e.action })}
        </Badge>
      ),
    },
    { id: 'summary', header: t('audit.col.summary'), cell: ({ row }) => <Text size="sm">{row.original.summary}</Text> },
  ], [t, tf]);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <DataTable
        label={t('audit.title')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(e) => e.id}
        query={query}
        searchPlaceholder={t('audit.search')}
        filters={
          <>
            <Select
              aria-label={t('audit.actionFilter')}
              placeholder={t('audit.allActions')}
              data={actionOptions}
              value={query.filters.action ?? null}
              onChange={(v) => query.setFilter('action', v ?? undefined)}
              searchable
              clearable
              w={220}
            />
            {canListStaff && (
              <Select
                aria-label={t('audit.actorFilter')}
                placeholder={t('audit.anyone')}
                data={actorOptions}
                value={query.filters.actorId ?? null}
                onChange={(v) => query.setFilter('actorId', v ?? undefined)}
                searchable
                clearable
                w={200}
              />
            )}
            <DatePickerInput
              aria-label={t('audit.from')}
              placeholder={t('audit.from')}
              value={query.filters.fromDate ?? null}
              onChange={(v) => query.setFilter('fromDate', v ?? undefined)}
              valueFormatter={dayLabel}
              clearable
              w={160}
            />
            <DatePickerInput
              aria-label={t('audit.to')}
              placeholder={t('audit.to')}
              value={query.filters.toDate ?? null}
              onChange={(v) => query.setFilter('toDate', v ?? undefined)}
              valueFormatter={dayLabel}
              clearable
              w={160}
            />
          </>
        }
        empty={<EmptyNotice title={t('audit.emptyTitle')} description={t('audit.emptyBody')} icon={<IconListSearch size={26} />} />}
      />
    </>
  );
}
