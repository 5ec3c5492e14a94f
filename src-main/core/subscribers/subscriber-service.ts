import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { extendExpiry, type PeriodUnit } from '@shared/domain/billing-period';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { readSecret } from '../secrets/secret-store';
import { pageQuery } from '../paging';
import { kickAll } from './package-service';
import { mustFindPackage, type PackageRow } from './package-repo';
import { readSettings } from './settings';
import { PPPOE_PASSWORD_SECRET, type SubscriberRow } from './subscriber-objects';
import { mustFindSubscriber, toSummary } from './subscriber-repo';
import { generatePppPassword, resolveDraft, type SubscriberDraft } from './subscriber-validate';
import { writeSubscriber } from './subscriber-write';

/** Active until expiry + grace; staff states (suspended, disabled) are only left by staff. */
export function statusFor(current: SubscriberRow['status'] | null, expiresAt: string, graceHours: number, now: Date): SubscriberRow['status'] {
  if (current === 'suspended' || current === 'disabled') return current;
  return new Date(expiresAt).getTime() + graceHours * 3_600_000 > now.getTime() ? 'active' : 'expired';
}

export async function getSubscriber(scope: TenantScope, id: string): Promise<SubscriberSummary> {
  return toSummary(scope.db, await mustFindSubscriber(scope.db, id));
}

export function draftOf(s: SubscriberRow): SubscriberDraft {
  return {
    accountNumber: s.accountNumber, fullName: s.fullName, phones: JSON.parse(s.phones) as string[], email: s.email,
    location: { site: s.locationSite, building: s.locationBuilding, text: s.locationText, gps: s.gpsLat !== null && s.gpsLng !== null ? { lat: s.gpsLat, lng: s.gpsLng } : null },
    routerId: s.routerId, packageId: s.packageId, username: s.username, ipAddress: s.ipAddress, macAddress: s.macAddress,
    installedAt: s.installedAt, expiresAt: s.expiresAt, notes: s.notes, tags: JSON.parse(s.tags) as string[],
  };
}

/** Resolves inside the transaction and throws the contract's errors (NOT_FOUND for unknown ids, field errors otherwise). */
export async function resolveOrThrow(...args: Parameters<typeof resolveDraft>): Promise<Extract<Awaited<ReturnType<typeof resolveDraft>>, { ok: true }>> {
  const r = await resolveDraft(...args);
  if (r.ok) return r;
  if ('missing' in r) throw notFound(r.missing === 'router' ? 'router.not-found' : 'package.not-found');
  throw new AppError('VALIDATION', 'subscriber.invalid', { fields: r.fields });
}

export async function createSubscriber(scope: TenantScope, input: ParsedInputOf<'subscribers.create'>, opts: { summary?: string } = {}): Promise<SubscriberSummary> {
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  const id = uuidv7();
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    const { values, pkg } = await resolveOrThrow(trx, { ...input, expiresAt: input.expiresAt ?? null }, null, { settings, now, timeZone: scope.tenant.timezone });
    const after: SubscriberRow = {
      id, ...values, queueName: null, status: statusFor(null, values.expiresAt, pkg.graceHours, now), deletedAt: null, createdAt: now.toISOString(), updatedAt: now.toISOString(),
    };
    routers = await writeSubscriber(trx, scope, {
      before: null, after, pkg, action: 'subscriber.created', summary: opts.summary ?? `Added subscriber ${after.accountNumber} ${after.fullName}`,
      ...(pkg.serviceType === 'pppoe' && { password: generatePppPassword() }),
    }, settings.expiryAction, now);
  });
  kickAll(scope, routers);
  return getSubscriber(scope, id);
}

export async function updateSubscriber(scope: TenantScope, input: ParsedInputOf<'subscribers.update'>): Promise<SubscriberSummary> {
  const before = await mustFindSubscriber(scope.db, input.subscriberId);
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    const { subscriberId: _id, regeneratePassword, ...patch } = input;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SubscriberDraft>;
    const draft: SubscriberDraft = { ...draftOf(before), ...defined };
    // A new router or package re-draws the address unless one was given (the old one may not fit the new pool).
    if ((draft.routerId !== before.routerId || draft.packageId !== before.packageId) && defined.ipAddress === undefined) draft.ipAddress = null;
    const { values, pkg } = await resolveOrThrow(trx, draft, before, { settings, now, timeZone: scope.tenant.timezone });
    const after: SubscriberRow = {
      ...before, ...values, status: statusFor(before.status, values.expiresAt, pkg.graceHours, now), updatedAt: now.toISOString(),
    };
    const becamePppoe = after.serviceType === 'pppoe' && before.serviceType !== 'pppoe';
    const changed = Object.keys(defined).filter((k) => k in before || k === 'location' || k === 'phones');
    routers = await writeSubscriber(trx, scope, {
      before, after, pkg, action: 'subscriber.updated', summary: `Edited subscriber ${after.accountNumber}: ${[...changed, ...(regeneratePassword ? ['password'] : [])].join(', ')}`,
      ...((regeneratePassword === true || becamePppoe) && after.serviceType === 'pppoe' && { password: generatePppPassword() }),
    }, settings.expiryAction, now);
  });
  kickAll(scope, routers);
  return getSubscriber(scope, before.id);
}

/** Runs one state change on a stored subscriber (extend, suspend, reconnect, delete) through the one write path. */
async function change(
  scope: TenantScope, id: string, fn: (s: SubscriberRow, pkg: PackageRow, now: Date) => Partial<SubscriberRow>,
  audit: { action: Parameters<typeof writeSubscriber>[2]['action']; summary: (s: SubscriberRow) => string; details?: Record<string, unknown> },
): Promise<SubscriberRow> {
  const before = await mustFindSubscriber(scope.db, id);
  const settings = await readSettings(scope.db);
  const pkg = await mustFindPackageAny(scope, before.packageId);
  const now = scope.core.clock.now();
  const after: SubscriberRow = { ...before, ...fn(before, pkg, now), updatedAt: now.toISOString() };
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    routers = await writeSubscriber(trx, scope, { before, after, pkg, action: audit.action, summary: audit.summary(after), ...(audit.details && { extraDetails: audit.details }) }, settings.expiryAction, now);
  });
  kickAll(scope, routers);
  return after;
}

async function mustFindPackageAny(scope: TenantScope, id: string): Promise<PackageRow> {
  const row = await scope.db.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? (await mustFindPackage(scope.db, id));
}

export async function extendSubscriber(scope: TenantScope, input: ParsedInputOf<'subscribers.extend'>): Promise<SubscriberSummary> {
  const settings = await readSettings(scope.db);
  const after = await change(scope, input.subscriberId, (s, pkg, now) => {
    const unit: PeriodUnit = input.unit ?? pkg.periodUnit;
    const count = input.unit ? input.count : input.count * pkg.periodCount;
    const expiresAt = extendExpiry(new Date(s.expiresAt), now, { count, unit }, 1, scope.tenant.timezone, { endOfDay: settings.disconnectAtEndOfDay }).toISOString();
    return { expiresAt, status: statusFor(s.status, expiresAt, pkg.graceHours, now) };
  }, { action: 'subscriber.extended', summary: (s) => `Extended ${s.accountNumber} to ${s.expiresAt}`, details: { count: input.count, unit: input.unit ?? 'periods' } });
  return getSubscriber(scope, after.id);
}

export async function suspendSubscriber(scope: TenantScope, input: ParsedInputOf<'subscribers.suspend'>): Promise<SubscriberSummary> {
  const after = await change(scope, input.subscriberId, () => ({ status: 'suspended' }), {
    action: 'subscriber.suspended', summary: (s) => `Suspended ${s.accountNumber}${input.reason ? `: ${input.reason}` : ''}`, details: { reason: input.reason },
  });
  return getSubscriber(scope, after.id);
}

/** Staff disable: like a suspension the router cuts it (secret disabled, static moved to the cut list) and nothing automatic lifts it. */
export async function disableSubscriber(scope: TenantScope, input: ParsedInputOf<'subscribers.disable'>): Promise<SubscriberSummary> {
  const after = await change(scope, input.subscriberId, () => ({ status: 'disabled' }), {
    action: 'subscriber.disabled', summary: (s) => `Disabled ${s.accountNumber}${input.reason ? `: ${input.reason}` : ''}`, details: { reason: input.reason },
  });
  return getSubscriber(scope, after.id);
}

export async function reconnectSubscriber(scope: TenantScope, id: string): Promise<SubscriberSummary> {
  const after = await change(scope, id, (s, pkg, now) => ({ status: statusFor(null, s.expiresAt, pkg.graceHours, now) }), {
    action: 'subscriber.reconnected', summary: (s) => `Reconnected ${s.accountNumber} (now ${s.status})`,
  });
  return getSubscriber(scope, after.id);
}

export async function deleteSubscriber(scope: TenantScope, id: string): Promise<{ ok: true }> {
  await change(scope, id, (_s, _p, now) => ({ deletedAt: now.toISOString() }), {
    action: 'subscriber.deleted', summary: (s) => `Deleted subscriber ${s.accountNumber} ${s.fullName}; its router objects are removed`,
  });
  return { ok: true };
}

export async function revealPassword(scope: TenantScope, id: string): Promise<{ password: string }> {
  const s = await mustFindSubscriber(scope.db, id);
  const password = s.serviceType === 'pppoe'
    ? await readSecret(scope.db, scope.core.secrets, { ownerType: 'subscriber', ownerId: id, name: PPPOE_PASSWORD_SECRET })
    : null;
  if (password === null) throw new AppError('NOT_FOUND', 'subscriber.no-password');
  await appendAudit(scope.db, scope.core.clock, scope.actor, {
    action: 'subscriber.password-revealed', summary: `Showed the PPPoE password of ${s.accountNumber}`, targetType: 'subscriber', targetId: id,
  });
  return { password };
}

export async function subscriberHistory(scope: TenantScope, q: ParsedInputOf<'subscribers.history'>): Promise<OutputOf<'subscribers.history'>> {
  await mustFindSubscriber(scope.db, q.subscriberId);
  const base = scope.db.selectFrom('auditLog').where('targetType', '=', 'subscriber').where('targetId', '=', q.subscriberId);
  return pageQuery(base, {
    page: q,
    select: (qb) => qb.select(['id', 'at', 'actorKind', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'summary']),
    sort: [{ by: 'at', dir: 'desc' }, { by: 'id', dir: 'desc' }],
  });
}
