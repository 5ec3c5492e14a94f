import type { mpesaChannels } from '@shared/contract/mpesa';
import type { StkErrorCode } from '@shared/domain/mpesa-stk';
import type { HandlersFor } from '../rpc/handlers';
import { getMpesaSettings, updateMpesaSettings } from './settings';
import { applySms, previewSms } from './sms-import';
import { applyStatement, previewStatement } from './statement-import';
import { refreshStk, requestStk, type StkRequestRow } from './stk-flow';

type Channels = Extract<keyof typeof mpesaChannels, string>;

const view = (r: StkRequestRow) => ({
  id: r.id, subscriberId: r.subscriberId, phone: r.phone, amountMinor: r.amountMinor, accountRef: r.accountRef, status: r.status,
  errorCode: r.errorCode as StkErrorCode | null, resultCode: r.resultCode, receipt: r.receipt, paymentId: r.paymentId,
  requestedAt: r.requestedAt, finishedAt: r.finishedAt,
});

export const mpesaHandlers: HandlersFor<Channels> = {
  'mpesa.settings.get': (_i, ctx) => getMpesaSettings(ctx),
  'mpesa.settings.update': (i, ctx) => updateMpesaSettings(ctx, i),
  'mpesa.stk.request': async (i, ctx) => view(await requestStk(ctx, i)),
  'mpesa.stk.status': async (i, ctx) => view(await refreshStk(ctx, i.stkRequestId)),
  // The preview keeps the upload: its apply reads the same file.
  'mpesa.statement.preview': (i, ctx) => ctx.core.uploads.use(i.uploadId, 'mpesa-statement', ctx.session.token, (f) => previewStatement(ctx, f.path), true),
  'mpesa.statement.apply': (i, ctx) => ctx.core.uploads.use(i.uploadId, 'mpesa-statement', ctx.session.token, (f) => applyStatement(ctx, f.path, f.fileName)),
  'mpesa.sms.preview': async (i, ctx) => ({ rows: await previewSms(ctx, i.text) }),
  'mpesa.sms.apply': (i, ctx) => applySms(ctx, i.text),
};
