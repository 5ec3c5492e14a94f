import { AppError, notFound } from '@shared/domain/errors';
import { PORTAL_FILES, type PortalInstallResult } from '@shared/contract/hotspot-portal';
import type { RosConnection } from '../routeros/client';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { routersOf } from '../routers/runtime';
import { portalBaseUrl, readPortalRow } from './settings-service';

/** Comment of the walled-garden entry we own (found by it, so installing again changes nothing). */
export const WALLED_GARDEN_TAG = 'ispdesk:portal';
/** RouterOS serves hotspot pages from this directory by default (HotSpot customisation manual). */
export const HTML_DIRECTORY = 'hotspot';

type Step = PortalInstallResult['steps'][number];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Lets unauthenticated hotspot clients reach the app (`/ip hotspot walled-garden ip`, HotSpot manual
 * "Walled Garden": `dst-address`, `dst-port`, `protocol`, `action=accept` lets matching IP traffic through
 * without logging in), so the page's "Pay with M-Pesa" can call it before the customer has a voucher.
 */
async function walledGarden(conn: RosConnection, lan: string, port: number): Promise<Step> {
  const target = `${lan}:${port}`;
  try {
    const want = { 'dst-address': lan, 'dst-port': String(port), protocol: 'tcp', action: 'accept', comment: WALLED_GARDEN_TAG };
    const [row] = await conn.print('/ip/hotspot/walled-garden/ip', { where: { comment: WALLED_GARDEN_TAG } });
    if (row) await conn.setChanged('/ip/hotspot/walled-garden/ip', row, want);
    else await conn.add('/ip/hotspot/walled-garden/ip', want);
    return { step: 'walled-garden', target, ok: true, error: null };
  } catch (e) {
    return { step: 'walled-garden', target, ok: false, error: message(e) };
  }
}

/**
 * The router downloads each page from the app (Fetch manual, https://help.mikrotik.com/docs/display/ROS/Fetch:
 * `url=`, `mode=http`, `dst-path=` stores the body as a file), so nothing has to be uploaded over FTP.
 */
async function fetchFile(conn: RosConnection, base: string, file: string): Promise<Step> {
  try {
    await conn.command('/tool/fetch', { attributes: { url: `${base}/${file}`, mode: 'http', 'dst-path': `${HTML_DIRECTORY}/${file}` } }, { timeoutMs: 30_000 });
    return { step: 'file', target: file, ok: true, error: null };
  } catch (e) {
    return { step: 'file', target: file, ok: false, error: message(e) };
  }
}

/** Points every hotspot server profile in use at the directory the pages went to, where it differs. */
async function profiles(conn: RosConnection): Promise<Step[]> {
  const servers = await conn.print('/ip/hotspot', { proplist: ['profile'] });
  const names = [...new Set(servers.map((s) => s.profile).filter((p): p is string => !!p))];
  const steps: Step[] = [];
  for (const name of names) {
    try {
      const [row] = await conn.print('/ip/hotspot/profile', { where: { name } });
      if (!row) throw new Error(`no hotspot profile ${name}`);
      await conn.setChanged('/ip/hotspot/profile', row, { 'html-directory': HTML_DIRECTORY });
      steps.push({ step: 'profile', target: name, ok: true, error: null });
    } catch (e) {
      steps.push({ step: 'profile', target: name, ok: false, error: message(e) });
    }
  }
  return steps;
}

/**
 * Installs the portal on a router and reports each step. Every step is idempotent (entry found by its
 * comment, files overwritten, profile set only when different), so installing again is safe and repairs.
 */
export async function installPortal(scope: TenantScope, routerId: string): Promise<PortalInstallResult> {
  const router = await scope.db.selectFrom('routers').select(['id', 'name']).where('id', '=', routerId).executeTakeFirst();
  if (!router) throw notFound('router.not-found');
  const row = await readPortalRow(scope);
  const base = portalBaseUrl(scope.tenant.id, row);
  if (!base || !row.lanAddress) throw new AppError('CONFLICT', 'portal.not-configured', { fields: { lanAddress: 'required' } });
  const lan = row.lanAddress;
  const steps = await routersOf(scope.core).connections.run(scope.tenant.id, routerId, async (conn) => {
    const out: Step[] = [await walledGarden(conn, lan, row.lanPort)];
    for (const file of PORTAL_FILES) out.push(await fetchFile(conn, base, file));
    if (out.every((s) => s.ok)) out.push(...(await profiles(conn)));
    return out;
  });
  const ok = steps.every((s) => s.ok);
  await appendAudit(scope.db, scope.core.clock, scope.actor, {
    action: 'portal.installed', summary: `Installed the captive portal on ${router.name}${ok ? '' : ' (with errors)'}`, targetType: 'router', targetId: routerId,
    details: { ok, failed: steps.filter((s) => !s.ok).map((s) => s.target) },
  });
  return { routerId, ok, steps };
}
