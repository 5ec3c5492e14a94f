import type { Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit, type AuditAction } from '../auth/audit';
import { enqueueRouterChanges } from '../router-sync/enqueue';
import { saveSecret } from '../secrets/secret-store';
import type { PackageRow } from './package-repo';
import { PPPOE_PASSWORD_SECRET, subscriberObjects, subscriberRemovals, type ExpiryAction, type SubscriberRow } from './subscriber-objects';

/** Tags live in their own indexed table too, so filtering by tag stays fast at 100k subscribers. */
export async function writeTags(trx: Kysely<TenantDB>, subscriberId: string, tags: readonly string[]): Promise<void> {
  await trx.deleteFrom('subscriberTags').where('subscriberId', '=', subscriberId).execute();
  if (tags.length > 0) await trx.insertInto('subscriberTags').values([...new Set(tags)].map((tag) => ({ subscriberId, tag }))).execute();
}

/** Fields the audit log compares (never the password). */
const AUDITED: (keyof SubscriberRow)[] = [
  'accountNumber', 'fullName', 'phones', 'email', 'locationSite', 'locationBuilding', 'locationText', 'gpsLat', 'gpsLng', 'routerId', 'packageId',
  'serviceType', 'username', 'ipAddress', 'macAddress', 'installedAt', 'expiresAt', 'status', 'notes', 'tags', 'deletedAt',
];

export function changedFields(before: SubscriberRow | null, after: SubscriberRow): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of AUDITED) {
    const b = before ? before[k] : null;
    if (b !== after[k]) out[k] = { before: b, after: after[k] };
  }
  return out;
}

export interface SubscriberWrite {
  before: SubscriberRow | null;
  after: SubscriberRow;
  pkg: PackageRow;
  action: AuditAction;
  summary: string;
  /** A new PPPoE password to seal (created, regenerated, or the subscriber became PPPoE). */
  password?: string;
  extraDetails?: Record<string, unknown>;
}

/**
 * The one write path of a subscriber change: the row, the audit entry, the sealed password and the
 * router outbox entries, all in the caller's transaction. Returns the routers whose worker to kick
 * after commit (the old one too when the subscriber moved).
 */
export async function writeSubscriber(trx: Kysely<TenantDB>, scope: TenantScope, w: SubscriberWrite, expiryAction: ExpiryAction, now: Date): Promise<string[]> {
  const at = now.toISOString();
  if (w.before) {
    const { id, ...rest } = w.after;
    await trx.updateTable('subscribers').set(rest).where('id', '=', id).execute();
  } else {
    await trx.insertInto('subscribers').values(w.after).execute();
  }
  if (w.password !== undefined) {
    await saveSecret(trx, scope.core.secrets, { ownerType: 'subscriber', ownerId: w.after.id, name: PPPOE_PASSWORD_SECRET }, w.password, at);
  }
  const routers = [w.after.routerId];
  if (w.before && (w.before.routerId !== w.after.routerId || w.before.serviceType !== w.after.serviceType)) {
    await enqueueRouterChanges(trx, subscriberRemovals(w.before.id, w.before.routerId), now);
    if (w.before.routerId !== w.after.routerId) routers.push(w.before.routerId);
  }
  if (!w.before || w.before.tags !== w.after.tags) await writeTags(trx, w.after.id, JSON.parse(w.after.tags) as string[]);
  await enqueueRouterChanges(trx, subscriberObjects(w.after, w.pkg, expiryAction), now);
  await appendAudit(trx, scope.core.clock, scope.actor, {
    action: w.action, summary: w.summary, targetType: 'subscriber', targetId: w.after.id,
    details: { changes: changedFields(w.before, w.after), ...(w.password !== undefined && { passwordSet: true }), ...w.extraDetails },
  });
  return routers;
}
