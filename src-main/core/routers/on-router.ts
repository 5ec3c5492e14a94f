import { AppError } from '@shared/domain/errors';
import type { TenantCtx } from '../context';
import type { RosConnection, RosRow } from '../routeros/client';
import { appendAudit } from '../auth/audit';
import { routerFailure } from './diagnose';
import { routersOf } from './runtime';
import { mustFindRouter, type RouterRow } from './router-repo';

/** Runs dashboard work on a router of the caller's tenant; router faults become one clear error envelope. */
export async function onRouter<T>(ctx: TenantCtx, routerId: string, work: (conn: RosConnection, router: RouterRow) => Promise<T>): Promise<T> {
  try {
    // run() looks the router up in this tenant's file (NOT_FOUND for another tenant's id) before connecting.
    return await routersOf(ctx.core).connections.run(ctx.tenant.id, routerId, work);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const router = await mustFindRouter(ctx.db, routerId);
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
}

/** Audits a change made directly on a router from the dashboard. */
export function auditRouterChange(ctx: TenantCtx, router: RouterRow, action: 'router.session-kicked' | 'router.config-changed', summary: string, details?: Record<string, unknown>): Promise<void> {
  return appendAudit(ctx.db, ctx.core.clock, ctx.actor, { action, summary: `${router.name}: ${summary}`, targetType: 'router', targetId: router.id, ...(details ? { details } : {}) });
}

export const text = (row: RosRow, key: string): string => row[key] ?? '';

/** Attribute words for RouterOS, dropping fields the caller did not give. */
export function rosAttrs(fields: Record<string, string | boolean | undefined>, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, rosName] of Object.entries(names)) {
    const v = fields[key];
    if (v === undefined) continue;
    out[rosName] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
  }
  return out;
}
