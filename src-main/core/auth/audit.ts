import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import { neutraliseControlChars } from '@shared/domain/text';
import type { AUDIT_ACTIONS, AuditEntry } from '@shared/contract/auth';
import type { PageInput } from '@shared/contract/common';
import type { TenantDB } from '../db/tenant-schema';
import type { Actor } from '../context';
import type { Clock } from '../ports';
import { containsText } from '../db/query-helpers';
import { insertJsonRows } from '../db/json-rows';
import { pageQuery, type Page } from '../paging';

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  summary: string;
  targetType?: string;
  targetId?: string;
  /** Context for investigators; must never hold secrets or password material. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the tenant's audit log (the table refuses updates and deletes). Summary and actor name are
 * one line each whatever went into them, so no input can forge a second entry in a reading of the log.
 */
export async function appendAudit(
  db: Kysely<TenantDB> | Transaction<TenantDB>,
  clock: Clock,
  actor: Actor,
  rec: AuditRecord,
): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      id: uuidv7(clock.now().getTime()),
      at: clock.now().toISOString(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: neutraliseControlChars(actor.name),
      action: rec.action,
      targetType: rec.targetType ?? null,
      targetId: rec.targetId ?? null,
      summary: neutraliseControlChars(rec.summary),
      details: rec.details ? JSON.stringify(rec.details) : null,
    })
    .execute();
}

/**
 * Appends many entries at once (set-based jobs such as the expiry sweep): the same rows `appendAudit` would
 * write one by one, as multi-row inserts of 500 (10 values each, well under SQLite's bound-parameter limit).
 */
export async function appendAuditMany(
  db: Kysely<TenantDB> | Transaction<TenantDB>,
  clock: Clock,
  actor: Actor,
  recs: readonly AuditRecord[],
): Promise<void> {
  const actorName = neutraliseControlChars(actor.name);
  const rows = recs.map((rec) => ({
      id: uuidv7(clock.now().getTime()),
      at: clock.now().toISOString(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName,
      action: rec.action,
      targetType: rec.targetType ?? null,
      targetId: rec.targetId ?? null,
      summary: neutraliseControlChars(rec.summary),
      details: rec.details ? JSON.stringify(rec.details) : null,
  }));
  await insertJsonRows<TenantDB, 'auditLog'>(db, 'auditLog', rows);
}

export interface AuditQuery extends PageInput {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Kysely<TenantDB>, q: AuditQuery): Promise<Page<AuditEntry>> {
  let base = db.selectFrom('auditLog');
  if (q.action) base = base.where('action', '=', q.action);
  if (q.actorId) base = base.where('actorId', '=', q.actorId);
  if (q.from) base = base.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) base = base.where('at', '<', new Date(q.to).toISOString());
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText('summary', text), containsText('actorName', text)]));
  }
  const dir = q.sort?.dir ?? 'desc';
  return pageQuery(base, {
    page: q,
    select: (qb) => qb.select(['id', 'at', 'actorKind', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'summary']),
    sort: [{ by: 'at', dir }, { by: 'id', dir }],
  });
}
