import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriberStatus, SubscriberSummary } from '@shared/contract/subscribers';
import { StateDot } from '../routers/router-badges';

export const SUBSCRIBER_STATUS_COLORS: Record<SubscriberStatus, string> = { active: 'green', expired: 'orange', suspended: 'red', disabled: 'gray' };
const SYNC_COLORS: Record<SubscriberSummary['syncState'], string> = { none: 'gray', pending: 'yellow', synced: 'green', error: 'red' };

export function SubscriberStatusDot({ status }: { status: SubscriberStatus }) {
  const { t } = useTranslation();
  return <StateDot color={SUBSCRIBER_STATUS_COLORS[status]} label={t(`subscribers.status.${status}`)} />;
}

/** Where the subscriber's router objects stand; an error shows the router's own words on hover. */
export function SyncStateDot({ state, error }: { state: SubscriberSummary['syncState']; error: string | null }) {
  const { t } = useTranslation();
  const dot = <StateDot color={SYNC_COLORS[state]} label={t(`subscribers.sync.${state}`)} weight={500} />;
  return error ? <Tooltip label={error} multiline w={320}><span>{dot}</span></Tooltip> : dot;
}
