import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { templateColumns, type TemplateAction } from './template-columns';
import { TemplateEditorModal } from './template-editor-modal';
import { TemplatePdfModal } from './template-pdf-modal';

/** The Voucher templates area: the list, the editor with its live preview, printing a batch, delete after a confirmation. */
export function VoucherTemplatesPage() {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const principal = usePrincipal();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const query = useTableQuery<never, Record<never, never>>({ filters: {} });
  const list = useRpc('hotspot.templates.list', query.input);
  const [editing, setEditing] = useState<VoucherTemplate | 'new' | null>(null);
  const [printing, setPrinting] = useState<VoucherTemplate | null>(null);
  const [deleting, setDeleting] = useState<VoucherTemplate | null>(null);

  const columns = useMemo(() => {
    const onAction = (action: TemplateAction, tpl: VoucherTemplate) => {
      if (action === 'edit') setEditing(tpl);
      else if (action === 'pdf') setPrinting(tpl);
      else setDeleting(tpl);
    };
    return templateColumns({ t, tf, canManage, onAction });
  }, [t, tf, canManage]);

  const create = canManage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('voucherTemplates.create')}</Button> : undefined;
  return (
    <Stack gap="md">
      <PageHeader title={t('voucherTemplates.title')} description={t('voucherTemplates.intro', { varCode: '{{code}}', varQr: '{{qr}}', interpolation: { escapeValue: false } })}
        actions={create} />
      <DataTable
        label={t('voucherTemplates.title')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(r) => r.id}
        query={query}
        searchPlaceholder={t('voucherTemplates.search')}
        empty={<EmptyNotice title={t('voucherTemplates.emptyTitle')} description={t('voucherTemplates.emptyBody')} action={create} />}
      />
      <TemplateEditorModal editing={editing} onClose={() => setEditing(null)} onSaved={list.reload} />
      <TemplatePdfModal template={printing} onClose={() => setPrinting(null)} />
      <ConfirmModal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('voucherTemplates.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('voucherTemplates.deleteConfirm')} color="red"
        onConfirm={async () => {
          if (!deleting) return;
          await callIn('hotspot.templates.delete', { templateId: deleting.id });
          notifications.show({ color: 'green', message: t('voucherTemplates.deleted') });
          list.reload();
        }}>
        <Text size="sm">{t('voucherTemplates.deleteBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
