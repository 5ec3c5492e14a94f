import { NumberInput, Select, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '@shared/contract/subscribers';
import type { TableQueryController } from '../../components/use-table-query';
import type { RouterOption } from '../packages/use-router-options';

export interface SubscriberFilters {
  status: SubscriberStatus | undefined;
  routerId: string | undefined;
  packageId: string | undefined;
  expiringWithinDays: number | undefined;
  tags: string[] | undefined;
}

export type SubscriberSort = 'accountNumber' | 'fullName' | 'expiresAt' | 'status';

/** The list's filters; each one goes to the list channel (and to bulk selection and CSV export). */
export function SubscriberFilterInputs({ query, routers, packages }: {
  query: TableQueryController<SubscriberSort, SubscriberFilters>;
  routers: RouterOption[];
  packages: RouterOption[];
}) {
  const { t } = useTranslation();
  const f = query.filters;
  return (
    <>
      <Select
        aria-label={t('subscribers.filter.status')}
        placeholder={t('subscribers.filter.allStatuses')}
        data={SUBSCRIBER_STATUSES.map((s) => ({ value: s, label: t(`subscribers.status.${s}`) }))}
        value={f.status ?? null}
        onChange={(v) => query.setFilter('status', (v ?? undefined) as SubscriberStatus | undefined)}
        clearable
        w={150}
      />
      {routers.length > 0 && (
        <Select
          aria-label={t('subscribers.filter.router')}
          placeholder={t('subscribers.filter.allRouters')}
          data={routers}
          value={f.routerId ?? null}
          onChange={(v) => query.setFilter('routerId', v ?? undefined)}
          clearable
          searchable
          w={170}
        />
      )}
      <Select
        aria-label={t('subscribers.filter.package')}
        placeholder={t('subscribers.filter.allPackages')}
        data={packages}
        value={f.packageId ?? null}
        onChange={(v) => query.setFilter('packageId', v ?? undefined)}
        clearable
        searchable
        w={170}
      />
      <NumberInput
        aria-label={t('subscribers.filter.expiring')}
        placeholder={t('subscribers.filter.expiring')}
        value={f.expiringWithinDays ?? ''}
        onChange={(v) => query.setFilter('expiringWithinDays', typeof v === 'number' ? v : undefined)}
        min={0}
        max={366}
        allowDecimal={false}
        w={190}
      />
      <TagsInput
        aria-label={t('subscribers.filter.tags')}
        placeholder={t('subscribers.filter.tags')}
        value={f.tags ?? []}
        onChange={(v) => query.setFilter('tags', v.length > 0 ? v : undefined)}
        w={200}
      />
    </>
  );
}

/**
 * Filters a link can open the list with (`?status=expired`, `?expiring=1`): Home's figures open the rows
 * they count. Anything else in the query is ignored.
 */
export function filtersFromQuery(query: URLSearchParams): Pick<SubscriberFilters, 'status' | 'expiringWithinDays'> {
  const status = SUBSCRIBER_STATUSES.find((s) => s === query.get('status'));
  const days = Number(query.get('expiring'));
  return { status, expiringWithinDays: Number.isInteger(days) && days > 0 && days <= 365 ? days : undefined };
}
