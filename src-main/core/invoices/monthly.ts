import { createHash } from 'node:crypto';
import { previousLocalMonth } from '@shared/domain/invoice-period';
import type { TenantScope } from '../context';
import type { ScheduledJobDef } from '../module';
import { defaultDueAt, insertDraft, issueInTransaction } from './issue';

/**
 * The id of a subscriber's monthly invoice: a UUIDv5-style hash of (subscriber, month) so any run, on any
 * process, computes the same id; with UNIQUE(subscriber_id, period_key) a second run inserts nothing.
 */
export function monthlyInvoiceId(subscriberId: string, periodKey: string): string {
  const h = createHash('sha1').update(`isp-desk/invoice/${subscriberId}/${periodKey}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export interface MonthlyRunResult {
  period: string;
  issued: number;
  existing: number;
}

/**
 * Invoices every postpaid subscriber (not deleted, on a priced package) for the month before `at`, one
 * transaction per subscriber: draft + number in one go, so a crash leaves either a numbered invoice or
 * nothing. Running again for the same month finds the rows and issues nothing twice.
 */
export async function runMonthlyInvoicing(scope: TenantScope, at: Date, log: (line: string) => void = () => {}): Promise<MonthlyRunResult> {
  const month = previousLocalMonth(at, scope.tenant.timezone);
  const due = await scope.db.selectFrom('postpaidSubscribers').innerJoin('subscribers', 'subscribers.id', 'postpaidSubscribers.subscriberId')
    .innerJoin('packages', 'packages.id', 'subscribers.packageId')
    .select(['subscribers.id', 'subscribers.accountNumber', 'packages.name as packageName', 'packages.priceMinor'])
    .where('subscribers.deletedAt', 'is', null).where('packages.priceMinor', '>', 0).orderBy('subscribers.accountNumber').execute();
  let issued = 0;
  let existing = 0;
  for (const s of due) {
    const now = scope.core.clock.now();
    const id = monthlyInvoiceId(s.id, month.key);
    const made = await scope.db.transaction().execute(async (trx) => {
      const dueAt = await defaultDueAt(trx, scope, now);
      const fresh = await insertDraft(trx, scope, {
        id, subscriberId: s.id, lines: [{ description: `${s.packageName} — ${month.key}`, quantity: 1, unitPriceMinor: s.priceMinor }],
        dueAt, notes: null, period: { key: month.key, from: month.from.toISOString(), to: month.to.toISOString() },
      }, now);
      if (fresh) await issueInTransaction(trx, scope, id, now);
      return fresh;
    });
    if (made) issued += 1;
    else existing += 1;
  }
  log(`Period ${month.key}: ${issued} invoice(s) issued, ${existing} already existed`);
  return { period: month.key, issued, existing };
}

/** 06:00 on the 1st of every month in the tenant's zone; a missed month (app off) still runs once. */
export const monthlyInvoicingJob: ScheduledJobDef = {
  key: 'invoices.monthly',
  schedule: { cron: '0 6 1 * *' },
  missed: 'run-once',
  maxAttempts: 3,
  retryBaseMs: 60_000,
  actor: 'system:invoicing',
  run: async (scope, ctx) => {
    await runMonthlyInvoicing(scope, ctx.slot, ctx.log);
  },
};
