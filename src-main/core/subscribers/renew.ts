import { sql, type Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import type { PackageRow } from './package-repo';
import { readSettings, type SubscriberRules } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { statusFor } from './subscriber-service';
import { changedFields, writeSubscriber } from './subscriber-write';
import type { AuditRecord } from '../auth/audit';
import { enqueueRouterChangesMany } from '../router-sync/enqueue';
import type { DesiredObject } from '../router-sync/desired-object';
import { subscriberObjects } from './subscriber-objects';

export { kickAll as kickRouters } from './package-service';

/** What a renewal decided for a subscriber: the new expiry, or null to change nothing. */
export type RenewalDecision = { expiresAt: string; summary: string; details?: Record<string, unknown> } | null;

export interface RenewOutcome {
  before: SubscriberRow;
  after: SubscriberRow;
  /** Routers whose sync worker to kick once the caller's transaction committed. */
  routers: string[];
}

/**
 * Extends a subscriber's expiry inside the CALLER's transaction (a payment's ledger entries, the expiry and
 * the router outbox entry commit together). The caller decides the new expiry from the subscriber, its
 * package and the subscriber rules (the payments domain's renewal rule); this writes it through the one
 * subscriber write path: status back to active when the expiry is ahead (reconnect on the router via the
 * desired state), except suspended / disabled subscribers, which only staff bring back (their expiry moves,
 * their router objects stay cut). Returns null when the subscriber is missing or deleted.
 */
export async function renewInTransaction(
  trx: Kysely<TenantDB>, scope: TenantScope, subscriberId: string, now: Date,
  decide: (s: SubscriberRow, pkg: PackageRow, rules: SubscriberRules) => RenewalDecision,
): Promise<RenewOutcome | null> {
  const before = await trx.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!before) return null;
  const pkg = await trx.selectFrom('packages').selectAll().where('id', '=', before.packageId).executeTakeFirstOrThrow();
  const rules = await readSettings(trx);
  const d = decide(before, pkg, rules);
  if (!d) return { before, after: before, routers: [] };
  const after: SubscriberRow = { ...before, expiresAt: d.expiresAt, status: statusFor(before.status, d.expiresAt, pkg.graceHours, now), updatedAt: now.toISOString() };
  const routers = await writeSubscriber(trx, scope, {
    before, after, pkg, action: 'subscriber.renewed', summary: d.summary, ...(d.details && { extraDetails: d.details }),
  }, rules.expiryAction, now);
  return { before, after, routers };
}

/**
 * `renewInTransaction` for many renewals in one transaction (the payments pipeline, a chunk at a time):
 * subscribers, packages and rules are read once, each renewal is decided in memory on the subscriber as the
 * earlier renewals of the batch left it, and `write` stores the rows and router outbox entries together. The
 * writes equal those of one `renewInTransaction` per renewal in order (the row: only expiry, status and
 * updatedAt change; same outbox versions; the audit entries go to the caller's list, in order).
 */
export class RenewalBatch {
  private readonly subs = new Map<string, SubscriberRow>();
  private readonly pkgs = new Map<string, PackageRow>();
  private readonly changed = new Set<string>();
  private readonly routerChanges: DesiredObject[][] = [];
  private rules: SubscriberRules | null = null;

  constructor(private readonly now: Date) {}

  /** Reads the live subscribers among `ids`, their packages and the rules, inside the caller's transaction. */
  async load(trx: Kysely<TenantDB>, ids: readonly string[]): Promise<void> {
    const want = [...new Set(ids)].filter((id) => !this.subs.has(id));
    for (let i = 0; i < want.length; i += 500) {
      for (const r of await trx.selectFrom('subscribers').selectAll().where('id', 'in', want.slice(i, i + 500)).where('deletedAt', 'is', null).execute()) this.subs.set(r.id, r);
    }
    const pkgIds = [...new Set([...this.subs.values()].map((r) => r.packageId))].filter((id) => !this.pkgs.has(id));
    for (let i = 0; i < pkgIds.length; i += 500) {
      for (const p of await trx.selectFrom('packages').selectAll().where('id', 'in', pkgIds.slice(i, i + 500)).execute()) this.pkgs.set(p.id, p);
    }
    this.rules ??= await readSettings(trx);
  }

  /** Decides and records one renewal; null when the subscriber is missing or deleted (or was not loaded). */
  renew(subscriberId: string, decide: (s: SubscriberRow, pkg: PackageRow, rules: SubscriberRules) => RenewalDecision, audit: AuditRecord[]): RenewOutcome | null {
    const before = this.subs.get(subscriberId);
    if (!before || !this.rules) return null;
    const pkg = this.pkgs.get(before.packageId);
    if (!pkg) throw new Error(`package ${before.packageId} of subscriber ${subscriberId} not found`);
    const d = decide(before, pkg, this.rules);
    if (!d) return { before, after: before, routers: [] };
    const after: SubscriberRow = { ...before, expiresAt: d.expiresAt, status: statusFor(before.status, d.expiresAt, pkg.graceHours, this.now), updatedAt: this.now.toISOString() };
    this.subs.set(subscriberId, after);
    this.changed.add(subscriberId);
    this.routerChanges.push(subscriberObjects(after, pkg, this.rules.expiryAction));
    audit.push({
      action: 'subscriber.renewed', summary: d.summary, targetType: 'subscriber', targetId: subscriberId,
      details: { changes: changedFields(before, after), ...d.details },
    });
    return { before, after, routers: [after.routerId] };
  }

  /** Stores every renewed subscriber (one statement) and the router outbox entries, in the caller's transaction. */
  async write(trx: Kysely<TenantDB>): Promise<void> {
    const rows = [...this.changed].map((id) => { const s = this.subs.get(id)!; return { id, e: s.expiresAt, s: s.status, u: s.updatedAt }; });
    for (let i = 0; i < rows.length; i += 500) {
      await sql`update subscribers set expires_at = json_extract(j.value, '$.e'), status = json_extract(j.value, '$.s'), updated_at = json_extract(j.value, '$.u')
        from json_each(${JSON.stringify(rows.slice(i, i + 500))}) as j where subscribers.id = json_extract(j.value, '$.id')`.execute(trx);
    }
    await enqueueRouterChangesMany(trx, this.routerChanges, this.now);
    this.changed.clear();
    this.routerChanges.length = 0;
  }
}
