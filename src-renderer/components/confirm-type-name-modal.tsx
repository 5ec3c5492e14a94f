import { Code, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './confirm-modal';

interface ConfirmTypeNameModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** The exact text the user must type before the button is enabled. */
  name: string;
  confirmLabel: string;
  onConfirm: (typed: string) => Promise<unknown>;
}

/** For irreversible actions: the button stays disabled until the exact name is typed. */
export function ConfirmTypeNameModal(props: ConfirmTypeNameModalProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (props.opened) setTyped('');
  }, [props.opened]);
  return (
    <ConfirmModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      color="red"
      confirmLabel={props.confirmLabel}
      confirmDisabled={typed !== props.name}
      onConfirm={() => props.onConfirm(typed)}
    >
      {props.children}
      <Text size="sm">
        {t('confirmName.instruction')} <Code fz="sm">{props.name}</Code>
      </Text>
      <TextInput
        label={t('confirmName.label')}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
    </ConfirmModal>
  );
}
