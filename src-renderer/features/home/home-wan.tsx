import { IconArrowsDownUp } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { paths } from '../../app/paths';
import { useRpc } from '../../app/use-rpc';
import { formatBitRate } from '../routers/units';
import { Figure } from './home-figure';

type Interface = OutputOf<'routers.dashboard.interfaces'>['items'][number];

/** Rates are re-read this often: a glance figure, the Interfaces tab has the live chart. */
const REFRESH_MS = 10_000;

/** The uplink: an interface named or commented "WAN", else the running one carrying the most traffic. */
export function wanOf(items: readonly Interface[]): Interface | undefined {
  const running = items.filter((i) => i.running && !i.disabled);
  return running.find((i) => /wan/i.test(i.name) || /wan|uplink/i.test(i.comment))
    ?? [...running].sort((a, b) => b.rxBitsPerSecond + b.txBitsPerSecond - (a.rxBitsPerSecond + a.txBitsPerSecond))[0];
}

/** Live WAN traffic of the core router, linking to its Interfaces tab. */
export function CoreWanFigure({ scope, routerId }: { scope: string; routerId: string }) {
  const { t } = useTranslation();
  const list = useRpc('routers.dashboard.interfaces', { routerId });
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const wan = list.data ? wanOf(list.data.items) : undefined;
  return (
    <Figure
      icon={IconArrowsDownUp}
      color="violet"
      label={t('home.figures.wan')}
      value={wan ? `↓ ${formatBitRate(wan.rxBitsPerSecond)}` : '—'}
      detail={wan ? t('home.figures.wanDetail', { tx: formatBitRate(wan.txBitsPerSecond), name: wan.name }) : list.error ? t('home.figures.noAnswer') : undefined}
      to={paths.router(scope, routerId, 'interfaces')}
    />
  );
}
