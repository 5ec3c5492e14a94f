import type { Kysely } from 'kysely';
import { AppError, notFound } from '@shared/domain/errors';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import type { PackageRow } from './package-repo';
import { readSettings, type SubscriberRules } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { draftOf, resolveOrThrow, statusFor } from './subscriber-service';
import { writeSubscriber } from './subscriber-write';
import type { RenewOutcome } from './renew';

/** The expiry a package change leaves and the words of its audit entry (decided by the payments domain). */
export interface PackageSwitchDecision {
  expiresAt: string;
  summary: string;
  details: Record<string, unknown>;
}

/**
 * Moves a subscriber to another package inside the CALLER's transaction (the payments domain's package
 * change policy: its ledger entries, the new package and expiry, and the router outbox entry commit together).
 * The new package is validated like an edit (it must be offered on the subscriber's router; the address is
 * re-drawn from the new package's pool). `decide` runs after validation and before the write, and may append
 * ledger entries in the same transaction; throwing there rolls everything back.
 */
export async function switchPackageInTransaction(
  trx: Kysely<TenantDB>, scope: TenantScope, subscriberId: string, packageId: string, now: Date,
  decide: (s: SubscriberRow, from: PackageRow, to: PackageRow, rules: SubscriberRules) => Promise<PackageSwitchDecision>,
): Promise<RenewOutcome> {
  const before = await trx.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!before) throw notFound('subscriber.not-found');
  const from = await trx.selectFrom('packages').selectAll().where('id', '=', before.packageId).executeTakeFirstOrThrow();
  if (before.packageId === packageId) throw new AppError('CONFLICT', 'package-change.same-package');
  const settings = await readSettings(trx);
  const { values, pkg } = await resolveOrThrow(trx, { ...draftOf(before), packageId, ipAddress: null }, before, { settings, now, timeZone: scope.tenant.timezone });
  const d = await decide(before, from, pkg, settings);
  const after: SubscriberRow = { ...before, ...values, expiresAt: d.expiresAt, status: statusFor(before.status, d.expiresAt, pkg.graceHours, now), updatedAt: now.toISOString() };
  const routers = await writeSubscriber(trx, scope, {
    before, after, pkg, action: 'subscriber.package-changed', summary: d.summary, extraDetails: d.details,
  }, settings.expiryAction, now);
  return { before, after, routers };
}
