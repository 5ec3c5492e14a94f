import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantDB } from '../db/tenant-schema';
import type { RawSqlite } from '../db/open-sqlite';
import type { SecretBox } from '../ports';

type Db = Kysely<TenantDB> | Transaction<TenantDB>;

/** Whose secret it is: e.g. `{ ownerType: 'router', ownerId, name: 'api-password' }`. */
export interface SecretRef {
  ownerType: string;
  ownerId: string;
  name: string;
}

/** The only writer of the `secrets` table: every domain seals through here, so plaintext never lands on disk. */
export async function saveSecret(db: Db, box: SecretBox, ref: SecretRef, plaintext: string, now: string): Promise<void> {
  const ciphertext = box.seal(plaintext);
  await db
    .insertInto('secrets')
    .values({ id: uuidv7(), ...ref, ciphertext, updatedAt: now })
    .onConflict((oc) => oc.columns(['ownerType', 'ownerId', 'name']).doUpdateSet({ ciphertext, updatedAt: now }))
    .execute();
}

/** The plaintext, or null when none is stored. */
export async function readSecret(db: Db, box: SecretBox, ref: SecretRef): Promise<string | null> {
  const row = await db
    .selectFrom('secrets').select('ciphertext')
    .where('ownerType', '=', ref.ownerType).where('ownerId', '=', ref.ownerId).where('name', '=', ref.name)
    .executeTakeFirst();
  return row ? box.open(row.ciphertext) : null;
}

export async function hasSecret(db: Db, ref: SecretRef): Promise<boolean> {
  const row = await db
    .selectFrom('secrets').select('id')
    .where('ownerType', '=', ref.ownerType).where('ownerId', '=', ref.ownerId).where('name', '=', ref.name)
    .executeTakeFirst();
  return !!row;
}

/** Owners of one kind that hold the named secret (for lists: "has password"). */
export async function ownersWithSecret(db: Db, ownerType: string, name: string): Promise<Set<string>> {
  const rows = await db.selectFrom('secrets').select('ownerId').where('ownerType', '=', ownerType).where('name', '=', name).execute();
  return new Set(rows.map((r) => r.ownerId));
}

export async function deleteSecret(db: Db, ref: SecretRef): Promise<void> {
  await db.deleteFrom('secrets').where('ownerType', '=', ref.ownerType).where('ownerId', '=', ref.ownerId).where('name', '=', ref.name).execute();
}

export async function deleteSecretsOf(db: Db, ownerType: string, ownerId: string): Promise<void> {
  await db.deleteFrom('secrets').where('ownerType', '=', ownerType).where('ownerId', '=', ownerId).execute();
}

/** Re-seals every secret in a copied tenant file (local key ↔ export passphrase), in one transaction. */
export function resealSecrets(raw: RawSqlite, transform: (ciphertext: string) => string): void {
  const rows = raw.prepare('SELECT id, ciphertext FROM secrets').all() as { id: string; ciphertext: string }[];
  const update = raw.prepare('UPDATE secrets SET ciphertext = ? WHERE id = ?');
  raw.transaction(() => {
    for (const r of rows) update.run(transform(r.ciphertext), r.id);
  })();
}
