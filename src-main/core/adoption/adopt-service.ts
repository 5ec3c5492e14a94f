import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantCtx, TenantScope } from '../context';
import { pageInMemory } from '../paging';
import { onRouter } from '../routers/on-router';
import type { RouterRow } from '../routers/router-repo';
import { createPackage, kickAll, updatePackage } from '../subscribers/package-service';
import { findPackage, type PackageWithRouters } from '../subscribers/package-repo';
import { readSettings } from '../subscribers/settings';
import { statusFor } from '../subscribers/subscriber-service';
import type { SubscriberRow } from '../subscribers/subscriber-objects';
import { resolveDraft } from '../subscribers/subscriber-validate';
import { writeSubscriber } from '../subscribers/subscriber-write';
import { planAdoption, type AdoptionPlan, type PackagePlan, type RowPlan } from './plan';
import { readRouterSnapshot } from './read-router';
import { existingPackages, takenUsernames } from './tenant-view';

/** Subscribers written per transaction: big enough to be fast, small enough not to hold the file for long. */
export const ADOPT_CHUNK = 250;

/**
 * Package rate for a profile without a (readable) rate-limit. The profile stays the router's own
 * ('existing' mode): ISP Desk never writes this rate to the router, it only shows it.
 */
export const UNLIMITED_KBPS = 1_000_000;

const running = new Set<string>();

async function planFor(ctx: TenantCtx, routerId: string): Promise<{ plan: AdoptionPlan; router: RouterRow }> {
  const { snap, router } = await onRouter(ctx, routerId, async (conn, r) => ({ snap: await readRouterSnapshot(conn), router: r }));
  const [taken, packages] = await Promise.all([takenUsernames(ctx.db), existingPackages(ctx.db)]);
  const plan = planAdoption(snap, {
    routerId, routerName: router.name, takenUsernames: taken, packages, now: ctx.core.clock.now(), timeZone: ctx.tenant.timezone,
  });
  return { plan, router };
}

function packageView(p: PackagePlan): OutputOf<'adoption.preview'>['packages'][number] {
  return {
    profile: p.profile, packageId: p.packageId, packageName: p.packageName,
    rateLimit: p.rateLimit ? { rxKbps: p.rateLimit.rxKbps, txKbps: p.rateLimit.txKbps } : null,
    rateLimitText: p.rateLimitText, secrets: p.secrets, willCreate: p.willCreate,
  };
}

function counts(plan: AdoptionPlan): OutputOf<'adoption.preview'>['counts'] {
  const toAdopt = plan.rows.filter((r) => r.skip === null).length;
  return {
    secrets: plan.rows.length, toAdopt, skipped: plan.rows.length - toAdopt, packagesToCreate: plan.packages.filter((p) => p.willCreate).length,
    staticQueues: plan.staticQueues, staticLeases: plan.staticLeases,
  };
}

export async function previewAdoption(ctx: TenantCtx, q: ParsedInputOf<'adoption.preview'>): Promise<OutputOf<'adoption.preview'>> {
  const { plan } = await planFor(ctx, q.routerId);
  const rows = (q.onlySkipped ? plan.rows.filter((r) => r.skip !== null) : plan.rows).map((r) => ({
    username: r.secret.name, profile: r.secret.profile, disabled: r.secret.disabled, comment: r.secret.comment,
    expiresAt: r.expiresAt?.toISOString() ?? null, skip: r.skip,
  }));
  return {
    counts: counts(plan),
    packages: plan.packages.map(packageView),
    rows: pageInMemory(rows, q, {
      defaultSort: { field: 'username', dir: 'asc' }, searchText: (r) => [r.username, r.profile, r.comment],
      value: (r, field) => (field === 'skip' ? (r.skip ?? '') : field === 'profile' ? r.profile : r.username),
    }),
  };
}

/** Packages for the profiles in use: existing ones kept (and offered on this router), new ones created. */
async function ensurePackages(scope: TenantScope, routerId: string, plan: AdoptionPlan, prices: ReadonlyMap<string, number>): Promise<{ byProfile: Map<string, PackageWithRouters>; created: number }> {
  const settings = await readSettings(scope.db);
  const byProfile = new Map<string, PackageWithRouters>();
  let created = 0;
  for (const p of plan.packages) {
    if (p.secrets === 0) continue;
    let id = p.packageId;
    if (p.willCreate) {
      const rate = p.rateLimit ?? { rxKbps: UNLIMITED_KBPS, txKbps: UNLIMITED_KBPS, burst: null };
      const pkg = await createPackage(scope, {
        name: p.packageName, serviceType: 'pppoe', routerIds: [routerId], rateLimit: rate,
        // The router's own profile, kept as it is: ISP Desk does not take it over ('existing', not 'managed').
        pppProfile: { mode: 'existing', name: p.profile }, remotePool: null, addressPools: [],
        priceMinor: prices.get(p.profile) ?? 0, period: { count: 1, unit: 'months' }, graceHours: settings.defaultGraceHours, status: 'active',
      });
      id = pkg.id;
      created += 1;
    } else if (p.attachRouter && id) {
      const current = await findPackage(scope.db, id);
      if (current) await updatePackage(scope, { packageId: id, routerIds: [...current.routers.map((r) => r.routerId), routerId] });
    }
    const pkg = id ? await findPackage(scope.db, id) : null;
    if (pkg) byProfile.set(p.profile, pkg);
  }
  return { byProfile, created };
}

/**
 * Creates the subscribers of one chunk in one transaction through the subscribers domain's write path:
 * its checks (user name still free, account number generated), the router's password sealed, and desired
 * state equal to what the router has (same name, password, profile and disabled flag) plus our tag.
 */
async function adoptChunk(scope: TenantScope, router: RouterRow, rows: readonly RowPlan[], byProfile: ReadonlyMap<string, PackageWithRouters>): Promise<number> {
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  const at = now.toISOString();
  let created = 0;
  await scope.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const pkg = byProfile.get(r.secret.profile);
      if (!pkg) continue;
      const res = await resolveDraft(trx, {
        accountNumber: null, fullName: r.fullName, phones: r.phones, email: null, location: { site: '', building: '', text: '', gps: null },
        routerId: router.id, packageId: pkg.id, username: r.secret.name, ipAddress: null, macAddress: null, installedAt: null,
        expiresAt: r.expiresAt?.toISOString() ?? null, notes: r.secret.comment.slice(0, 2000), tags: [],
      }, null, { settings, now, timeZone: scope.tenant.timezone });
      // Taken since the plan was made (another adoption, a staff member): left out, counted as skipped.
      if (!res.ok) continue;
      const after: SubscriberRow = {
        id: uuidv7(), ...res.values,
        status: r.secret.disabled ? 'disabled' : statusFor(null, res.values.expiresAt, res.pkg.graceHours, now),
        deletedAt: null, createdAt: at, updatedAt: at,
      };
      await writeSubscriber(trx, scope, {
        before: null, after, pkg: res.pkg, action: 'subscriber.created', summary: `Adopted ${r.secret.name} from router ${router.name} as ${after.accountNumber}`,
        password: r.secret.password, extraDetails: { adoptedFrom: { routerId: router.id, secret: r.secret.name } },
      }, settings.expiryAction, now);
      created += 1;
    }
  });
  return created;
}

export async function applyAdoption(ctx: TenantCtx, input: ParsedInputOf<'adoption.apply'>): Promise<OutputOf<'adoption.apply'>> {
  const key = `${ctx.tenant.id}/${input.routerId}`;
  if (running.has(key)) throw new AppError('CONFLICT', 'adoption.running');
  running.add(key);
  try {
    const { plan, router } = await planFor(ctx, input.routerId);
    const prices = new Map(input.prices.map((p) => [p.profile, p.priceMinor]));
    const { byProfile, created: packagesCreated } = await ensurePackages(ctx, router.id, plan, prices);
    const todo = plan.rows.filter((r) => r.skip === null);
    let subscribersCreated = 0;
    for (let i = 0; i < todo.length; i += ADOPT_CHUNK) {
      subscribersCreated += await adoptChunk(ctx, router, todo.slice(i, i + ADOPT_CHUNK), byProfile);
      kickAll(ctx, [router.id]);
      ctx.core.events.emit('adoption.progress', { tenantId: ctx.tenant.id }, { routerId: router.id, done: Math.min(i + ADOPT_CHUNK, todo.length), total: todo.length });
    }
    return { packagesCreated, subscribersCreated, skipped: plan.rows.length - subscribersCreated };
  } finally {
    running.delete(key);
  }
}
