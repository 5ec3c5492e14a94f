import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { localDate, startOfLocalDay } from '@shared/domain/time';
import type { TenantScope } from '../context';

type Collections = OutputOf<'payments.collections'>;

/**
 * A local day's collections, read from the LEDGER (so they equal it by construction): credits of payments
 * made that day, minus reversals of payment credits made that day, attributed to the payment's method and
 * to whoever recorded the payment (the cashier for cash; system:mpesa for M-Pesa), plus money received for no
 * subscriber (income_entries: vouchers sold, agents' float top-ups) and its reversals. Payments received that
 * day that sit in no wallet (unmatched, set aside) are reported apart, not in the total.
 */
export async function dailyCollections(scope: TenantScope, input: ParsedInputOf<'payments.collections'>): Promise<Collections> {
  const tz = scope.tenant.timezone;
  const from = startOfLocalDay(input.day, tz);
  // 36 h after the start is always inside the next local day, whatever DST does.
  const to = startOfLocalDay(localDate(new Date(from.getTime() + 36 * 3_600_000), tz), tz);
  const range = [from.toISOString(), to.toISOString()] as const;
  const credits = await scope.db.selectFrom('ledgerEntries').innerJoin('payments', 'payments.id', 'ledgerEntries.paymentId')
    .select(['ledgerEntries.amountMinor', 'payments.provider', 'payments.recordedByType', 'payments.recordedById', 'payments.recordedByName'])
    .where('ledgerEntries.kind', '=', 'credit').where('ledgerEntries.createdAt', '>=', range[0]).where('ledgerEntries.createdAt', '<', range[1]).execute();
  const reversals = await scope.db.selectFrom('ledgerEntries as r').innerJoin('ledgerEntries as c', 'c.id', 'r.reversesEntryId')
    .innerJoin('payments', 'payments.id', 'c.paymentId')
    .select(['r.amountMinor', 'payments.provider', 'payments.recordedByType', 'payments.recordedById', 'payments.recordedByName'])
    .where('r.kind', '=', 'reversal').where('c.kind', '=', 'credit').where('r.createdAt', '>=', range[0]).where('r.createdAt', '<', range[1]).execute();
  // Money for no subscriber (vouchers sold, agents' float top-ups) and its reversals, from its own append-only record.
  const income = await scope.db.selectFrom('incomeEntries')
    .select(['amountMinor', 'method as provider', 'recordedByType', 'recordedById', 'recordedByName'])
    .where('createdAt', '>=', range[0]).where('createdAt', '<', range[1]).execute();
  const byMethod = new Map<Collections['byMethod'][number]['method'], { count: number; totalMinor: number }>();
  const byStaff = new Map<string, Collections['byStaff'][number]>();
  let total = 0;
  for (const r of [...credits, ...reversals, ...income]) {
    const counts = r.amountMinor > 0 ? 1 : -1;
    total += r.amountMinor;
    const m = byMethod.get(r.provider) ?? { count: 0, totalMinor: 0 };
    byMethod.set(r.provider, { count: m.count + counts, totalMinor: m.totalMinor + r.amountMinor });
    const key = `${r.recordedByType}:${r.recordedById ?? ''}`;
    const s = byStaff.get(key) ?? { kind: r.recordedByType, id: r.recordedById, name: r.recordedByName, count: 0, totalMinor: 0 };
    byStaff.set(key, { ...s, count: s.count + counts, totalMinor: s.totalMinor + r.amountMinor });
  }
  const unapplied = await scope.db.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountMinor'), eb.lit(0)).as('n'))
    .where('status', 'in', ['unmatched', 'set-aside']).where('receivedAt', '>=', range[0]).where('receivedAt', '<', range[1]).executeTakeFirstOrThrow();
  return {
    day: input.day, from: range[0], to: range[1], totalMinor: total, count: credits.length - reversals.length + income.reduce((n, r) => n + (r.amountMinor > 0 ? 1 : -1), 0),
    byMethod: [...byMethod].map(([method, v]) => ({ method, ...v })).sort((a, b) => a.method.localeCompare(b.method)),
    byStaff: [...byStaff.values()].sort((a, b) => a.name.localeCompare(b.name)),
    unappliedMinor: Number(unapplied.n),
  };
}
