import { Badge, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import { VOUCHER_LAYOUTS, type VoucherLayout } from '@shared/domain/voucher-print';
import { showServerError } from '../../app/form-errors';
import { useCall } from '../../app/scope-context';
import { FormModal } from '../../components/form-modal';
import { BatchSelect } from './batch-select';
import { TemplatePreview } from './template-preview';
import { templateFormValues, VARIABLE_TOKENS, type TemplateFormValues } from './template-form';

interface TemplateEditorModalProps {
  /** The template to edit, 'new' for a new one, null when closed. */
  editing: VoucherTemplate | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Name, paper, hotspot address and the card's HTML on the left; the live preview on real vouchers on the right. */
export function TemplateEditorModal({ editing, onClose, onSaved }: TemplateEditorModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const current = editing === 'new' ? null : editing;
  const form = useForm<TemplateFormValues, unknown, TemplateFormValues>({ defaultValues: templateFormValues(null) });
  const [batchId, setBatchId] = useState<string | null>(null);
  useEffect(() => {
    if (editing) form.reset(templateFormValues(current));
  }, [editing, current, form]);
  const [html, layout, dnsName] = useWatch({ control: form.control, name: ['html', 'layout', 'dnsName'] });
  // A refusal is about the HTML as it was sent: once it is edited, the preview's list is the one that counts.
  useEffect(() => {
    form.clearErrors('root.server');
  }, [html, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      if (current) await callIn('hotspot.templates.update', { templateId: current.id, ...values });
      else await callIn('hotspot.templates.create', values);
      notifications.show({ color: 'green', message: t('voucherTemplates.editor.saved') });
      onSaved();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal opened={editing !== null} onClose={onClose} form={form} onSubmit={submit} size="100%"
      title={current ? t('voucherTemplates.editor.editTitle', { name: current.name }) : t('voucherTemplates.editor.newTitle')}
      submitLabel={t('voucherTemplates.editor.save')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <TextInput label={t('voucherTemplates.editor.name')} required {...form.register('name')} error={form.formState.errors.name?.message} />
            <Group grow align="flex-start">
              <Controller control={form.control} name="layout" render={({ field }) => (
                <Select label={t('voucherTemplates.editor.layout')} allowDeselect={false} value={field.value} onChange={(v) => field.onChange((v ?? 'a4-3x8') as VoucherLayout)}
                  data={VOUCHER_LAYOUTS.map((l) => ({ value: l, label: t(`voucherTemplates.layout.${l}`) }))} />
              )} />
              <BatchSelect label={t('voucherTemplates.editor.batch')} placeholder={t('voucherTemplates.editor.newestBatch')} value={batchId} onChange={setBatchId} clearable />
            </Group>
            <TextInput label={t('voucherTemplates.editor.dnsName')} description={t('voucherTemplates.editor.dnsNameHint')} required placeholder={t('examples.hotspotDnsName')}
              {...form.register('dnsName')} error={form.formState.errors.dnsName?.message} />
            <div>
              <Text size="sm" fw={500}>{t('voucherTemplates.editor.variables')}</Text>
              <Group gap={4} mt={4}>{VARIABLE_TOKENS.map((v) => <Badge key={v} variant="light" tt="none" ff="monospace">{v}</Badge>)}</Group>
            </div>
            <Textarea label={t('voucherTemplates.editor.html')} description={t('voucherTemplates.editor.htmlHint')} autosize minRows={14} maxRows={28}
              spellCheck={false} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} {...form.register('html')} error={form.formState.errors.html?.message} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {editing !== null && <TemplatePreview html={html} layout={layout} dnsName={dnsName} batchId={batchId} />}
        </Grid.Col>
      </Grid>
    </FormModal>
  );
}
