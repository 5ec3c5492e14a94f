import { Button, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessSettings } from '@shared/contract/tenancy';
import { useCall, useScope } from '../../app/scope-context';
import { useSessionStore } from '../../app/session-store';
import { pickFile } from '../../app/upload';
import { toApiError } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';

interface LogoFieldProps {
  logo: string | null;
  readOnly: boolean;
  /** Called with the saved settings after the logo changed. */
  onSaved: (saved: BusinessSettings) => void;
}

/**
 * The logo is saved on its own, over the binary upload path (the file goes to main as a file, never as
 * base64 inside a request): pick an image and it is stored at once; removing it asks first.
 */
export function LogoField({ logo, readOnly, onSaved }: LogoFieldProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const scope = useScope();
  const token = useSessionStore((s) => (scope ? s.sessions[scope]?.token ?? null : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const saved = (s: BusinessSettings, key: 'logoSaved' | 'logoRemoved') => {
    onSaved(s);
    notifications.show({ color: 'green', title: t(`settings.${key}`), message: t('settings.savedBody') });
  };
  const upload = async () => {
    setError(null);
    setBusy(true);
    try {
      const ref = await pickFile('tenant-logo', token);
      if (ref) saved(await callIn('settings.set-logo', { uploadId: ref.uploadId }), 'logoSaved');
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Input.Wrapper label={t('settings.logo')} description={t('settings.logoHint')} error={error}>
      <Group mt="xs" align="center" gap="lg">
        <Paper w={120} h={120} radius="md" p="xs" style={{ display: 'grid', placeItems: 'center' }}>
          {logo ? (
            <Image src={logo} alt={t('settings.logoPreview')} fit="contain" mah={100} maw={100} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">{t('settings.noLogo')}</Text>
          )}
        </Paper>
        {!readOnly && (
          <Stack gap="xs">
            <Button variant="default" leftSection={<IconPhotoUp size={16} />} loading={busy} onClick={() => void upload()}>
              {t(logo ? 'settings.replaceLogo' : 'settings.uploadLogo')}
            </Button>
            {logo && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmRemove(true)}>
                {t('settings.removeLogo')}
              </Button>
            )}
          </Stack>
        )}
      </Group>
      <ConfirmModal
        opened={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title={t('settings.removeLogoTitle')}
        confirmLabel={t('settings.removeLogo')}
        color="red"
        onConfirm={async () => saved(await callIn('settings.set-logo', { uploadId: null }), 'logoRemoved')}
      >
        <Text size="sm">{t('settings.removeLogoBody')}</Text>
      </ConfirmModal>
    </Input.Wrapper>
  );
}
