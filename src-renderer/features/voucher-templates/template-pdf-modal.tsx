import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import { VOUCHER_LAYOUTS, type VoucherLayout } from '@shared/domain/voucher-print';
import { ApiError } from '../../app/api-error';
import { useCall } from '../../app/scope-context';
import { PdfDocumentModal } from '../../components/pdf-document-modal';
import { BatchSelect } from './batch-select';

/** A batch printed with a saved template, in the app's one PDF dialog: save, print on a chosen printer, or open. */
export function TemplatePdfModal({ template, onClose }: { template: VoucherTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [batchId, setBatchId] = useState<string | null>(null);
  const [layout, setLayout] = useState<VoucherLayout>('a4-3x8');
  useEffect(() => {
    if (template) setLayout(template.layout);
  }, [template]);

  const fetchPdf = () => {
    if (!template || !batchId) return Promise.reject(new ApiError({ code: 'VALIDATION', message: t('voucherTemplates.pdf.batchRequired') }));
    return callIn('hotspot.templates.pdf', { templateId: template.id, batchId, layout });
  };
  return (
    <PdfDocumentModal
      opened={template !== null}
      onClose={onClose}
      title={t('voucherTemplates.pdf.title', { name: template?.name ?? '' })}
      name={template?.name ?? ''}
      fetchPdf={fetchPdf}
      labels={{
        printer: t('voucherTemplates.pdf.printer'), printerDialog: t('voucherTemplates.pdf.printerDialog'), save: t('voucherTemplates.pdf.save'),
        print: t('voucherTemplates.pdf.print'), open: t('voucherTemplates.pdf.open'), printed: t('voucherTemplates.pdf.printed'),
      }}
    >
      <BatchSelect label={t('voucherTemplates.pdf.batch')} placeholder={t('voucherTemplates.pdf.batchRequired')} value={batchId} onChange={setBatchId} />
      <Select label={t('voucherTemplates.pdf.layout')} allowDeselect={false} value={layout} onChange={(v) => setLayout((v ?? 'a4-3x8') as VoucherLayout)}
        data={VOUCHER_LAYOUTS.map((l) => ({ value: l, label: t(`voucherTemplates.layout.${l}`) }))} />
    </PdfDocumentModal>
  );
}
