import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconCircleCheck, IconDownload, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type OutputOf } from '@shared/contract';
import { formatBytes } from '../../app/format';
import { showServerError } from '../../app/form-errors';
import { i18n } from '../../app/i18n';
import { useCall, useScope } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { FormPasswordInput } from '../../components/form-fields';
import { saveDownload } from '../../app/upload';
import { useSessionStore } from '../../app/session-store';
import type { TenantRow } from './tenants-page';

const schema = contract['tenants.export'].input
  .omit({ tenantId: true })
  .extend({ confirmPassphrase: z.string() })
  .refine((v) => v.passphrase === v.confirmPassphrase, { path: ['confirmPassphrase'], error: () => i18n.t('tenants.passphrasesDiffer') });
type Values = z.input<typeof schema>;
type ExportResult = OutputOf<'tenants.export'>;

/** Exports one tenant to a single file; secrets inside are sealed with the passphrase. */
export function TenantExportModal({ opened, tenant, onClose }: { opened: boolean; tenant: TenantRow; onClose: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const scope = useScope();
  const token = useSessionStore((s) => (scope ? s.sessions[scope]?.token ?? null : null));
  const [result, setResult] = useState<ExportResult | null>(null);
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: { passphrase: '', confirmPassphrase: '' } });
  useEffect(() => {
    if (opened) {
      form.reset({ passphrase: '', confirmPassphrase: '' });
      setResult(null);
    }
  }, [opened, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      const r = await callIn('tenants.export', { tenantId: tenant.id, passphrase: v.passphrase });
      // The file comes over the download path (streamed), not inside the JSON answer.
      await saveDownload(r, token);
      setResult(r);
    } catch (e) {
      showServerError(e, form);
    }
  });

  if (result) {
    return (
      <Modal opened={opened} onClose={onClose} title={t('tenants.exportTitle', { name: tenant.name })} size="lg">
        <Stack gap="md">
          <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('tenants.exportDone')}>
            <Stack gap={4}>
              <Text size="sm">{t('tenants.exportFile', { file: result.fileName, size: formatBytes(result.sizeBytes) })}</Text>
              <Text size="sm">{t('tenants.exportKeep')}</Text>
            </Stack>
          </Alert>
          <Group justify="space-between">
            <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void saveDownload(result, token).catch(() => undefined)}>
              {t('tenants.downloadAgain')}
            </Button>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('tenants.exportTitle', { name: tenant.name })} form={form} onSubmit={submit} submitLabel={t('tenants.exportSubmit')}>
      <Text size="sm">{t('tenants.exportIntro')}</Text>
      <Alert variant="light" color="brand" icon={<IconLock size={18} />}>{t('tenants.passphraseHint')}</Alert>
      <FormPasswordInput name="passphrase" label={t('tenants.passphrase')} autoComplete="new-password" />
      <FormPasswordInput name="confirmPassphrase" label={t('tenants.confirmPassphrase')} autoComplete="new-password" />
      {form.formState.isSubmitting && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">{t('tenants.exporting')}</Text>
          <Progress value={100} striped animated aria-label={t('tenants.exporting')} />
        </Stack>
      )}
    </FormModal>
  );
}
