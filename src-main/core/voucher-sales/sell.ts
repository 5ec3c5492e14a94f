import type { Kysely, Selectable } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { VoucherSaleSummary } from '@shared/contract/voucher-sales';
import { agentUnitPrice } from '@shared/domain/agent-float';
import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB, VoucherSalesTable } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { recordIncome } from '../payments/other-income';
import { appendAgentEntry } from './agent-ledger';
import { getAgent } from './agents';

type SellInput = ParsedInputOf<'vouchers.sell'>;
type SellOutput = OutputOf<'vouchers.sell'>;

interface Picked {
  id: string;
  code: string;
  password: string;
  batchId: string;
  serial: number;
  planId: string;
  priceMinor: number;
  status: string;
  sold: boolean;
}

/** Vouchers with what a sale needs: batch serial and price, and whether some sale already sold them. */
function voucherRows(db: Kysely<TenantDB>) {
  return db.selectFrom('vouchers').innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
    .select((eb) => [
      'vouchers.id', 'vouchers.code', 'vouchers.password', 'vouchers.batchId', 'voucherBatches.serial', 'vouchers.planId',
      'voucherBatches.priceMinor', 'vouchers.status',
      eb.exists(eb.selectFrom('voucherSaleItems').select('voucherSaleItems.voucherId').whereRef('voucherSaleItems.voucherId', '=', 'vouchers.id')).as('sold'),
    ]);
}

const toPicked = (r: Omit<Picked, 'sold'> & { sold: unknown }): Picked => ({ ...r, sold: Boolean(r.sold) });

/**
 * The vouchers a sale takes: N of a plan (oldest batch first, then by code), every unsold one of a batch, or
 * the chosen ones. Only vouchers still `unused` and in no sale qualify; anything else refuses the whole sale.
 */
async function pickVouchers(trx: Kysely<TenantDB>, pick: SellInput['pick']): Promise<Picked[]> {
  const available = (q: ReturnType<typeof voucherRows>) => q.where('vouchers.status', '=', 'unused')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('voucherSaleItems').select('voucherSaleItems.voucherId').whereRef('voucherSaleItems.voucherId', '=', 'vouchers.id'))));
  if (pick.by === 'plan') {
    const plan = await trx.selectFrom('hotspotPlans').select('id').where('id', '=', pick.planId).executeTakeFirst();
    if (!plan) throw notFound('hotspot-plan.not-found');
    const rows = (await available(voucherRows(trx)).where('vouchers.planId', '=', pick.planId)
      .orderBy('voucherBatches.serial', 'asc').orderBy('vouchers.code', 'asc').limit(pick.count).execute()).map(toPicked);
    if (rows.length < pick.count) throw new AppError('CONFLICT', 'voucher-sale.stock-short', { params: { available: rows.length } });
    return rows;
  }
  if (pick.by === 'batch') {
    const batch = await trx.selectFrom('voucherBatches').select('id').where('id', '=', pick.batchId).executeTakeFirst();
    if (!batch) throw notFound('voucher-batch.not-found');
    const rows = (await available(voucherRows(trx)).where('vouchers.batchId', '=', pick.batchId).orderBy('vouchers.code', 'asc').execute()).map(toPicked);
    if (rows.length === 0) throw new AppError('CONFLICT', 'voucher-sale.stock-short', { params: { available: 0 } });
    return rows;
  }
  const ids = [...new Set(pick.voucherIds)];
  const rows = (await voucherRows(trx).where('vouchers.id', 'in', ids).orderBy('vouchers.code', 'asc').execute()).map(toPicked);
  if (rows.length < ids.length) throw notFound('voucher.not-found');
  const gone = rows.filter((r) => r.sold || r.status !== 'unused');
  if (gone.length > 0) throw new AppError('CONFLICT', 'voucher-sale.not-available', { params: { codes: gone.slice(0, 10).map((r) => r.code).join(', ') } });
  if (new Set(rows.map((r) => r.planId)).size > 1) throw new AppError('VALIDATION', 'voucher-sale.one-plan');
  return rows;
}

type SaleRow = Selectable<VoucherSalesTable>;

export async function toSaleSummaries(db: Kysely<TenantDB>, rows: readonly SaleRow[]): Promise<VoucherSaleSummary[]> {
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const agentIds = [...new Set(rows.flatMap((r) => (r.agentId ? [r.agentId] : [])))];
  const plans = new Map(planIds.length ? (await db.selectFrom('hotspotPlans').select(['id', 'name']).where('id', 'in', planIds).execute()).map((p) => [p.id, p.name]) : []);
  const agents = new Map(agentIds.length ? (await db.selectFrom('agents').select(['id', 'name']).where('id', 'in', agentIds).execute()).map((a) => [a.id, a.name]) : []);
  return rows.map((r) => ({
    id: r.id, buyerKind: r.buyerKind, agentId: r.agentId, agentName: r.agentId ? agents.get(r.agentId) ?? null : null,
    // A plan deleted with its router leaves the sale; its name is then unknown.
    planId: r.planId, planName: plans.get(r.planId) ?? '', count: r.count, listTotalMinor: r.listTotalMinor, discountBp: r.discountBp,
    totalMinor: r.totalMinor, method: r.method, reference: r.reference, note: r.note,
    soldBy: { kind: r.actorType, id: r.actorId, name: r.actorName }, createdAt: r.createdAt,
  }));
}

async function saleOutput(db: Kysely<TenantDB>, sale: SaleRow): Promise<SellOutput> {
  const vouchers = await db.selectFrom('voucherSaleItems').innerJoin('vouchers', 'vouchers.id', 'voucherSaleItems.voucherId')
    .innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
    .select(['vouchers.id', 'vouchers.code', 'vouchers.password', 'voucherBatches.serial as batchSerial', 'voucherSaleItems.priceMinor'])
    .where('voucherSaleItems.saleId', '=', sale.id).orderBy('vouchers.code').execute();
  const [summary] = await toSaleSummaries(db, [sale]);
  return { sale: summary!, vouchers };
}

/**
 * Sells vouchers in one transaction: the sale, the vouchers it sold (each at most once, by primary key) and
 * the money — for a walk-in customer payments' other income (day's collections, cashier's drawer), for an
 * agent a purchase entry on its float at the discounted price (refused with `agent.float-short`, nothing
 * written, when the float cannot pay). The same request key again returns the sale already made.
 */
export async function sellVouchers(scope: TenantScope, input: SellInput): Promise<SellOutput> {
  const now = scope.core.clock.now();
  return scope.db.transaction().execute((trx) => sellIn(trx, scope, input, now));
}

/** Rolled back on purpose: the preview is exactly what the sale would do, computed by the same code. */
class PreviewDone extends Error {
  constructor(readonly out: SellOutput) { super('preview'); }
}

/** What `sellVouchers` would sell and charge, and its refusals, with nothing written (the transaction is rolled back). */
export async function previewSale(scope: TenantScope, input: SellInput): Promise<SellOutput> {
  const now = scope.core.clock.now();
  try {
    await scope.db.transaction().execute(async (trx) => {
      throw new PreviewDone(await sellIn(trx, scope, input, now));
    });
  } catch (e) {
    if (e instanceof PreviewDone) return e.out;
    throw e;
  }
  throw new Error('unreachable');
}

async function sellIn(trx: Kysely<TenantDB>, scope: TenantScope, input: SellInput, now: Date): Promise<SellOutput> {
  const done = await trx.selectFrom('voucherSales').selectAll().where('requestKey', '=', input.requestKey).executeTakeFirst();
  if (done) return saleOutput(trx, done);
  const picked = await pickVouchers(trx, input.pick);
  const agent = input.buyer.kind === 'agent' ? await getAgent(trx, input.buyer.agentId) : null;
  const discountBp = agent?.discountBp ?? 0;
  const prices = picked.map((p) => agentUnitPrice(p.priceMinor, discountBp));
  const listTotal = picked.reduce((n, p) => n + p.priceMinor, 0);
  const total = prices.reduce((n, p) => n + p, 0);
  const id = uuidv7(now.getTime());
  let incomeEntryId: string | null = null;
  let agentEntryId: string | null = null;
  let reference: string | null = null;
  if (input.buyer.kind === 'walk-in') {
    reference = input.buyer.reference ?? `VS-${id}`;
    // Free vouchers (price 0) move no money.
    if (total > 0) incomeEntryId = await recordIncome(trx, scope.actor, now, { source: 'voucher-sale', method: input.buyer.method, reference, amountMinor: total, note: input.note });
  } else if (agent && total > 0) {
    agentEntryId = (await appendAgentEntry(trx, agent.id, { kind: 'purchase', amountMinor: -total, saleId: id }, scope.actor, now)).id;
  }
  const sale: SaleRow = {
    id, requestKey: input.requestKey, buyerKind: input.buyer.kind, agentId: agent?.id ?? null, planId: picked[0]!.planId, count: picked.length,
    listTotalMinor: listTotal, discountBp, totalMinor: total, method: input.buyer.kind === 'walk-in' ? input.buyer.method : null, reference,
    incomeEntryId, agentEntryId, note: input.note, actorType: scope.actor.kind, actorId: scope.actor.id, actorName: scope.actor.name, createdAt: now.toISOString(),
  };
  await trx.insertInto('voucherSales').values(sale).execute();
  const items = picked.map((p, i) => ({ voucherId: p.id, saleId: id, batchId: p.batchId, planId: p.planId, priceMinor: prices[i]! }));
  for (let i = 0; i < items.length; i += 500) await trx.insertInto('voucherSaleItems').values(items.slice(i, i + 500)).execute();
  await appendAudit(trx, scope.core.clock, scope.actor, {
    action: 'vouchers.sold',
    summary: agent ? `Sold ${picked.length} vouchers to agent ${agent.name} for ${total} minor from the float`
      : `Sold ${picked.length} vouchers for ${total} minor by ${sale.method} (${reference})`,
    targetType: 'voucher-sale', targetId: id,
    details: { count: picked.length, listTotalMinor: listTotal, totalMinor: total, discountBp, agentId: sale.agentId, method: sale.method, reference },
  });
  return saleOutput(trx, sale);
}
