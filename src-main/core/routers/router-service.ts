import { AppError } from '@shared/domain/errors';
import { decodeNote, diagnosisOf } from '@shared/contract/diagnosis';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { RouterSummary } from '@shared/contract/routers';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { containsText } from '../db/query-helpers';
import { mapPage, pageQuery } from '../paging';
import { routersOf } from './runtime';
import {
  deleteRouterPassword, deleteRouterSecrets, hasRouterPassword, mustFindRouter, routerIdsWithPassword, saveRouterPassword, toRouterSummary, type RouterRow,
} from './router-repo';

const SORT = { name: 'name', host: 'host', status: 'status', site: 'site' } as const;

export async function listRouters(ctx: TenantScope, q: ParsedInputOf<'routers.list'>): Promise<OutputOf<'routers.list'>> {
  let base = ctx.db.selectFrom('routers');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    const t = q.q;
    base = base.where((eb) => eb.or([containsText('name', t), containsText('host', t), containsText('site', t), containsText('identity', t)]));
  }
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: SORT[sort.field], dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  const withPassword = await routerIdsWithPassword(ctx.db);
  return mapPage(page, (r) => toRouterSummary(r, withPassword.has(r.id)));
}

/** Names only (no host, user or secrets): what a cashier needs to pick the router whose vouchers they sell. */
export async function hotspotRouters(ctx: TenantScope): Promise<OutputOf<'routers.hotspot.routers'>> {
  const rows = await ctx.db.selectFrom('routers').select(['id', 'name', 'isCore', 'status']).orderBy('isCore', 'desc').orderBy('name').orderBy('id').execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, isCore: r.isCore === 1, status: r.status })) };
}

export async function getRouter(ctx: TenantScope, routerId: string): Promise<RouterSummary> {
  const r = await mustFindRouter(ctx.db, routerId);
  return toRouterSummary(r, await hasRouterPassword(ctx.db, r.id));
}

async function assertAddressFree(ctx: TenantScope, host: string, port: number, exceptId?: string): Promise<void> {
  const other = await ctx.db.selectFrom('routers').select(['id', 'name']).where('host', '=', host).where('port', '=', port).executeTakeFirst();
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', 'router.address-taken', { params: { name: other.name, host, port }, fields: { host: 'taken', port: 'taken' } });
  }
}

export async function createRouter(ctx: TenantScope, input: ParsedInputOf<'routers.create'>, opts: { isDemo?: boolean; id?: string } = {}): Promise<RouterSummary> {
  await assertAddressFree(ctx, input.host, input.port);
  const now = ctx.core.clock.now().toISOString();
  const id = opts.id ?? uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('routers').values({
      id, name: input.name, host: input.host, port: input.port, useTls: input.useTls ? 1 : 0, username: input.username,
      tlsFingerprint: input.useTls ? input.tlsFingerprint : null, site: input.site, notes: input.notes, isCore: input.isCore ? 1 : 0,
      encoding: input.encoding, isDemo: opts.isDemo ? 1 : 0, status: 'unknown', statusSince: null, lastCheckedAt: null, lastError: null, rosVersion: null,
      boardName: null, identity: null, createdAt: now, updatedAt: now,
    }).execute();
    await saveRouterPassword(trx, ctx.core.secrets, id, input.password, now);
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'router.created', summary: `Added router ${input.name} (${input.host}:${input.port}${input.useTls ? ', API-SSL' : ''})`, targetType: 'router', targetId: id,
    });
  });
  // First look straight away so the list shows a real status, not "unknown".
  const mod = routersOf(ctx.core);
  if (mod.background) void mod.monitor.checkRouter(ctx.tenant.id, id).catch(() => undefined);
  return getRouter(ctx, id);
}

export async function updateRouter(ctx: TenantScope, input: ParsedInputOf<'routers.update'>): Promise<RouterSummary> {
  const row = await mustFindRouter(ctx.db, input.routerId);
  const host = input.host ?? row.host;
  const port = input.port ?? row.port;
  if (host !== row.host || port !== row.port) await assertAddressFree(ctx, host, port, row.id);
  const now = ctx.core.clock.now().toISOString();
  const { routerId, password, ...fields } = input;
  const patch: Partial<RouterRow> = {
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.host !== undefined && { host: fields.host }),
    ...(fields.port !== undefined && { port: fields.port }),
    ...(fields.useTls !== undefined && { useTls: fields.useTls ? 1 : 0 }),
    ...(fields.username !== undefined && { username: fields.username }),
    ...(fields.site !== undefined && { site: fields.site }),
    ...(fields.notes !== undefined && { notes: fields.notes }),
    ...(fields.isCore !== undefined && { isCore: fields.isCore ? 1 : 0 }),
    ...(fields.encoding !== undefined && { encoding: fields.encoding }),
  };
  const changed = Object.keys(patch).filter((k) => patch[k as keyof RouterRow] !== row[k as keyof RouterRow]);
  // Another device (or a re-installed router) behind the address means another certificate.
  if (patch.host !== undefined && patch.host !== row.host) patch.tlsFingerprint = null;
  if (patch.useTls === 0) patch.tlsFingerprint = null;
  if (changed.length === 0 && password === undefined) return getRouter(ctx, row.id);
  // The stored password belongs to the old address: whoever listens at a new host or port must not get it
  // (an admin could otherwise point a router at any listener and collect it). Re-entering it keeps one.
  const addressMoved = (patch.host !== undefined && patch.host !== row.host) || (patch.port !== undefined && patch.port !== row.port);
  const clearPassword = addressMoved && password === undefined && (await hasRouterPassword(ctx.db, row.id));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('routers').set({ ...patch, updatedAt: now }).where('id', '=', routerId).execute();
    if (password !== undefined) await saveRouterPassword(trx, ctx.core.secrets, routerId, password, now);
    else if (clearPassword) await deleteRouterPassword(trx, routerId);
    const passwordNote = password !== undefined ? ['password'] : clearPassword ? ['password cleared (address changed)'] : [];
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'router.updated', summary: `Edited router ${row.name}: ${[...changed, ...passwordNote].join(', ')}`,
      targetType: 'router', targetId: routerId, details: { fields: changed, passwordChanged: password !== undefined, passwordCleared: clearPassword },
    });
  });
  routersOf(ctx.core).connections.closeRouter(ctx.tenant.id, routerId);
  return getRouter(ctx, routerId);
}

export async function deleteRouter(ctx: TenantScope, routerId: string): Promise<OutputOf<'routers.delete'>> {
  const row = await mustFindRouter(ctx.db, routerId);
  routersOf(ctx.core).connections.closeRouter(ctx.tenant.id, routerId);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteRouterSecrets(trx, routerId);
    await trx.deleteFrom('routers').where('id', '=', routerId).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'router.deleted', summary: `Removed router ${row.name} (${row.host}:${row.port}); nothing was changed on the router`, targetType: 'router', targetId: routerId,
    });
  });
  return { ok: true };
}

export async function trustCertificate(ctx: TenantScope, input: ParsedInputOf<'routers.trust-certificate'>): Promise<RouterSummary> {
  const row = await mustFindRouter(ctx.db, input.routerId);
  if (row.useTls !== 1) throw new AppError('VALIDATION', 'router.tls-off', { fields: { tlsFingerprint: 'tls-off' } });
  const now = ctx.core.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('routers').set({ tlsFingerprint: input.tlsFingerprint, updatedAt: now }).where('id', '=', row.id).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'router.certificate-trusted', summary: `Trusted a new API-SSL certificate for ${row.name}`, targetType: 'router', targetId: row.id,
      details: { before: row.tlsFingerprint, after: input.tlsFingerprint },
    });
  });
  routersOf(ctx.core).connections.closeRouter(ctx.tenant.id, row.id);
  return getRouter(ctx, row.id);
}

/**
 * A demo router's simulator came up on another local port (the saved one was taken): follow it. Only
 * demo routers, so a real router's address never changes without staff editing it.
 */
export async function rebindDemoRouter(ctx: TenantScope, routerId: string, port: number): Promise<void> {
  const row = await mustFindRouter(ctx.db, routerId);
  if (row.isDemo !== 1 || row.port === port) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('routers').set({ port, updatedAt: ctx.core.clock.now().toISOString() }).where('id', '=', routerId).execute();
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'router.updated', summary: `Simulated router ${row.name} now listens on port ${port}`, targetType: 'router', targetId: routerId,
      details: { fields: ['port'], passwordChanged: false },
    });
  });
  routersOf(ctx.core).connections.closeRouter(ctx.tenant.id, routerId);
}

export async function listDowntime(ctx: TenantScope, q: ParsedInputOf<'routers.downtime.list'>): Promise<OutputOf<'routers.downtime.list'>> {
  if (q.routerId) await mustFindRouter(ctx.db, q.routerId);
  let base = ctx.db.selectFrom('routerDowntimes as d').innerJoin('routers as r', 'r.id', 'd.routerId');
  if (q.routerId) base = base.where('d.routerId', '=', q.routerId);
  if (q.openOnly) base = base.where('d.endedAt', 'is', null);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([containsText('d.cause', text), containsText('r.name', text)]));
  }
  const dir = q.sort?.dir ?? 'desc';
  return pageQuery(base, {
    page: q,
    select: (qb) => qb.select(['d.id', 'd.routerId', 'r.name as routerName', 'd.startedAt', 'd.endedAt', 'd.durationMs', 'd.cause']),
    sort: [{ by: 'd.startedAt', dir }, { by: 'd.id', dir }],
  }).then((page) => mapPage(page, (d) => ({ ...d, cause: decodeNote(d.cause) ?? diagnosisOf('no-answer', {}) })));
}
