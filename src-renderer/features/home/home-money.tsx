import { Badge, SimpleGrid } from '@mantine/core';
import { IconCash, IconInbox } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@shared/domain/money';
import { paths } from '../../app/paths';
import { useTimeFormat } from '../../app/time-format';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { Figure } from './home-figure';
import { localDay, unmatchedShown } from './home-money-state';

/** Collections are read from the ledger; a payment applied elsewhere has no event, so re-read this often. */
const COLLECTIONS_REFRESH_MS = 60_000;

/**
 * Money at a glance for those who may read payments: today's collections (the ledger's credits of the local
 * day) and the unmatched queue as a badge, both opening Payments. The pushed `payments.unmatched-changed`
 * event updates the count and re-reads the collections (an assigned payment is collected money).
 */
export function HomeMoneyFigures({ scope, currency, timeZone }: { scope: string; currency: string; timeZone: string }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const day = localDay(timeZone, Date.now());
  const collections = useRpc('payments.collections', { day });
  const counted = useRpc('payments.unmatched.count', {});
  const [pushed, setPushed] = useState<number | null>(null);
  const reloadCollections = collections.reload;
  useEvent('payments.unmatched-changed', (p) => {
    setPushed(p.count);
    reloadCollections();
  });
  useEffect(() => {
    const timer = setInterval(reloadCollections, COLLECTIONS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadCollections]);
  const unmatched = unmatchedShown(pushed, counted.data?.count);
  const c = collections.data;
  const to = paths.area(scope, 'payments');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 5 }} spacing="sm">
      <Figure icon={IconCash} color="green" label={t('homeMoney.collectedToday')} value={c ? formatMoney(c.totalMinor, currency, tf.locale) : '—'}
        detail={c ? t('homeMoney.paymentsToday', { count: c.count }) : undefined} to={to} />
      <Figure icon={IconInbox} color={unmatched ? 'orange' : 'gray'} label={t('homeMoney.unmatched')} value={unmatched === null ? '—' : String(unmatched)} to={`${to}?tab=unmatched`}
        detail={unmatched ? <Badge color="orange" variant="filled" size="sm">{t('homeMoney.unmatchedWaiting', { count: unmatched })}</Badge> : unmatched === 0 ? t('homeMoney.unmatchedNone') : undefined} />
    </SimpleGrid>
  );
}
