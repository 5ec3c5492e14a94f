import { SimpleGrid } from '@mantine/core';
import { IconCalendarDue, IconCalendarX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { useRpc } from '../../app/use-rpc';
import { Figure } from './home-figure';

/** Expiry moves with the clock, not with an event: re-read this often. */
const REFRESH_MS = 60_000;

/**
 * Subscriber figures on Home for everyone who reads subscribers (a cashier too): active subscribers
 * whose service ends within a day, and those already cut off. Each counts on the main side (pageSize 1,
 * the total is the figure). Collections and unmatched payments join when payments land.
 */
export function HomeSubscriberFigures({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const expiring = useRpc('subscribers.list', { page: 1, pageSize: 1, expiringWithinDays: 1 });
  const expired = useRpc('subscribers.list', { page: 1, pageSize: 1, status: 'expired' });
  const reloadExpiring = expiring.reload;
  const reloadExpired = expired.reload;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadExpiring();
      reloadExpired();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadExpiring, reloadExpired]);
  const count = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en'));
  const to = paths.area(scope, 'subscribers');
  // Each figure opens the list filtered to the rows it counts (subscriber-filters.ts filtersFromQuery).
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 5 }} spacing="sm">
      <Figure icon={IconCalendarDue} color={expiring.data?.total ? 'orange' : 'gray'} label={t('home.figures.expiringSoon')}
        value={count(expiring.data?.total)} detail={t('home.figures.expiringSoonDetail')} to={`${to}?expiring=1`} />
      <Figure icon={IconCalendarX} color={expired.data?.total ? 'red' : 'gray'} label={t('home.figures.expired')}
        value={count(expired.data?.total)} to={`${to}?status=expired`} />
    </SimpleGrid>
  );
}
