import type { Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import type { PackageRow } from './package-repo';
import { readSettings, type SubscriberRules } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { statusFor } from './subscriber-service';
import { writeSubscriber } from './subscriber-write';

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
