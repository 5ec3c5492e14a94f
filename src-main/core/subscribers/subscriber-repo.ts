import type { Kysely } from 'kysely';
import { notFound } from '@shared/domain/errors';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import type { TenantDB } from '../db/tenant-schema';
import { PPPOE_PASSWORD_SECRET, type SubscriberRow } from './subscriber-objects';

export async function findSubscriber(db: Kysely<TenantDB>, id: string): Promise<SubscriberRow | null> {
  return (await db.selectFrom('subscribers').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()) ?? null;
}

export async function mustFindSubscriber(db: Kysely<TenantDB>, id: string): Promise<SubscriberRow> {
  const s = await findSubscriber(db, id);
  if (!s) throw notFound('subscriber.not-found');
  return s;
}

type SyncState = SubscriberSummary['syncState'];

/**
 * Sync state per subscriber from its router objects: an error anywhere wins (with the router's words),
 * then anything pending, then synced; none when nothing was ever queued.
 */
async function syncStates(db: Kysely<TenantDB>, ids: readonly string[]): Promise<Map<string, { state: SyncState; error: string | null }>> {
  const out = new Map<string, { state: SyncState; error: string | null }>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('routerObjects').select(['ownerId', 'status', 'lastError', 'desired', 'appliedVersion'])
    .where('ownerType', '=', 'subscriber').where('ownerId', 'in', [...ids]).execute();
  const rank: Record<SyncState, number> = { none: 0, synced: 1, pending: 2, error: 3 };
  for (const r of rows) {
    // Removals that were never applied anywhere are not the subscriber's business.
    if (r.desired === null && r.status === 'synced') continue;
    const cur = out.get(r.ownerId) ?? { state: 'none' as SyncState, error: null };
    const state: SyncState = r.status;
    if (rank[state] > rank[cur.state]) out.set(r.ownerId, { state, error: state === 'error' ? r.lastError : null });
    else if (!out.has(r.ownerId)) out.set(r.ownerId, cur);
  }
  return out;
}

/** Rows → contract items, with router and package names and sync state fetched once for the whole page. */
export async function toSummaries(db: Kysely<TenantDB>, rows: readonly SubscriberRow[]): Promise<SubscriberSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const routerIds = [...new Set(rows.map((r) => r.routerId))];
  const packageIds = [...new Set(rows.map((r) => r.packageId))];
  const routers = new Map((await db.selectFrom('routers').select(['id', 'name']).where('id', 'in', routerIds).execute()).map((r) => [r.id, r.name]));
  const packages = new Map((await db.selectFrom('packages').select(['id', 'name']).where('id', 'in', packageIds).execute()).map((p) => [p.id, p.name]));
  const withPassword = new Set((await db.selectFrom('secrets').select('ownerId')
    .where('ownerType', '=', 'subscriber').where('name', '=', PPPOE_PASSWORD_SECRET).where('ownerId', 'in', ids).execute()).map((r) => r.ownerId));
  const sync = await syncStates(db, ids);
  return rows.map((s) => ({
    id: s.id,
    accountNumber: s.accountNumber,
    fullName: s.fullName,
    phones: JSON.parse(s.phones) as string[],
    email: s.email,
    location: { site: s.locationSite, building: s.locationBuilding, text: s.locationText, gps: s.gpsLat !== null && s.gpsLng !== null ? { lat: s.gpsLat, lng: s.gpsLng } : null },
    routerId: s.routerId,
    routerName: routers.get(s.routerId) ?? '',
    packageId: s.packageId,
    packageName: packages.get(s.packageId) ?? '',
    serviceType: s.serviceType,
    username: s.username,
    hasPassword: withPassword.has(s.id),
    ipAddress: s.ipAddress,
    macAddress: s.macAddress,
    installedAt: s.installedAt,
    expiresAt: s.expiresAt,
    status: s.status,
    notes: s.notes,
    tags: JSON.parse(s.tags) as string[],
    syncState: sync.get(s.id)?.state ?? 'none',
    syncError: sync.get(s.id)?.error ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }));
}

export async function toSummary(db: Kysely<TenantDB>, row: SubscriberRow): Promise<SubscriberSummary> {
  return (await toSummaries(db, [row]))[0]!;
}
