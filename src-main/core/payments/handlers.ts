import type { paymentsChannels } from '@shared/contract/payments';
import type { HandlersFor } from '../rpc/handlers';
import { recordCash } from './cash';
import { dailyCollections } from './collections';
import { assignPayment, setAsidePayment, unmatchedCount } from './decisions';
import { listPayments } from './payment-repo';
import { verifyLedger } from './verify';
import { adjustWallet, getWallet, reverseEntry } from './wallet';

type Channels = Extract<keyof typeof paymentsChannels, string>;

export const paymentsHandlers: HandlersFor<Channels> = {
  'payments.list': (q, ctx) => listPayments(ctx.db, q, q),
  'payments.unmatched.list': (q, ctx) => listPayments(ctx.db, { status: 'unmatched' }, q, 'asc'),
  'payments.unmatched.count': (_i, ctx) => unmatchedCount(ctx),
  'payments.unmatched.assign': (i, ctx) => assignPayment(ctx, i),
  'payments.unmatched.set-aside': (i, ctx) => setAsidePayment(ctx, i),
  'payments.cash.record': (i, ctx) => recordCash(ctx, i),
  'wallet.get': (i, ctx) => getWallet(ctx, i),
  'wallet.adjust': (i, ctx) => adjustWallet(ctx, i),
  'wallet.reverse': (i, ctx) => reverseEntry(ctx, i),
  'payments.collections': (i, ctx) => dailyCollections(ctx, i),
  'payments.ledger.verify': (_i, ctx) => verifyLedger(ctx.db),
};
