import type { Kysely } from 'kysely';
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { codeKey } from '@shared/domain/voucher-code';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { HotspotAdoptionSkip } from '@shared/contract/hotspot-adoption';
import type { TenantCtx, TenantScope } from '../context';
import type { TenantDB, VouchersTable } from '../db/tenant-schema';
import type { RosConnection } from '../routeros/client';
import { onRouter } from '../routers/on-router';
import { recordAlreadyOnRouter } from '../router-sync/record-on-router';
import { appendAudit } from '../auth/audit';
import { planHotspotAdoption, type BatchPlan, type HotspotAdoptionPlan, type HotspotSnapshot, type ProfilePlan } from './adopt-plan';
import { planProfileObject, voucherUserObject, type PlanRow } from './router-objects';

/** Vouchers per multi-row insert (10 values each, well under SQLite's bound-parameter limit). */
const INSERT_CHUNK = 500;

/** Routers being adopted now (tenant/router): a second run at once is refused rather than racing the first. */
const running = new Set<string>();

/** One print of each menu (`.proplist` limited to what adoption reads), concurrently on the shared connection. */
export async function readHotspot(conn: RosConnection): Promise<HotspotSnapshot> {
  const [profiles, users] = await Promise.all([
    conn.print('/ip/hotspot/user/profile', { proplist: ['name', 'rate-limit', 'shared-users', 'idle-timeout', 'session-timeout', 'on-login', 'default'] }),
    conn.print('/ip/hotspot/user', {
      proplist: ['name', 'password', 'profile', 'server', 'comment', 'disabled', 'limit-uptime', 'limit-bytes-total', 'default', 'dynamic'],
    }),
  ]);
  return { profiles, users };
}

async function planFor(ctx: TenantCtx, routerId: string): Promise<{ plan: HotspotAdoptionPlan; routerName: string }> {
  const { snap, routerName } = await onRouter(ctx, routerId, async (conn, r) => ({ snap: await readHotspot(conn), routerName: r.name }));
  const [plans, names, codes, batches] = await Promise.all([
    ctx.db.selectFrom('hotspotPlans').selectAll().where('routerId', '=', routerId).execute(),
    ctx.db.selectFrom('hotspotPlans').select('name').execute(),
    ctx.db.selectFrom('vouchers').select('codeKey').where('routerId', '=', routerId).execute(),
    ctx.db.selectFrom('voucherBatches').select(['id', 'planId', 'comment']).where('routerId', '=', routerId).where('origin', '=', 'adopted').execute(),
  ]);
  const plan = planHotspotAdoption(snap, {
    routerId, routerName, currency: ctx.tenant.currency, plans, planNames: new Set(names.map((n) => n.name)),
    codeKeys: new Set(codes.map((c) => c.codeKey)), adoptedBatches: new Map(batches.map((b) => [`${b.planId}\u0000${b.comment}`, b.id])),
    now: ctx.core.clock.now(),
  });
  return { plan, routerName };
}

function skippedView(plan: HotspotAdoptionPlan): OutputOf<'hotspot.adopt.preview'>['skipped'] {
  const by = new Map<HotspotAdoptionSkip, string[]>();
  for (const s of plan.skipped) {
    const list = by.get(s.reason);
    if (list) list.push(s.name);
    else by.set(s.reason, [s.name]);
  }
  return [...by.entries()].map(([reason, names]) => ({ reason, count: names.length, examples: names.slice(0, 5) }));
}

function planView(p: ProfilePlan): OutputOf<'hotspot.adopt.preview'>['plans'][number] {
  const { plan } = p;
  return {
    profile: p.profile, planId: p.existing ? plan.id : null, planName: plan.name, willCreate: !p.existing && p.differs.length === 0,
    priceMinor: plan.priceMinor, rateLimit: `${plan.rateRxKbps}k/${plan.rateTxKbps}k`,
    limit: plan.limitKind === 'none' || plan.limitSec === null ? { kind: 'none' } : { kind: plan.limitKind, seconds: plan.limitSec },
    vouchers: p.vouchers, differs: p.differs,
  };
}

export async function previewHotspotAdoption(ctx: TenantCtx, q: ParsedInputOf<'hotspot.adopt.preview'>): Promise<OutputOf<'hotspot.adopt.preview'>> {
  const { plan } = await planFor(ctx, q.routerId);
  const vouchersNew = plan.batches.reduce((n, b) => n + b.users.length, 0);
  return {
    counts: {
      users: plan.users,
      plansNew: plan.plans.filter((p) => !p.existing && p.differs.length === 0).length,
      plansExisting: plan.plans.filter((p) => p.existing).length,
      batchesNew: plan.batches.filter((b) => b.batchId === null).length,
      batchesExisting: plan.batches.filter((b) => b.batchId !== null).length,
      vouchersNew, vouchersExisting: plan.existingVouchers, skipped: plan.skipped.length,
    },
    plans: plan.plans.map(planView),
    batches: plan.batches.map((b) => ({ profile: b.profile, comment: b.comment, mode: b.mode, batchId: b.batchId, vouchers: b.users.length })),
    skipped: skippedView(plan),
  };
}

/** Creates the plan row and records its profile as already on the router (nothing is queued for it). */
async function createAdoptedPlan(scope: TenantScope, p: ProfilePlan, routerName: string): Promise<PlanRow> {
  const row: PlanRow = { ...p.plan, id: uuidv7() };
  const now = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('hotspotPlans').values(row).execute();
    const profile = planProfileObject(row, true);
    if (p.routerOnLogin !== null) profile.props!['on-login'] = p.routerOnLogin;
    await recordAlreadyOnRouter(trx, [profile], now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'hotspot-plan.adopted', summary: `Adopted hotspot profile ${row.profileName} of router ${routerName} as plan ${row.name}`,
      targetType: 'hotspot-plan', targetId: row.id, details: { profile: row.profileName, priceMinor: row.priceMinor, limit: row.limitKind },
    });
  });
  return row;
}

/** Vouchers the router already has on this router's codes (a rerun, or a batch generated meanwhile): left out. */
async function takenCodes(trx: Kysely<TenantDB>, routerId: string, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const rows = await trx.selectFrom('vouchers').select('codeKey').where('routerId', '=', routerId).where('codeKey', 'in', keys.slice(i, i + INSERT_CHUNK)).execute();
    for (const r of rows) out.add(r.codeKey);
  }
  return out;
}

/**
 * One batch in one transaction: the batch row (or the adopted batch found again, its count raised), its
 * vouchers (unused: status comes from the router's counters), and their users recorded as already on the
 * router with the router's own comment, so nothing differs and nothing is written.
 */
async function adoptBatch(scope: TenantScope, b: BatchPlan, plan: PlanRow, routerName: string): Promise<{ created: boolean; vouchers: number }> {
  const now = scope.core.clock.now();
  const at = now.toISOString();
  let created = false;
  let vouchers = 0;
  await scope.db.transaction().execute(async (trx) => {
    const taken = await takenCodes(trx, plan.routerId, b.users.map((u) => codeKey(u.code)));
    const todo = b.users.filter((u) => !taken.has(codeKey(u.code)));
    if (todo.length === 0) return;
    let batchId = b.batchId ?? (await trx.selectFrom('voucherBatches').select('id').where('routerId', '=', plan.routerId).where('planId', '=', plan.id)
      .where('comment', '=', b.comment).where('origin', '=', 'adopted').executeTakeFirst())?.id ?? null;
    if (batchId === null) {
      const last = await trx.selectFrom('voucherBatches').select((eb) => eb.fn.max('serial').as('m')).executeTakeFirst();
      batchId = uuidv7();
      await trx.insertInto('voucherBatches').values({
        id: batchId, serial: Number(last?.m ?? 0) + 1, requestKey: uuidv7(), planId: plan.id, routerId: plan.routerId, count: todo.length,
        priceMinor: plan.priceMinor, note: b.note.slice(0, 40), mode: b.mode, codeOptions: '{}', comment: b.comment, createdBy: scope.actor.id,
        createdAt: at, origin: 'adopted',
      }).execute();
      created = true;
    } else {
      await trx.updateTable('voucherBatches').set((eb) => ({ count: eb('count', '+', todo.length) })).where('id', '=', batchId).execute();
    }
    const rows: VouchersTable[] = todo.map((u) => ({
      id: uuidv7(), batchId: batchId!, planId: plan.id, routerId: plan.routerId, code: u.code, codeKey: codeKey(u.code), password: u.password,
      status: 'unused', createdAt: at, revokedAt: null,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('vouchers').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    await recordAlreadyOnRouter(trx, rows.map((v, i) => voucherUserObject(v, plan, todo[i]!.comment)), now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-batch.adopted', summary: `Adopted ${todo.length} hotspot users of router ${routerName} on ${plan.name}${b.comment ? ` (${b.comment})` : ''}`,
      targetType: 'voucher-batch', targetId: batchId, details: { count: todo.length, planId: plan.id, comment: b.comment, mode: b.mode },
    });
    vouchers = todo.length;
  });
  return { created, vouchers };
}

/**
 * Adopts the router's hotspot: plans for its profiles, then its users as vouchers batch by batch. Writes
 * nothing to the router; found again by router + profile and router + code, so a second run adds nothing.
 */
export async function applyHotspotAdoption(ctx: TenantCtx, input: ParsedInputOf<'hotspot.adopt.apply'>): Promise<OutputOf<'hotspot.adopt.apply'>> {
  const key = `${ctx.tenant.id}/${input.routerId}`;
  if (running.has(key)) throw new AppError('CONFLICT', 'adoption.running');
  running.add(key);
  try {
    const { plan, routerName } = await planFor(ctx, input.routerId);
    const byProfile = new Map<string, PlanRow>();
    let plansCreated = 0;
    for (const p of plan.plans) {
      if (p.differs.length > 0) continue;
      if (p.existing) byProfile.set(p.profile, p.plan);
      else {
        byProfile.set(p.profile, await createAdoptedPlan(ctx, p, routerName));
        plansCreated += 1;
      }
    }
    let batchesCreated = 0;
    let vouchersCreated = 0;
    for (const b of plan.batches) {
      const r = await adoptBatch(ctx, b, byProfile.get(b.profile)!, routerName);
      if (r.created) batchesCreated += 1;
      vouchersCreated += r.vouchers;
    }
    return { plansCreated, batchesCreated, vouchersCreated, skipped: plan.skipped.length };
  } finally {
    running.delete(key);
  }
}
