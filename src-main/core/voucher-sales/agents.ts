import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { AgentSummary } from '@shared/contract/voucher-sales';
import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { pageQuery } from '../paging';
import { recordIncome, reverseIncome } from '../payments/other-income';
import { appendAgentEntry, floatHead, reversedEntryIds, toAgentEntry } from './agent-ledger';

type EntryResult = OutputOf<'agents.top-up'>;

/** Agent columns with each one's float balance (its last entry's running balance, 0 before any). */
function withBalance(qb: SelectQueryBuilder<TenantDB, 'agents', object>) {
  return qb.select((eb) => [
    'agents.id', 'agents.name', 'agents.phone', 'agents.discountBp', 'agents.createdAt',
    eb.fn.coalesce(
      eb.selectFrom('agentLedger').select('balanceAfterMinor').whereRef('agentLedger.agentId', '=', 'agents.id').orderBy('seq', 'desc').limit(1),
      eb.lit(0),
    ).as('balanceMinor'),
  ]);
}

export async function getAgent(db: Kysely<TenantDB>, agentId: string): Promise<AgentSummary> {
  const a = await withBalance(db.selectFrom('agents')).where('agents.id', '=', agentId).executeTakeFirst();
  if (!a) throw notFound('agent.not-found');
  return { ...a, balanceMinor: Number(a.balanceMinor) };
}

export async function listAgents(scope: TenantScope, q: ParsedInputOf<'agents.list'>): Promise<OutputOf<'agents.list'>> {
  let base = scope.db.selectFrom('agents');
  if (q.q) base = base.where(sql<boolean>`agents.name like ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, {
    page: q,
    select: withBalance,
    sort: [{ by: sort.field === 'name' ? sql`agents.name collate nocase` : 'agents.createdAt', dir: sort.dir }, { by: 'agents.id', dir: 'asc' }],
  });
  return { ...page, items: page.items.map((a) => ({ ...a, balanceMinor: Number(a.balanceMinor) })) };
}

async function nameTaken(db: Kysely<TenantDB>, name: string, except: string | null): Promise<boolean> {
  let q = db.selectFrom('agents').select('id').where(sql<boolean>`name = ${name} collate nocase`);
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst()) !== undefined;
}

function taken(name: string): AppError {
  return new AppError('CONFLICT', 'agent.name-taken', { params: { name }, fields: { name: 'taken' } });
}

export async function createAgent(scope: TenantScope, input: ParsedInputOf<'agents.create'>): Promise<AgentSummary> {
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, input.name, null)) throw taken(input.name);
    const id = uuidv7();
    await trx.insertInto('agents').values({ id, name: input.name, phone: input.phone, discountBp: input.discountBp, createdAt: now, updatedAt: now }).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'agent.created', summary: `Added agent ${input.name} (discount ${input.discountBp / 100} %)`, targetType: 'agent', targetId: id,
      details: { name: input.name, phone: input.phone, discountBp: input.discountBp },
    });
    return getAgent(trx, id);
  });
}

export async function updateAgent(scope: TenantScope, input: ParsedInputOf<'agents.update'>): Promise<AgentSummary> {
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
    const before = await getAgent(trx, input.agentId);
    if (input.name !== undefined && await nameTaken(trx, input.name, before.id)) throw taken(input.name);
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}), ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.discountBp !== undefined ? { discountBp: input.discountBp } : {}),
    };
    await trx.updateTable('agents').set({ ...set, updatedAt: now }).where('id', '=', before.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'agent.updated', summary: `Edited agent ${input.name ?? before.name}`, targetType: 'agent', targetId: before.id,
      details: { before: { name: before.name, phone: before.phone, discountBp: before.discountBp }, after: set },
    });
    return getAgent(trx, before.id);
  });
}

/**
 * Money an agent paid into its float: the float's top-up entry and the money itself (payments' other income,
 * so it is in the day's collections and the cashier's drawer), in one transaction. Without a reference one
 * is made from the request key, so a retried click finds its own top-up and returns it instead of adding
 * another; a reference already used for other money is refused (`payment.duplicate`).
 */
export async function topUpAgent(scope: TenantScope, input: ParsedInputOf<'agents.top-up'>): Promise<EntryResult> {
  const now = scope.core.clock.now();
  const reference = input.reference ?? `FLOAT-${input.requestKey}`;
  return scope.db.transaction().execute(async (trx) => {
    const agent = await getAgent(trx, input.agentId);
    const again = await trx.selectFrom('agentLedger').selectAll().where('agentId', '=', agent.id).where('kind', '=', 'top-up')
      .where('method', '=', input.method).where('reference', '=', reference).executeTakeFirst();
    if (again) {
      if (again.amountMinor !== input.amountMinor) throw new AppError('CONFLICT', 'payment.duplicate', { params: { reference } });
      return { entry: toAgentEntry(again, (await reversedEntryIds(trx, [again.id])).size > 0), balanceMinor: (await floatHead(trx, agent.id)).balanceMinor };
    }
    const incomeEntryId = await recordIncome(trx, scope.actor, now, { source: 'agent-float', method: input.method, reference, amountMinor: input.amountMinor, note: `Float of ${agent.name}` });
    const row = await appendAgentEntry(trx, agent.id, { kind: 'top-up', amountMinor: input.amountMinor, method: input.method, reference, incomeEntryId }, scope.actor, now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'agent.topped-up', summary: `Float of ${agent.name}: top-up of ${input.amountMinor} minor by ${input.method} (${reference})`,
      targetType: 'agent', targetId: agent.id, details: { entryId: row.id, amountMinor: input.amountMinor, method: input.method, reference },
    });
    return { entry: toAgentEntry(row, false), balanceMinor: row.balanceAfterMinor };
  });
}

/** A manual credit or debit of an agent's float with a reason; no money moves in the collections. */
export async function adjustAgent(scope: TenantScope, input: ParsedInputOf<'agents.adjust'>): Promise<EntryResult> {
  const now = scope.core.clock.now();
  return scope.db.transaction().execute(async (trx) => {
    const agent = await getAgent(trx, input.agentId);
    const amount = input.direction === 'credit' ? input.amountMinor : -input.amountMinor;
    const row = await appendAgentEntry(trx, agent.id, { kind: 'adjustment', amountMinor: amount, reason: input.reason }, scope.actor, now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'agent.adjusted', summary: `Float of ${agent.name}: manual ${input.direction} of ${input.amountMinor} minor: ${input.reason}`,
      targetType: 'agent', targetId: agent.id, details: { entryId: row.id, amountMinor: amount, reason: input.reason },
    });
    return { entry: toAgentEntry(row, false), balanceMinor: row.balanceAfterMinor };
  });
}

/**
 * Reverses a top-up or an adjustment: an entry of minus its amount (nothing is edited), at most once. A
 * reversed top-up also reverses its money in the collections. Refused if the float no longer holds it
 * (`agent.float-short`): the vouchers it paid for are already out. Purchases are not reversible.
 */
export async function reverseAgentEntry(scope: TenantScope, input: ParsedInputOf<'agents.reverse'>): Promise<EntryResult> {
  const now = scope.core.clock.now();
  return scope.db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('agentLedger').selectAll().where('id', '=', input.entryId).executeTakeFirst();
    if (!e) throw notFound('agent-entry.not-found');
    if (e.kind === 'purchase' || e.kind === 'reversal') throw new AppError('CONFLICT', 'agent-entry.not-reversible', { params: { kind: e.kind } });
    if ((await reversedEntryIds(trx, [e.id])).size > 0) throw new AppError('CONFLICT', 'agent-entry.already-reversed');
    const row = await appendAgentEntry(trx, e.agentId, {
      kind: 'reversal', amountMinor: -e.amountMinor, method: e.method, reference: e.reference, reversesEntryId: e.id, reason: input.reason,
    }, scope.actor, now);
    if (e.kind === 'top-up' && e.incomeEntryId) await reverseIncome(trx, now, e.incomeEntryId, input.reason);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'agent.reversed', summary: `Reversed float entry #${e.seq} (${e.kind} ${e.amountMinor} minor): ${input.reason}`,
      targetType: 'agent', targetId: e.agentId, details: { entryId: e.id, reversalId: row.id, amountMinor: -e.amountMinor, reason: input.reason },
    });
    return { entry: toAgentEntry(row, false), balanceMinor: row.balanceAfterMinor };
  });
}

/** The float's entries newest first with their running balance; seq is gapless, so the count is the last seq. */
export async function agentStatement(scope: TenantScope, input: ParsedInputOf<'agents.statement'>): Promise<OutputOf<'agents.statement'>> {
  const agent = await getAgent(scope.db, input.agentId);
  const head = await floatHead(scope.db, agent.id);
  const page = await pageQuery(scope.db.selectFrom('agentLedger').where('agentId', '=', agent.id), {
    page: input, select: (qb) => qb.selectAll(), sort: [{ by: 'seq', dir: 'desc' }], count: () => Promise.resolve(head.seq),
  });
  const rev = await reversedEntryIds(scope.db, page.items.map((e) => e.id));
  return { agent, entries: { ...page, items: page.items.map((e) => toAgentEntry(e, rev.has(e.id))) } };
}
