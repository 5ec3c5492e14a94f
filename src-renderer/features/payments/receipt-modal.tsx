import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_FORMATS, type ReceiptFormat } from '@shared/contract/documents';
import { useCall } from '../../app/scope-context';
import { PdfDocumentModal } from '../../components/pdf-document-modal';

interface ReceiptModalProps {
  /** The payment whose receipt is offered; null keeps the modal closed. */
  payment: { id: string; reference: string } | null;
  onClose: () => void;
}

/**
 * A payment's receipt: the format (A4 or a thermal roll), then the shared PDF dialog (print on a chosen
 * printer where the app can, else open in a new tab; saving works everywhere).
 */
export function ReceiptModal({ payment, onClose }: ReceiptModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [format, setFormat] = useState<ReceiptFormat>('80mm');
  return (
    <PdfDocumentModal
      opened={payment !== null}
      onClose={onClose}
      title={t('payments.receipt.title', { reference: payment?.reference ?? '' })}
      name={payment?.reference ?? ''}
      fetchPdf={() => callIn('payments.receipt.pdf', { paymentId: payment?.id ?? '', format })}
      labels={{
        printer: t('payments.receipt.printer'), printerDialog: t('payments.receipt.printerDialog'), save: t('payments.receipt.save'),
        print: t('payments.receipt.print'), open: t('payments.receipt.open'), printed: t('payments.receipt.printed'),
      }}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('payments.receipt.format')}</Text>
        <SegmentedControl value={format} onChange={(v) => setFormat(v as ReceiptFormat)} aria-label={t('payments.receipt.format')}
          data={RECEIPT_FORMATS.map((f) => ({ value: f, label: t(`payments.receipt.formatName.${f}`) }))} />
      </Stack>
    </PdfDocumentModal>
  );
}
