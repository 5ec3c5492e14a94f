import type { Kysely, Selectable, Transaction } from 'kysely';
import { notFound } from '@shared/domain/errors';
import type { RouterSummary } from '@shared/contract/routers';
import { decodeNote } from '@shared/contract/diagnosis';
import type { RoutersTable, TenantDB } from '../db/tenant-schema';
import type { SecretBox } from '../ports';
import { deleteSecret, deleteSecretsOf, hasSecret, ownersWithSecret, readSecret, saveSecret } from '../secrets/secret-store';

export type RouterRow = Selectable<RoutersTable>;
type Db = Kysely<TenantDB> | Transaction<TenantDB>;

const SECRET_OWNER = 'router';
const SECRET_NAME = 'api-password';

export function toRouterSummary(r: RouterRow, hasPassword: boolean): RouterSummary {
  return {
    id: r.id, name: r.name, host: r.host, port: r.port, useTls: r.useTls === 1, username: r.username, hasPassword,
    tlsFingerprint: r.tlsFingerprint, site: r.site, notes: r.notes, isCore: r.isCore === 1, isDemo: r.isDemo === 1,
    status: r.status, statusSince: r.statusSince, lastCheckedAt: r.lastCheckedAt, lastError: decodeNote(r.lastError),
    routerOsVersion: r.rosVersion, boardName: r.boardName, identity: r.identity, encoding: r.encoding, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export async function findRouter(db: Db, id: string): Promise<RouterRow | undefined> {
  return db.selectFrom('routers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function mustFindRouter(db: Db, id: string): Promise<RouterRow> {
  const r = await findRouter(db, id);
  if (!r) throw notFound('router.not-found');
  return r;
}

const passwordRef = (routerId: string) => ({ ownerType: SECRET_OWNER, ownerId: routerId, name: SECRET_NAME });

export function hasRouterPassword(db: Db, routerId: string): Promise<boolean> {
  return hasSecret(db, passwordRef(routerId));
}

export function routerIdsWithPassword(db: Db): Promise<Set<string>> {
  return ownersWithSecret(db, SECRET_OWNER, SECRET_NAME);
}

/** Seals and stores the router's API password; only the SecretBox can read it back. */
export function saveRouterPassword(db: Db, secrets: SecretBox, routerId: string, password: string, now: string): Promise<void> {
  return saveSecret(db, secrets, passwordRef(routerId), password, now);
}

export async function readRouterPassword(db: Db, secrets: SecretBox, routerId: string): Promise<string> {
  return (await readSecret(db, secrets, passwordRef(routerId))) ?? '';
}

/** Sealed configuration versions that include passwords (backups.ts) belong to the router too. */
export const BACKUP_SECRET_OWNER = 'router-backup';

export function deleteRouterPassword(db: Db, routerId: string): Promise<void> {
  return deleteSecret(db, passwordRef(routerId));
}

export async function deleteRouterSecrets(db: Db, routerId: string): Promise<void> {
  await deleteSecretsOf(db, SECRET_OWNER, routerId);
  await deleteSecretsOf(db, BACKUP_SECRET_OWNER, routerId);
}
