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

/** Live subscribers by the SHA-256 of each of their phones, built once per batch (SQLite has no SHA-256). */
export type PhoneHashIndex = Map<string, string[]>;

export async function buildPhoneHashIndex(db: Kysely<TenantDB>): Promise<PhoneHashIndex> {
  const index: PhoneHashIndex = new Map();
  const rows = await db.selectFrom('subscribers').select(['id', 'phones']).where('deletedAt', 'is', null).where('phones', '!=', '[]').execute();
  for (const r of rows) {
    for (const ph of new Set(JSON.parse(r.phones) as string[])) {
      const h = phoneHashOf(ph);
      index.set(h, [...(index.get(h) ?? []), r.id]);
    }
  }
  return index;
}

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
export async function matchSubscriber(
  db: Kysely<TenantDB>, p: MatchInput, hashIndex: (db: Kysely<TenantDB>) => Promise<PhoneHashIndex> = buildPhoneHashIndex,
): Promise<{ subscriberId: string; by: MatchedBy } | null> {
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
    const hits = (await hashIndex(db)).get(hash) ?? [];
    if (hits.length === 1) return { subscriberId: hits[0]!, by: 'phone-hash' };
  }
  return null;
}

/**
 * `matchSubscriber` for many payments at once, same order of rules and same answers, with one query per
 * rule instead of one per payment (the pipeline never changes ids, account numbers, phones or deletion).
 */
export async function matchMany(
  db: Kysely<TenantDB>, list: readonly MatchInput[], hashIndex: (db: Kysely<TenantDB>) => Promise<PhoneHashIndex> = buildPhoneHashIndex,
): Promise<({ subscriberId: string; by: MatchedBy } | null)[]> {
  const ids = [...new Set(list.flatMap((p) => (p.subscriberId ? [p.subscriberId] : [])))];
  const accounts = [...new Set(list.flatMap((p) => (p.accountRef && normaliseAccountRef(p.accountRef) !== '' ? [normaliseAccountRef(p.accountRef)] : [])))];
  const phones = [...new Set(list.flatMap((p) => { const ph = p.phone ? normalisePhone(p.phone) : null; return ph ? [ph] : []; }))];
  const liveIds = new Set<string>();
  const byAccount = new Map<string, string>();
  const byPhone = new Map<string, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('subscribers').select('id').where('deletedAt', 'is', null).where('id', 'in', ids.slice(i, i + 500)).execute()) liveIds.add(r.id);
  }
  for (let i = 0; i < accounts.length; i += 500) {
    const rows = await db.selectFrom('subscribers').select(['id', 'accountNumber']).where('deletedAt', 'is', null).where('accountNumber', 'in', accounts.slice(i, i + 500)).execute();
    for (const r of rows) if (!byAccount.has(r.accountNumber)) byAccount.set(r.accountNumber, r.id);
  }
  for (let i = 0; i < phones.length; i += 500) {
    const rows = await db.selectFrom(['subscribers', sql<{ value: string }>`json_each(subscribers.phones)`.as('ph')])
      .select(['subscribers.id as id', sql<string>`ph.value`.as('phone')]).where('subscribers.deletedAt', 'is', null)
      .where(sql<string>`ph.value`, 'in', phones.slice(i, i + 500)).execute();
    for (const r of rows) byPhone.set(r.phone, (byPhone.get(r.phone) ?? new Set()).add(r.id));
  }
  const out: ({ subscriberId: string; by: MatchedBy } | null)[] = [];
  for (const p of list) {
    if (p.subscriberId && liveIds.has(p.subscriberId)) { out.push({ subscriberId: p.subscriberId, by: 'subscriber' }); continue; }
    const account = p.accountRef ? byAccount.get(normaliseAccountRef(p.accountRef)) : undefined;
    if (account) { out.push({ subscriberId: account, by: 'account' }); continue; }
    const phone = p.phone ? normalisePhone(p.phone) : null;
    const hits = phone ? byPhone.get(phone) : undefined;
    if (hits && hits.size === 1) { out.push({ subscriberId: [...hits][0]!, by: 'phone' }); continue; }
    const hash = p.phoneHash?.trim().toLowerCase();
    if (hash && /^[0-9a-f]{64}$/.test(hash)) {
      const h = (await hashIndex(db)).get(hash) ?? [];
      if (h.length === 1) { out.push({ subscriberId: h[0]!, by: 'phone-hash' }); continue; }
    }
    out.push(null);
  }
  return out;
}
