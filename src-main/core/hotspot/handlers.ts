import type { hotspotChannels } from '@shared/contract/hotspot';
import type { HandlersFor } from '../rpc/handlers';
import { createBatch, listBatches } from './batch-service';
import { batchProgress, cancelBatch } from './batch-push';
import { createPlan, listPlans, updatePlan } from './plan-service';
import { syncVoucherStatuses } from './status-sync';
import { resetVoucherCounters } from './voucher-counters';
import { listVouchers, revokeVouchers } from './voucher-service';

type Channels = Extract<keyof typeof hotspotChannels, string>;

export const hotspotHandlers: HandlersFor<Channels> = {
  'hotspot.plans.list': (q, ctx) => listPlans(ctx, q),
  'hotspot.plans.create': (i, ctx) => createPlan(ctx, i),
  'hotspot.plans.update': (i, ctx) => updatePlan(ctx, i),
  'hotspot.batches.create': (i, ctx) => createBatch(ctx, i),
  'hotspot.batches.list': (q, ctx) => listBatches(ctx, q),
  'hotspot.batches.progress': (i, ctx) => batchProgress(ctx, i.batchId),
  'hotspot.batches.cancel': (i, ctx) => cancelBatch(ctx, i.batchId),
  'hotspot.vouchers.list': (q, ctx) => listVouchers(ctx, q),
  'hotspot.vouchers.revoke': (i, ctx) => revokeVouchers(ctx, i),
  'hotspot.vouchers.sync': (i, ctx) => syncVoucherStatuses(ctx, i.routerId),
  'hotspot.vouchers.reset-counters': (i, ctx) => resetVoucherCounters(ctx, i.voucherId),
};
