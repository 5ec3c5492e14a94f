import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../app/use-rpc';
import { ErrorAlert } from './error-alert';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in plain words; extra inputs (a reason…) may go here too. */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  confirmDisabled?: boolean;
  onConfirm: () => Promise<unknown>;
}

/** Asks before an action with consequences; keeps the dialog open with main's message if it fails. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  useEffect(() => {
    if (props.opened) setError(null);
  }, [props.opened]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg" closeOnClickOutside={!busy}>
      <Stack gap="md">
        {props.children}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={busy}>{t('common.cancel')}</Button>
          <Button color={props.color} onClick={() => void confirm()} loading={busy} disabled={props.confirmDisabled}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
