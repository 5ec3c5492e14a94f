import { randomInt } from 'node:crypto';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FieldErrors } from '@shared/domain/errors';
import { generateAccountNumber } from '@shared/domain/account-number';
import { addPeriod, endOfLocalDay } from '@shared/domain/billing-period';
import type { TenantDB } from '../db/tenant-schema';
import { firstFree, inPool } from './address-pool';
import { findPackage, type PackageWithRouters } from './package-repo';
import type { SubscriberSettings } from './settings';
import type { SubscriberRow } from './subscriber-objects';

/** A subscriber as entered (create, update merged over the stored row, or a CSV line). */
export interface SubscriberDraft {
  accountNumber: string | null;
  fullName: string;
  phones: string[];
  email: string | null;
  location: { site: string; building: string; text: string; gps: { lat: number; lng: number } | null };
  routerId: string;
  packageId: string;
  username: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  installedAt: string | null;
  /** Null = one package period from now. */
  expiresAt: string | null;
  notes: string;
  tags: string[];
}

export type SubscriberValues = Omit<SubscriberRow, 'id' | 'status' | 'deletedAt' | 'createdAt' | 'updatedAt' | 'queueName'>;

export type Resolution =
  | { ok: true; values: SubscriberValues; pkg: PackageWithRouters }
  | { ok: false; missing: 'router' | 'package' }
  | { ok: false; fields: FieldErrors };

/**
 * Checks a draft against the tenant's data and fills in what is generated (account number, PPPoE user
 * name, static address, expiry). Runs inside the writing transaction so what it saw is what gets written.
 */
export async function resolveDraft(
  db: Kysely<TenantDB>, d: SubscriberDraft, existing: SubscriberRow | null, ctx: { settings: SubscriberSettings; now: Date; timeZone: string },
): Promise<Resolution> {
  const router = await db.selectFrom('routers').select('id').where('id', '=', d.routerId).executeTakeFirst();
  if (!router) return { ok: false, missing: 'router' };
  const pkg = await findPackage(db, d.packageId);
  if (!pkg) return { ok: false, missing: 'package' };
  const fields: FieldErrors = {};
  const onRouter = pkg.routers.find((r) => r.routerId === d.routerId);
  if (!onRouter) fields.packageId = 'package-other-router';
  else if (pkg.status === 'disabled' && existing?.packageId !== pkg.id) fields.packageId = 'package-disabled';

  const selfId = existing?.id ?? '';
  let accountNumber = d.accountNumber;
  if (accountNumber !== null) {
    if (await taken(db, 'accountNumber', accountNumber, selfId)) fields.accountNumber = 'taken';
  } else {
    accountNumber = await freshAccountNumber(db, ctx.settings);
  }

  let username: string | null = null;
  let ipAddress: string | null = null;
  let macAddress: string | null = null;
  if (pkg.serviceType === 'pppoe') {
    username = d.username ?? accountNumber.toLowerCase();
    if (await taken(db, 'username', username, selfId)) fields.username = 'taken';
  } else {
    macAddress = d.macAddress;
    const pool = onRouter?.addressPool ?? null;
    if (pool !== null) {
      const used = new Set((await db.selectFrom('subscribers').select('ipAddress')
        .where('routerId', '=', d.routerId).where('deletedAt', 'is', null).where('ipAddress', 'is not', null).where('id', '!=', selfId).execute())
        .map((r) => r.ipAddress!));
      if (d.ipAddress !== null) {
        if (!inPool(pool, d.ipAddress)) fields.ipAddress = 'outside-pool';
        else if (used.has(d.ipAddress)) fields.ipAddress = 'taken';
        ipAddress = d.ipAddress;
      } else {
        ipAddress = firstFree(pool, used);
        if (ipAddress === null) fields.ipAddress = 'pool-exhausted';
      }
    }
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  let expiresAt = d.expiresAt === null ? null : new Date(d.expiresAt).toISOString();
  if (expiresAt === null) {
    const next = addPeriod(ctx.now, { count: pkg.periodCount, unit: pkg.periodUnit }, ctx.timeZone);
    expiresAt = (ctx.settings.disconnectAtEndOfDay ? endOfLocalDay(next, ctx.timeZone) : next).toISOString();
  }
  return {
    ok: true, pkg,
    values: {
      accountNumber: accountNumber, fullName: d.fullName, phones: JSON.stringify(d.phones), email: d.email,
      locationSite: d.location.site, locationBuilding: d.location.building, locationText: d.location.text,
      gpsLat: d.location.gps?.lat ?? null, gpsLng: d.location.gps?.lng ?? null,
      routerId: d.routerId, packageId: pkg.id, serviceType: pkg.serviceType, username, ipAddress, macAddress,
      installedAt: d.installedAt === null ? null : new Date(d.installedAt).toISOString(), expiresAt,
      notes: d.notes, tags: JSON.stringify([...new Set(d.tags)]),
    },
  };
}

async function taken(db: Kysely<TenantDB>, column: 'accountNumber' | 'username', value: string, selfId: string): Promise<boolean> {
  // User names are compared without case: RouterOS PPP secret names are case-sensitive, but two that differ
  // only by case confuse staff and customers alike.
  const col = column === 'username' ? sql<SqlBool>`lower(username) = lower(${value})` : sql<SqlBool>`account_number = ${value}`;
  const row = await db.selectFrom('subscribers').select('id').where(col).where('deletedAt', 'is', null).where('id', '!=', selfId).executeTakeFirst();
  return !!row;
}

async function freshAccountNumber(db: Kysely<TenantDB>, s: SubscriberSettings): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    // Widen by one character after many clashes so a nearly full number space still finishes.
    const length = s.accountNumber.length + Math.floor(attempt / 20);
    const candidate = generateAccountNumber({ ...s.accountNumber, length }, () => randomInt(0, 1_000_000) / 1_000_000);
    if (!(await taken(db, 'accountNumber', candidate, ''))) return candidate;
  }
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A PPPoE password customers can read off a sticker: 10 characters, no look-alikes. */
export function generatePppPassword(): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) out += PASSWORD_ALPHABET[randomInt(0, PASSWORD_ALPHABET.length)];
  return out;
}
