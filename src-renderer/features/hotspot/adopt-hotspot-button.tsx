import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../app/scope-context';
import { AdoptHotspotModal } from './adopt-hotspot-modal';

/** Entry point to "Adopt hotspot users" for a router; shown only to staff who may manage subscribers. */
export function AdoptHotspotButton({ routerId, onDone }: { routerId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const [open, setOpen] = useState(false);
  if (principal.kind !== 'staff' || !principal.permissions.includes('subscribers.manage')) return null;
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => setOpen(true)}>{t('hotspotAdopt.action')}</Button>
      {open && <AdoptHotspotModal routerId={routerId} onClose={() => setOpen(false)} {...(onDone && { onDone })} />}
    </>
  );
}
