import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '@shared/contract/invoices';
import { useCall } from '../../app/scope-context';
import { PdfDocumentModal } from '../../components/pdf-document-modal';

/** An invoice's A4 PDF in the same dialog as receipts: save, print on a chosen printer (desktop) or open in a tab. */
export function InvoicePdfModal({ invoice, onClose }: { invoice: InvoiceSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const number = invoice ? invoice.number ?? t('invoices.draftNumber') : '';
  return (
    <PdfDocumentModal
      opened={invoice !== null}
      onClose={onClose}
      title={t('invoices.pdf.title', { number })}
      name={number}
      fetchPdf={() => callIn('invoices.pdf', { invoiceId: invoice?.id ?? '' })}
      labels={{
        printer: t('invoices.pdf.printer'), printerDialog: t('invoices.pdf.printerDialog'), save: t('invoices.pdf.save'),
        print: t('invoices.pdf.print'), open: t('invoices.pdf.open'), printed: t('invoices.pdf.printed'),
      }}
    />
  );
}
