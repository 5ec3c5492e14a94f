import type { Kysely, Selectable } from 'kysely';
import type { AgentEntry } from '@shared/contract/voucher-sales';
import { floatAfter, signAllowed } from '@shared/domain/agent-float';
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { AgentLedgerTable, TenantDB } from '../db/tenant-schema';
import type { Actor } from '../context';

type EntryRow = Selectable<AgentLedgerTable>;

export interface FloatHead {
  seq: number;
  balanceMinor: number;
}

export interface NewAgentEntry {
  kind: AgentLedgerTable['kind'];
  amountMinor: number;
  method?: AgentLedgerTable['method'];
  reference?: string | null;
  incomeEntryId?: string | null;
  saleId?: string | null;
  reversesEntryId?: string | null;
  reason?: string | null;
}

/** The last entry of an agent's float (seq 0, balance 0 before the first). */
export async function floatHead(db: Kysely<TenantDB>, agentId: string): Promise<FloatHead> {
  const row = await db.selectFrom('agentLedger').select(['seq', 'balanceAfterMinor']).where('agentId', '=', agentId)
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: row.seq, balanceMinor: row.balanceAfterMinor } : { seq: 0, balanceMinor: 0 };
}

/**
 * Appends one entry to an agent's float inside the caller's transaction: next seq, running balance. The only
 * writer of agent_ledger. An entry that would take the float below zero is refused (`agent.float-short`, with
 * what is missing) before anything is written; the table's CHECK would refuse it anyway.
 */
export async function appendAgentEntry(trx: Kysely<TenantDB>, agentId: string, e: NewAgentEntry, actor: Actor, now: Date): Promise<EntryRow> {
  if (!signAllowed(e.kind, e.amountMinor)) throw new RangeError(`a ${e.kind} entry of ${e.amountMinor} is not allowed`);
  const head = await floatHead(trx, agentId);
  const balance = floatAfter(head.balanceMinor, e.amountMinor);
  if (balance === null) throw new AppError('CONFLICT', 'agent.float-short', { params: { shortMinor: -(head.balanceMinor + e.amountMinor) } });
  const row: EntryRow = {
    id: uuidv7(now.getTime()), agentId, seq: head.seq + 1, kind: e.kind, amountMinor: e.amountMinor, balanceAfterMinor: balance,
    method: e.method ?? null, reference: e.reference ?? null, incomeEntryId: e.incomeEntryId ?? null, saleId: e.saleId ?? null,
    reversesEntryId: e.reversesEntryId ?? null, reason: e.reason ?? null, actorType: actor.kind, actorId: actor.id, actorName: actor.name,
    createdAt: now.toISOString(),
  };
  await trx.insertInto('agentLedger').values(row).execute();
  return row;
}

export async function reversedEntryIds(db: Kysely<TenantDB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('agentLedger').select('reversesEntryId').where('kind', '=', 'reversal').where('reversesEntryId', 'in', ids).execute();
  return new Set(rows.map((r) => r.reversesEntryId!));
}

export function toAgentEntry(r: EntryRow, reversed: boolean): AgentEntry {
  return {
    id: r.id, seq: r.seq, kind: r.kind, amountMinor: r.amountMinor, balanceAfterMinor: r.balanceAfterMinor, method: r.method, reference: r.reference,
    saleId: r.saleId, reversesEntryId: r.reversesEntryId, reversed, reason: r.reason, actor: { kind: r.actorType, id: r.actorId, name: r.actorName },
    createdAt: r.createdAt,
  };
}
