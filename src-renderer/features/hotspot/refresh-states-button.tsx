import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { toApiError } from '../../app/use-rpc';
import { useHotspotRouters } from './use-hotspot-options';

/**
 * "Refresh from router": reads each chosen router's hotspot users and sessions now (hotspot.vouchers.sync)
 * instead of waiting for the 5-minute job, then reloads the list.
 */
export function RefreshStatesButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const routers = useHotspotRouters();
  const [busy, setBusy] = useState(false);

  async function refresh(routerIds: string[]) {
    setBusy(true);
    try {
      for (const routerId of routerIds) {
        const r = await callIn('hotspot.vouchers.sync', { routerId });
        notifications.show({ color: 'green', title: t('hotspot.vouchers.refreshed', { router: routers.names.get(routerId) ?? '' }),
          message: t('hotspot.vouchers.refreshedBody', { vouchers: r.vouchers, changed: r.changed }) });
      }
    } catch (e) {
      notifications.show({ color: 'red', title: t('hotspot.vouchers.refreshFailed'), message: toApiError(e).message });
    } finally {
      setBusy(false);
      onDone();
    }
  }

  if (routers.options.length === 0) return null;
  if (routers.options.length === 1) {
    return <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void refresh([routers.options[0]!.value])}>{t('hotspot.vouchers.refresh')}</Button>;
  }
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy}>{t('hotspot.vouchers.refresh')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void refresh(routers.options.map((o) => o.value))}>{t('hotspot.vouchers.refreshAll')}</Menu.Item>
        {routers.options.map((o) => <Menu.Item key={o.value} onClick={() => void refresh([o.value])}>{o.label}</Menu.Item>)}
      </Menu.Dropdown>
    </Menu>
  );
}
