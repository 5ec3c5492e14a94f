import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { StockRow } from '@shared/contract/voucher-sales';
import { AppError, notFound } from '@shared/domain/errors';
import { localDate, startOfLocalDay } from '@shared/domain/time';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { pageQuery } from '../paging';
import { getAgent } from './agents';
import { toSaleSummaries } from './sell';

type PlanEb = ExpressionBuilder<TenantDB, 'hotspotPlans' | 'voucherStockThresholds'>;

/** States the status sync reads from the router for a voucher someone has logged in with. */
const USED_STATES = ['in-use', 'used-up', 'expired'] as const;

const usedExists = (e: ExpressionBuilder<TenantDB, 'vouchers'>) => e.exists(e.selectFrom('voucherUsage').select('voucherUsage.voucherId')
  .whereRef('voucherUsage.voucherId', '=', 'vouchers.id').where('voucherUsage.state', 'in', USED_STATES));

/**
 * Vouchers of the plan still to sell: not revoked, in no sale, and never logged in with on the router (an
 * adopted voucher that was already used is not stock).
 */
const availableOf = (eb: PlanEb) => eb.selectFrom('vouchers').select((e) => e.fn.countAll<number>().as('n'))
  .whereRef('vouchers.planId', '=', 'hotspotPlans.id').where('vouchers.status', '=', 'unused')
  .where((e) => e.not(e.exists(e.selectFrom('voucherSaleItems').select('voucherSaleItems.voucherId').whereRef('voucherSaleItems.voucherId', '=', 'vouchers.id'))))
  .where((e) => e.not(usedExists(e)));

/** The columns of a stock row, for the report and for the row answered after a threshold change. */
const stockColumns = (eb: PlanEb) => [
  'hotspotPlans.id as planId', 'hotspotPlans.name as planName', 'hotspotPlans.routerId', 'hotspotPlans.priceMinor', 'voucherStockThresholds.lowStock',
  availableOf(eb).as('available'),
  eb.selectFrom('voucherSaleItems').select((e) => e.fn.countAll<number>().as('n')).whereRef('voucherSaleItems.planId', '=', 'hotspotPlans.id').as('sold'),
  // Used = logged in with at least once, by the last status sync (hotspot.status-sync).
  eb.selectFrom('vouchers').select((e) => e.fn.countAll<number>().as('n')).whereRef('vouchers.planId', '=', 'hotspotPlans.id')
    .where('vouchers.status', '=', 'unused').where((e) => usedExists(e)).as('used'),
  eb.selectFrom('vouchers').select((e) => e.fn.countAll<number>().as('n')).whereRef('vouchers.planId', '=', 'hotspotPlans.id')
    .where('vouchers.status', '=', 'revoked').as('revoked'),
] as const;

function stockBase(db: Kysely<TenantDB>) {
  return db.selectFrom('hotspotPlans').leftJoin('voucherStockThresholds', 'voucherStockThresholds.planId', 'hotspotPlans.id');
}

/** Stock per plan; `lowOnly` keeps the plans under their threshold (the alert on the Voucher sales screen). */
export async function stockReport(scope: TenantScope, q: ParsedInputOf<'vouchers.stock'>): Promise<OutputOf<'vouchers.stock'>> {
  let base = stockBase(scope.db);
  if (q.q) base = base.where(sql<boolean>`hotspot_plans.name like ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (q.lowOnly) base = base.where('voucherStockThresholds.lowStock', 'is not', null).where((eb) => eb(availableOf(eb), '<', eb.ref('voucherStockThresholds.lowStock')));
  const sort = q.sort ?? { field: 'planName', dir: 'asc' as const };
  const page = await pageQuery(base, {
    page: q,
    select: (qb) => qb.select(stockColumns),
    sort: [{ by: sort.field === 'planName' ? sql`hotspot_plans.name collate nocase` : sql`available`, dir: sort.dir }, { by: 'hotspotPlans.id', dir: 'asc' }],
  });
  return { ...page, items: page.items.map(toStockRow) };
}

function toStockRow(r: { planId: string; planName: string; routerId: string; priceMinor: number; lowStock: number | null; available: unknown; sold: unknown; used: unknown; revoked: unknown }): StockRow {
  const available = Number(r.available ?? 0);
  return {
    planId: r.planId, planName: r.planName, routerId: r.routerId, priceMinor: r.priceMinor, available, sold: Number(r.sold ?? 0), used: Number(r.used ?? 0),
    revoked: Number(r.revoked ?? 0), lowStock: r.lowStock, low: r.lowStock !== null && available < r.lowStock,
  };
}

export async function setThreshold(scope: TenantScope, input: ParsedInputOf<'vouchers.stock.threshold'>): Promise<StockRow> {
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('hotspotPlans').select(['id', 'name']).where('id', '=', input.planId).executeTakeFirst();
    if (!plan) throw notFound('hotspot-plan.not-found');
    if (input.lowStock === null) await trx.deleteFrom('voucherStockThresholds').where('planId', '=', plan.id).execute();
    else await trx.insertInto('voucherStockThresholds').values({ planId: plan.id, lowStock: input.lowStock, updatedAt: now })
      .onConflict((oc) => oc.column('planId').doUpdateSet({ lowStock: input.lowStock ?? 0, updatedAt: now })).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-stock.threshold-set', summary: `Low-stock alert of ${plan.name}: ${input.lowStock ?? 'off'}`,
      targetType: 'hotspot-plan', targetId: plan.id, details: { lowStock: input.lowStock },
    });
    const row = await stockBase(trx).where('hotspotPlans.id', '=', plan.id).select(stockColumns).executeTakeFirstOrThrow();
    return toStockRow(row);
  });
}

const SALE_SORT = { createdAt: 'createdAt', totalMinor: 'totalMinor' } as const;

export async function listSales(scope: TenantScope, q: ParsedInputOf<'vouchers.sales.list'>): Promise<OutputOf<'vouchers.sales.list'>> {
  // A filter naming an agent or plan that does not exist is an error, not an empty list.
  if (q.agentId) await getAgent(scope.db, q.agentId);
  if (q.planId && !(await scope.db.selectFrom('hotspotPlans').select('id').where('id', '=', q.planId).executeTakeFirst())) throw notFound('hotspot-plan.not-found');
  let base = scope.db.selectFrom('voucherSales');
  if (q.agentId) base = base.where('agentId', '=', q.agentId);
  if (q.planId) base = base.where('planId', '=', q.planId);
  if (q.buyerKind) base = base.where('buyerKind', '=', q.buyerKind);
  if (q.q) base = base.where('reference', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const sort = q.sort ?? { field: 'createdAt', dir: 'desc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: SALE_SORT[sort.field], dir: sort.dir }, { by: 'id', dir: sort.dir }] });
  return { ...page, items: await toSaleSummaries(scope.db, page.items) };
}

export const MAX_REPORT_DAYS = 366;

/** [start of `from`, start of the day after `to`) in the tenant's zone; refused past a year or backwards. */
export function dayRange(from: string, to: string, tz: string): [string, string] {
  const start = startOfLocalDay(from, tz);
  const last = startOfLocalDay(to, tz);
  // 36 h after a day's start is always inside the next local day, whatever DST does.
  const end = startOfLocalDay(localDate(new Date(last.getTime() + 36 * 3_600_000), tz), tz);
  if (end <= start || end.getTime() - start.getTime() > (MAX_REPORT_DAYS + 1) * 86_400_000) {
    throw new AppError('VALIDATION', 'voucher-sale.bad-range', { params: { maxDays: MAX_REPORT_DAYS }, fields: { to: 'invalid-value' } });
  }
  return [start.toISOString(), end.toISOString()];
}

type Revenue = OutputOf<'vouchers.revenue'>;

/**
 * Voucher revenue of sales made in the range: what was paid (a walk-in sale's price, an agent's discounted
 * price) next to the list price, per local day, per batch or per agent ('' = walk-in sales).
 */
export async function revenueReport(scope: TenantScope, input: ParsedInputOf<'vouchers.revenue'>): Promise<Revenue> {
  const [from, to] = dayRange(input.from, input.to, scope.tenant.timezone);
  let rows: Revenue['rows'];
  if (input.by === 'batch') {
    const r = await scope.db.selectFrom('voucherSaleItems').innerJoin('voucherSales', 'voucherSales.id', 'voucherSaleItems.saleId')
      .leftJoin('voucherBatches', 'voucherBatches.id', 'voucherSaleItems.batchId')
      .select((eb) => ['voucherSaleItems.batchId as key', 'voucherBatches.serial', eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('voucherBatches.priceMinor').as('list'), eb.fn.sum<number>('voucherSaleItems.priceMinor').as('total')])
      .where('voucherSales.createdAt', '>=', from).where('voucherSales.createdAt', '<', to)
      .groupBy('voucherSaleItems.batchId').orderBy('voucherBatches.serial').execute();
    rows = r.map((x) => ({ key: x.key, label: x.serial === null ? '' : `#${x.serial}`, count: Number(x.count), listTotalMinor: Number(x.list ?? 0), totalMinor: Number(x.total) }));
  } else {
    const sales = await scope.db.selectFrom('voucherSales').leftJoin('agents', 'agents.id', 'voucherSales.agentId')
      .select(['voucherSales.createdAt', 'voucherSales.agentId', 'agents.name as agentName', 'voucherSales.count', 'voucherSales.listTotalMinor', 'voucherSales.totalMinor'])
      .where('voucherSales.createdAt', '>=', from).where('voucherSales.createdAt', '<', to).orderBy('voucherSales.createdAt').execute();
    const groups = new Map<string, Revenue['rows'][number]>();
    for (const s of sales) {
      const key = input.by === 'day' ? localDate(new Date(s.createdAt), scope.tenant.timezone) : s.agentId ?? '';
      const label = input.by === 'day' ? key : s.agentName ?? '';
      const g = groups.get(key) ?? { key, label, count: 0, listTotalMinor: 0, totalMinor: 0 };
      groups.set(key, { ...g, count: g.count + s.count, listTotalMinor: g.listTotalMinor + s.listTotalMinor, totalMinor: g.totalMinor + s.totalMinor });
    }
    rows = [...groups.values()];
    if (input.by === 'agent') rows.sort((a, b) => a.label.localeCompare(b.label));
  }
  return {
    rows, count: rows.reduce((n, r) => n + r.count, 0), listTotalMinor: rows.reduce((n, r) => n + r.listTotalMinor, 0),
    totalMinor: rows.reduce((n, r) => n + r.totalMinor, 0),
  };
}
