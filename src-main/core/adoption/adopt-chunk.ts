import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { generateAccountNumber } from '@shared/domain/account-number';
import { addPeriod, endOfLocalDay } from '@shared/domain/billing-period';
import { uuidv7 } from '@shared/domain/ids';
import { neutraliseControlChars } from '@shared/domain/text';
import type { TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import type { RouterRow } from '../routers/router-repo';
import type { PackageWithRouters } from '../subscribers/package-repo';
import type { SubscriberRules } from '../subscribers/settings';
import { statusFor } from '../subscribers/subscriber-service';
import type { SubscriberRow } from '../subscribers/subscriber-objects';
import { writeSubscriber } from '../subscribers/subscriber-write';
import type { RowPlan } from './plan';

/** Comments are stored as notes; RouterOS text may hold bytes read as lone surrogates (utf8-lossless). */
export function notesOf(comment: string): string {
  return neutraliseControlChars(comment).replace(/[\uD800-\uDFFF]/g, '\uFFFD').slice(0, 2000);
}

/**
 * Fresh account numbers for `n` subscribers with the tenant's format (the subscribers domain's
 * `generateAccountNumber`), checked against the file in one query per round rather than one per row.
 * Like the subscribers domain, a nearly full number space widens by one character after 20 rounds.
 */
export async function freshAccountNumbers(trx: Kysely<TenantDB>, settings: SubscriberRules, n: number): Promise<string[]> {
  const chosen = new Set<string>();
  for (let round = 0; chosen.size < n; round += 1) {
    const length = settings.accountNumber.length + Math.floor(round / 20);
    const candidates = new Set<string>();
    while (candidates.size < n - chosen.size) {
      const c = generateAccountNumber({ ...settings.accountNumber, length }, () => randomInt(0, 1_000_000) / 1_000_000);
      if (!chosen.has(c)) candidates.add(c);
    }
    const taken = new Set((await trx.selectFrom('subscribers').select('accountNumber')
      .where('accountNumber', 'in', [...candidates]).where('deletedAt', 'is', null).execute()).map((r) => r.accountNumber));
    for (const c of candidates) if (!taken.has(c)) chosen.add(c);
  }
  return [...chosen];
}

/**
 * Creates one chunk of adopted subscribers in one transaction through the subscribers domain's write path
 * (`writeSubscriber`: row, sealed password, desired router objects + outbox, audit). The checks
 * `resolveDraft` makes per row are made here once per chunk (user names still free, account numbers,
 * default expiry): at 5,000 secrets the per-row lookups were most of the time. The router's own
 * password is sealed, so desired state equals what the router has and the worker only adds our tag.
 */
export async function adoptChunk(
  scope: TenantScope, router: RouterRow, rows: readonly RowPlan[], byProfile: ReadonlyMap<string, PackageWithRouters>, settings: SubscriberRules,
): Promise<number> {
  const now = scope.core.clock.now();
  const at = now.toISOString();
  const tz = scope.tenant.timezone;
  const defaultExpiry = new Map<string, string>();
  for (const pkg of new Set(byProfile.values())) {
    const next = addPeriod(now, { count: pkg.periodCount, unit: pkg.periodUnit }, tz);
    defaultExpiry.set(pkg.id, (settings.disconnectAtEndOfDay ? endOfLocalDay(next, tz) : next).toISOString());
  }
  let created = 0;
  await scope.db.transaction().execute(async (trx) => {
    const wanted = rows.filter((r) => byProfile.has(r.secret.profile));
    if (wanted.length === 0) return;
    // Taken since the plan was made (another adoption, a staff member): left out, counted as skipped.
    // User names compare without case, as the subscribers domain compares them.
    const taken = new Set((await trx.selectFrom('subscribers').select(sql<string>`lower(username)`.as('u'))
      .where(sql<string>`lower(username)`, 'in', wanted.map((r) => r.secret.name.toLowerCase())).where('deletedAt', 'is', null).execute()).map((r) => r.u));
    const todo = wanted.filter((r) => !taken.has(r.secret.name.toLowerCase()));
    const accounts = await freshAccountNumbers(trx, settings, todo.length);
    for (const [i, r] of todo.entries()) {
      const pkg = byProfile.get(r.secret.profile)!;
      const expiresAt = r.expiresAt?.toISOString() ?? defaultExpiry.get(pkg.id)!;
      const after: SubscriberRow = {
        id: uuidv7(), accountNumber: accounts[i]!, fullName: r.fullName, phones: JSON.stringify(r.phones), email: null,
        locationSite: '', locationBuilding: '', locationText: '', gpsLat: null, gpsLng: null,
        routerId: router.id, packageId: pkg.id, serviceType: 'pppoe', username: r.secret.name, ipAddress: null, macAddress: null,
        installedAt: null, expiresAt, notes: notesOf(r.secret.comment), tags: '[]',
        status: r.secret.disabled ? 'disabled' : statusFor(null, expiresAt, pkg.graceHours, now),
        deletedAt: null, createdAt: at, updatedAt: at, queueName: null,
      };
      await writeSubscriber(trx, scope, {
        before: null, after, pkg, action: 'subscriber.created', summary: `Adopted ${r.secret.name} from router ${router.name} as ${after.accountNumber}`,
        password: r.secret.password, extraDetails: { adoptedFrom: { routerId: router.id, secret: r.secret.name } },
      }, settings.expiryAction, now);
      created += 1;
    }
  });
  return created;
}
