import type { documentsChannels } from '@shared/contract/documents';
import type { HandlersFor } from '../rpc/handlers';
import { exportPaymentsCsv } from './csv-export';
import { receiptPdfOfPayment } from './receipt-file';
import { voucherPdfFile } from './voucher-file';
import { c2bPathToken } from '../mpesa/c2b-path';

type Channels = Extract<keyof typeof documentsChannels, string>;

export const documentsHandlers: HandlersFor<Channels> = {
  'payments.receipt.pdf': (i, ctx) => receiptPdfOfPayment(ctx, i.paymentId, i.format),
  'payments.export.csv': (i, ctx) => exportPaymentsCsv(ctx, i),
  'hotspot.vouchers.pdf': (i, ctx) => voucherPdfFile(ctx, i),
  'payments.callback-urls': async (_i, ctx) => {
    const base = `/c2b/${ctx.tenant.id}/${await c2bPathToken(ctx)}`;
    return { validationPath: `${base}/validation`, confirmationPath: `${base}/confirmation` };
  },
};
