import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOUCHER_LAYOUTS, type VoucherLayout } from '@shared/domain/voucher-print';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { PdfDocumentModal } from '../../components/pdf-document-modal';
import { PrintSelection, selectionOf, type PrintChoice } from './print-selection';

interface PrintModalProps {
  opened: boolean;
  /** What the dialog opens on: a batch, or codes (a voucher's reprint). */
  initial: { batchId?: string; codes?: string[] };
  onClose: () => void;
}

/**
 * Print or reprint vouchers: what (batch, days, codes) and the layout, then the shared PDF dialog
 * (save, open, or print directly on a chosen printer in the desktop app).
 */
export function PrintModal({ opened, initial, onClose }: PrintModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const [layout, setLayout] = useState<VoucherLayout>('a4-4x10');
  const [choice, setChoice] = useState<PrintChoice>({ by: 'batch', batchId: null, fromDate: null, toDate: null, codesText: '' });
  // Compared as text: callers pass a fresh object each render.
  const initialKey = JSON.stringify(initial);
  useEffect(() => {
    if (!opened) return;
    const init = JSON.parse(initialKey) as PrintModalProps['initial'];
    setChoice({ by: init.codes ? 'codes' : 'batch', batchId: init.batchId ?? null, fromDate: null, toDate: null, codesText: (init.codes ?? []).join('\n') });
  }, [opened, initialKey]);

  const fetchPdf = async () => {
    const select = selectionOf(choice, tf.timeZone);
    if (!select) throw new Error(t('hotspot.print.missing'));
    return callIn('hotspot.vouchers.pdf', { select, layout });
  };

  return (
    <PdfDocumentModal
      opened={opened}
      onClose={onClose}
      title={t('hotspot.print.title')}
      name={t('hotspot.print.title')}
      fetchPdf={fetchPdf}
      labels={{
        printer: t('hotspot.print.printer'), printerDialog: t('hotspot.print.printerDialog'), save: t('hotspot.print.save'),
        print: t('hotspot.print.print'), open: t('hotspot.print.openPdf'), printed: t('hotspot.print.printed'),
      }}
    >
      <PrintSelection choice={choice} onChange={setChoice} />
      <Select label={t('hotspot.print.layout')} value={layout} onChange={(v) => v && setLayout(v as VoucherLayout)} allowDeselect={false}
        data={VOUCHER_LAYOUTS.map((l) => ({ value: l, label: t(`hotspot.print.layoutName.${l}`) }))} />
    </PdfDocumentModal>
  );
}
