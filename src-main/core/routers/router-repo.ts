import type { Kysely, Selectable, Transaction } from 'kysely';
import { notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { RouterSummary } from '@shared/contract/routers';
import type { RoutersTable, TenantDB } from '../db/tenant-schema';
import type { SecretBox } from '../ports';

export type RouterRow = Selectable<RoutersTable>;
type Db = Kysely<TenantDB> | Transaction<TenantDB>;

const SECRET_OWNER = 'router';
const SECRET_NAME = 'api-password';

export function toRouterSummary(r: RouterRow, hasPassword: boolean): RouterSummary {
  return {
    id: r.id, name: r.name, host: r.host, port: r.port, useTls: r.useTls === 1, username: r.username, hasPassword,
    tlsFingerprint: r.tlsFingerprint, site: r.site, notes: r.notes, isCore: r.isCore === 1, isDemo: r.isDemo === 1,
    status: r.status, statusSince: r.statusSince, lastCheckedAt: r.lastCheckedAt, lastError: r.lastError,
    routerOsVersion: r.rosVersion, boardName: r.boardName, identity: r.identity, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export async function findRouter(db: Db, id: string): Promise<RouterRow | undefined> {
  return db.selectFrom('routers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function mustFindRouter(db: Db, id: string): Promise<RouterRow> {
  const r = await findRouter(db, id);
  if (!r) throw notFound('Router');
  return r;
}

export async function hasRouterPassword(db: Db, routerId: string): Promise<boolean> {
  const row = await db.selectFrom('secrets').select('id').where('ownerType', '=', SECRET_OWNER).where('ownerId', '=', routerId).executeTakeFirst();
  return !!row;
}

export async function routerIdsWithPassword(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('secrets').select('ownerId').where('ownerType', '=', SECRET_OWNER).where('name', '=', SECRET_NAME).execute();
  return new Set(rows.map((r) => r.ownerId));
}

/** Seals and stores the router's API password; only the SecretBox can read it back. */
export async function saveRouterPassword(db: Db, secrets: SecretBox, routerId: string, password: string, now: string): Promise<void> {
  const ciphertext = secrets.seal(password);
  await db
    .insertInto('secrets')
    .values({ id: uuidv7(), ownerType: SECRET_OWNER, ownerId: routerId, name: SECRET_NAME, ciphertext, updatedAt: now })
    .onConflict((oc) => oc.columns(['ownerType', 'ownerId', 'name']).doUpdateSet({ ciphertext, updatedAt: now }))
    .execute();
}

export async function readRouterPassword(db: Db, secrets: SecretBox, routerId: string): Promise<string> {
  const row = await db
    .selectFrom('secrets').select('ciphertext')
    .where('ownerType', '=', SECRET_OWNER).where('ownerId', '=', routerId).where('name', '=', SECRET_NAME)
    .executeTakeFirst();
  return row ? secrets.open(row.ciphertext) : '';
}

export async function deleteRouterPassword(db: Db, routerId: string): Promise<void> {
  await db.deleteFrom('secrets').where('ownerType', '=', SECRET_OWNER).where('ownerId', '=', routerId).where('name', '=', SECRET_NAME).execute();
}

export async function deleteRouterSecrets(db: Db, routerId: string): Promise<void> {
  await db.deleteFrom('secrets').where('ownerType', '=', SECRET_OWNER).where('ownerId', '=', routerId).execute();
}
