import { Button, Group, Input, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadPurpose } from '@shared/contract/uploads';
import { formatBytes } from '../app/format';
import { toApiError } from '../app/use-rpc';
import { pickFile, type PickedFile } from '../app/upload';
import { useScope } from '../app/scope-context';
import { useSessionStore } from '../app/session-store';

interface FilePickFieldProps {
  purpose: UploadPurpose;
  label: string;
  placeholder: string;
  value: PickedFile | undefined;
  onChange: (value: PickedFile | undefined) => void;
  error?: string;
}

/**
 * Chooses a file for an upload purpose through the bridge (native dialog in Electron, the file chooser in a
 * browser); the file is handed to main at once and the form keeps only its upload id.
 */
export function FilePickField({ purpose, label, placeholder, value, onChange, error }: FilePickFieldProps) {
  const { t } = useTranslation();
  const scope = useScope();
  const token = useSessionStore((s) => (scope ? s.sessions[scope]?.token ?? null : null));
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setPickError(null);
    setBusy(true);
    try {
      const ref = await pickFile(purpose, token);
      if (ref) onChange({ name: ref.fileName, sizeBytes: ref.sizeBytes, ref });
    } catch (e) {
      setPickError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Input.Wrapper label={label} error={pickError ?? error}>
      <Group gap="sm" mt={4}>
        <Button variant="default" leftSection={<IconFileImport size={16} />} loading={busy} onClick={() => void pick()}>
          {value ? t('uploads.change') : t('uploads.choose')}
        </Button>
        <Text size="sm" c={value ? undefined : 'dimmed'}>
          {value ? `${value.name} (${formatBytes(value.sizeBytes)})` : placeholder}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
