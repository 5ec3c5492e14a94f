import { Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { showServerError } from '../../app/form-errors';
import { i18n } from '../../app/i18n';
import { useCall } from '../../app/scope-context';
import type { PickedFile } from '../../app/upload';
import { toApiError } from '../../app/use-rpc';
import { FormModal } from '../../components/form-modal';
import { FormPasswordInput } from '../../components/form-fields';
import { FilePickField } from '../../components/file-pick-field';

const schema = z.object({
  file: z.custom<PickedFile | undefined>((v) => typeof v === 'object' && v !== null && 'name' in v, { error: () => i18n.t('tenants.chooseFile') }),
  passphrase: contract['tenants.import'].input.shape.passphrase,
});
type Values = z.input<typeof schema>;

const REFUSALS = ['EXPORT_WRONG_PASSPHRASE', 'EXPORT_DAMAGED', 'EXPORT_NOT_A_FILE', 'EXPORT_OLD_FORMAT'] as const;

/** Imports a tenant export file; main refuses to overwrite a tenant that already exists (CONFLICT). */
export function TenantImportModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [stage, setStage] = useState<'reading' | 'importing' | null>(null);
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { file: undefined, passphrase: '' },
  });
  useEffect(() => {
    if (opened) form.reset({ file: undefined, passphrase: '' });
  }, [opened, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      if (!v.file) return;
      // The file goes over the binary upload path; the channel only gets its id.
      setStage('reading');
      const uploadId = v.file.ref.uploadId;
      setStage('importing');
      const imported = await callIn('tenants.import', { uploadId, passphrase: v.passphrase });
      notifications.show({ color: 'green', title: t('tenants.importedTitle'), message: t('tenants.importedBody', { name: imported.name }) });
      onDone();
      onClose();
    } catch (e) {
      const error = showServerError(e, form, { uploadId: 'file' });
      const reason = (REFUSALS as readonly string[]).includes(error.reason ?? '') ? (error.reason as (typeof REFUSALS)[number]) : null;
      if (reason) {
        const message = t(`tenants.importRefused.${reason}`);
        form.setError(reason === 'EXPORT_WRONG_PASSPHRASE' ? 'passphrase' : 'file', { type: 'server', message });
        form.setError('root.server', { type: toApiError(e).code, message });
      }
    } finally {
      setStage(null);
    }
  });

  return (
    <FormModal opened={opened} onClose={onClose} title={t('tenants.importTitle')} form={form} onSubmit={submit} submitLabel={t('tenants.importSubmit')}>
      <Text size="sm">{t('tenants.importIntro')}</Text>
      <Controller
        control={form.control}
        name="file"
        render={({ field, fieldState }) => (
          <FilePickField
            purpose="tenant-import"
            label={t('tenants.importFile')}
            placeholder={t('tenants.importFilePlaceholder')}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <FormPasswordInput name="passphrase" label={t('tenants.passphrase')} autoComplete="off" />
      {stage && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">{t(stage === 'reading' ? 'uploads.sending' : 'tenants.importing')}</Text>
          <Progress value={100} striped animated aria-label={t('tenants.importing')} />
        </Stack>
      )}
    </FormModal>
  );
}
