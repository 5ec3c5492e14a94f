import type { OutputOf } from '@shared/contract';
import type { ReceiptFormat } from '@shared/contract/documents';
import type { TenantScope } from '../context';
import type { ReceiptLayout } from './document-types';
import { receiptDocOf } from './receipt-data';
import { receiptPdf } from './receipt-pdf';

const LAYOUTS: Record<ReceiptFormat, ReceiptLayout> = { a4: 'a4', '80mm': 'roll80', '58mm': 'roll58' };

/** One payment's receipt PDF, base64 so it travels over IPC and HTTP JSON alike (a receipt is a few KB). */
export async function receiptPdfOfPayment(scope: TenantScope, paymentId: string, format: ReceiptFormat): Promise<OutputOf<'payments.receipt.pdf'>> {
  const doc = await receiptDocOf(scope, paymentId);
  const bytes = await receiptPdf(doc, LAYOUTS[format]);
  return { receiptNumber: doc.receiptNumber, fileName: `receipt-${doc.receiptNumber}-${format}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
}
