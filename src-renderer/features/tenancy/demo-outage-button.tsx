import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { toApiError } from '../../app/use-rpc';

/**
 * Next to the DEMO badge: the demo's branch router stops answering for a while, so monitoring shows
 * what it does with an outage (offline status, downtime history, down/up alerts). No confirmation: it
 * only touches a simulated router and ends on its own.
 */
export function DemoOutageButton() {
  const principal = usePrincipal();
  if (principal.kind !== 'staff' || !principal.tenant.isDemo || !principal.permissions.includes('routers.operate')) return null;
  return <PlayOutage />;
}

function PlayOutage() {
  const { t } = useTranslation();
  const callIn = useCall();
  const fmt = useTimeFormat();
  const [busy, setBusy] = useState(false);

  const play = async () => {
    setBusy(true);
    try {
      const { endsAt } = await callIn('demo.play-outage', {});
      notifications.show({ color: 'orange', title: t('demo.outageTitle'), message: t('demo.outageBody', { endsAt: fmt.time(endsAt) }), autoClose: 10_000 });
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button size="compact-sm" variant="light" color="orange" leftSection={<IconPlugConnectedX size={16} />} loading={busy} onClick={() => void play()} visibleFrom="sm" style={{ flexShrink: 0 }}>
      {t('demo.playOutage')}
    </Button>
  );
}
