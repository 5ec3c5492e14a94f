import { FileInput, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { showServerError } from '../../app/form-errors';
import { i18n } from '../../app/i18n';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { FormPasswordInput } from '../../components/form-fields';
import { readAsBase64 } from '../../app/files';

const schema = z.object({
  file: z.custom<File | undefined>((v) => typeof File !== 'undefined' && v instanceof File, { error: () => i18n.t('tenants.chooseFile') }),
  passphrase: contract['tenants.import'].input.shape.passphrase,
});
type Values = z.input<typeof schema>;

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
      setStage('reading');
      if (!v.file) return;
      const contentBase64 = await readAsBase64(v.file);
      setStage('importing');
      const imported = await callIn('tenants.import', { contentBase64, passphrase: v.passphrase });
      notifications.show({ color: 'green', title: t('tenants.importedTitle'), message: t('tenants.importedBody', { name: imported.name }) });
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form, { contentBase64: 'file' });
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
          <FileInput
            label={t('tenants.importFile')}
            placeholder={t('tenants.importFilePlaceholder')}
            accept=".ispdesk,application/octet-stream"
            leftSection={<IconFileImport size={16} />}
            value={field.value ?? null}
            onChange={(f) => field.onChange(f ?? undefined)}
            error={fieldState.error?.message}
            clearable
          />
        )}
      />
      <FormPasswordInput name="passphrase" label={t('tenants.passphrase')} autoComplete="off" />
      {stage && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">{t(stage === 'reading' ? 'tenants.readingFile' : 'tenants.importing')}</Text>
          <Progress value={100} striped animated aria-label={t('tenants.importing')} />
        </Stack>
      )}
    </FormModal>
  );
}
