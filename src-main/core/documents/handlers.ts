import type { documentsChannels } from '@shared/contract/documents';
import type { HandlersFor } from '../rpc/handlers';
import { exportPaymentsCsv } from './csv-export';
import { receiptPdfOfPayment } from './receipt-file';

type Channels = Extract<keyof typeof documentsChannels, string>;

export const documentsHandlers: HandlersFor<Channels> = {
  'payments.receipt.pdf': (i, ctx) => receiptPdfOfPayment(ctx, i.paymentId, i.format),
  'payments.export.csv': (i, ctx) => exportPaymentsCsv(ctx, i),
};
