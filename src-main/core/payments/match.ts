import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { normalisePhone } from '@shared/domain/phone';
import type { TenantDB } from '../db/tenant-schema';

export interface MatchInput {
  subscriberId?: string | null;
  accountRef: string | null;
  phone: string | null;
  phoneHash: string | null;
}

export type MatchedBy = 'subscriber' | 'account' | 'phone' | 'phone-hash';

/** Account references as customers type them: spaces anywhere, any case ("kn 1234" = "KN1234"). */
export function normaliseAccountRef(ref: string): string {
  return ref.replace(/\s+/g, '').toUpperCase();
}

/** Lowercase hex SHA-256 of the phone as M-Pesa hashes it: E.164 digits without "+" ("2547…"). */
export function phoneHashOf(e164: string): string {
  return createHash('sha256').update(e164.replace(/^\+/, ''), 'ascii').digest('hex');
}

/**
 * Finds the live subscriber a payment is for: the id the source already knows → account number
 * (case/space-insensitive) → phone (E.164) → SHA-256 of the phone (hashed C2B MSISDN) → nothing. A phone
 * shared by two subscribers matches neither: guessing would credit the wrong wallet, the queue asks staff.
 */
export async function matchSubscriber(db: Kysely<TenantDB>, p: MatchInput): Promise<{ subscriberId: string; by: MatchedBy } | null> {
  const live = db.selectFrom('subscribers').select('id').where('deletedAt', 'is', null);
  if (p.subscriberId) {
    const row = await live.where('id', '=', p.subscriberId).executeTakeFirst();
    if (row) return { subscriberId: row.id, by: 'subscriber' };
  }
  if (p.accountRef && normaliseAccountRef(p.accountRef) !== '') {
    // Stored account numbers are upper-case without spaces (account-number.ts).
    const row = await live.where('accountNumber', '=', normaliseAccountRef(p.accountRef)).executeTakeFirst();
    if (row) return { subscriberId: row.id, by: 'account' };
  }
  const phone = p.phone ? normalisePhone(p.phone) : null;
  if (phone) {
    const rows = await live.where(sql<boolean>`exists (select 1 from json_each(subscribers.phones) where value = ${phone})`).limit(2).execute();
    if (rows.length === 1) return { subscriberId: rows[0]!.id, by: 'phone' };
  }
  const hash = p.phoneHash?.trim().toLowerCase();
  if (hash && /^[0-9a-f]{64}$/.test(hash)) {
    // SQLite has no SHA-256: hash the known phones here. Only subscribers with a phone are read.
    const rows = await db.selectFrom('subscribers').select(['id', 'phones']).where('deletedAt', 'is', null).where('phones', '!=', '[]').execute();
    const hits = rows.filter((r) => (JSON.parse(r.phones) as string[]).some((ph) => phoneHashOf(ph) === hash));
    if (hits.length === 1) return { subscriberId: hits[0]!.id, by: 'phone-hash' };
  }
  return null;
}
