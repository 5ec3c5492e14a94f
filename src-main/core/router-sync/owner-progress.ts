/**
 * Read-only views of the outbox for the domains that own objects (a voucher batch's push progress):
 * they pass their own ids and never read this domain's tables themselves.
 */
import type { Kysely } from 'kysely';
import type { TenantDB } from '../db/tenant-schema';
import type { ObjectOwnerType } from './desired-object';

/** Per owner id: 'synced' (the router verifiably holds its latest state), 'pending', 'error'; owners with no object are left out. */
export async function ownerSyncStates(db: Kysely<TenantDB>, ownerType: ObjectOwnerType, ownerIds: readonly string[]): Promise<Map<string, 'synced' | 'pending' | 'error'>> {
  const out = new Map<string, 'synced' | 'pending' | 'error'>();
  for (let i = 0; i < ownerIds.length; i += 500) {
    const rows = await db.selectFrom('routerObjects').select(['ownerId', 'status'])
      .where('ownerType', '=', ownerType).where('ownerId', 'in', ownerIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.ownerId, r.status);
  }
  return out;
}

/** The owners whose object no version of has ever been applied: nothing of theirs reached the router yet. */
export async function ownersNeverApplied(db: Kysely<TenantDB>, ownerType: ObjectOwnerType, ownerIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ownerIds.length; i += 500) {
    const rows = await db.selectFrom('routerObjects').select('ownerId')
      .where('ownerType', '=', ownerType).where('ownerId', 'in', ownerIds.slice(i, i + 500)).where('appliedVersion', 'is', null).execute();
    for (const r of rows) out.add(r.ownerId);
  }
  return out;
}

/**
 * Why a router's queued work waits: the last word of the connection on a pending entry (router offline,
 * connection lost), null when its queue is moving or empty.
 */
export async function routerWaitingReason(db: Kysely<TenantDB>, routerId: string): Promise<string | null> {
  const r = await db.selectFrom('routerOutbox').select('lastError')
    .where('routerId', '=', routerId).where('status', '=', 'pending').where('lastError', 'is not', null).orderBy('id', 'desc').executeTakeFirst();
  return r?.lastError ?? null;
}
