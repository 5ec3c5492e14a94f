import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';

interface FormModalProps<T extends FieldValues> {
  opened: boolean;
  onClose: () => void;
  title: string;
  form: UseFormReturn<T, unknown, T>;
  onSubmit: (e?: FormEvent) => Promise<void>;
  submitLabel: string;
  submitColor?: string;
  size?: string;
  children: ReactNode;
}

/** A modal holding one react-hook-form: fields, the server's message, Cancel and a submit button that spins. */
export function FormModal<T extends FieldValues>(props: FormModalProps<T>) {
  const { t } = useTranslation();
  const busy = props.form.formState.isSubmitting;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} closeOnClickOutside={!busy}>
      <FormProvider {...props.form}>
        <form onSubmit={(e) => void props.onSubmit(e)} noValidate>
          <Stack gap="md">
            {props.children}
            <FormError form={props.form} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={props.onClose} disabled={busy}>{t('common.cancel')}</Button>
              <Button type="submit" loading={busy} color={props.submitColor}>{props.submitLabel}</Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </Modal>
  );
}
