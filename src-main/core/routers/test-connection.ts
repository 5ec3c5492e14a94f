import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Diagnosis } from '@shared/contract/routers';
import { diagnosisOf } from '@shared/contract/diagnosis';
import type { TenantCtx } from '../context';
import { RosTlsError, RosTrapError, type RosConnection } from '../routeros/client';
import { explainRouterError, isPermissionTrap } from './diagnose';
import { routersOf } from './runtime';
import { mustFindRouter, readRouterPassword, type RouterRow } from './router-repo';
import { readClockSkew } from './dashboard-system';
import { recordOutcome } from './status';

const NEEDED_POLICIES = ['api', 'read', 'write'] as const;

type Details = Diagnosis['details'];

function emptyDetails(): Details {
  return {
    routerOsVersion: null, boardName: null, identity: null, routerTime: null, clockSkewMs: null, tlsFingerprint: null,
    expectedFingerprint: null, missingPolicies: [], userGroup: null,
  };
}

/** The user's group policies, when the user may read /user (it usually can with `read`). */
async function groupPolicies(conn: RosConnection, username: string): Promise<{ group: string | null; policies: Set<string> | null }> {
  try {
    const [user] = await conn.print('/user', { where: { name: username }, proplist: ['group'] });
    if (!user?.group) return { group: null, policies: null };
    const [group] = await conn.print('/user/group', { where: { name: user.group }, proplist: ['policy'] });
    if (!group?.policy) return { group: user.group, policies: null };
    // Policies read like "local,telnet,!ftp,read,..."; a leading ! means "not granted".
    return { group: user.group, policies: new Set(group.policy.split(',').filter((p) => p && !p.startsWith('!'))) };
  } catch (e) {
    if (e instanceof RosTrapError) return { group: null, policies: null };
    throw e;
  }
}

/**
 * Connects with exactly the given settings (a fresh connection, not the shared one) and reports what a
 * technician needs: why it failed, or version, board, identity, clock skew and missing policies.
 */
export async function testConnection(ctx: TenantCtx, input: ParsedInputOf<'routers.test-connection'>): Promise<OutputOf<'routers.test-connection'>> {
  let saved: RouterRow | null = null;
  let target: { host: string; port: number; useTls: boolean; username: string; password: string; pinned: string | null };
  if ('routerId' in input) {
    const row = await mustFindRouter(ctx.db, input.routerId);
    saved = row;
    target = { host: row.host, port: row.port, useTls: row.useTls === 1, username: row.username, password: await readRouterPassword(ctx.db, ctx.core.secrets, row.id), pinned: row.tlsFingerprint };
  } else {
    target = { host: input.host, port: input.port, useTls: input.useTls, username: input.username, password: input.password, pinned: input.tlsFingerprint };
  }
  const started = Date.now();
  const details = emptyDetails();
  const finish = async (d: Omit<Diagnosis, 'durationMs' | 'details'>): Promise<Diagnosis> => {
    const result: Diagnosis = { ...d, durationMs: Date.now() - started, details };
    if (saved) {
      const routerId = saved.id;
      await recordOutcome(ctx.core, ctx.tenant.id, routerId, {
        at: ctx.core.clock.now(), ok: d.ok,
        ...(d.ok ? {} : { error: { kind: d.kind, note: d.note } }),
        info: { ...(details.routerOsVersion ? { routerOsVersion: details.routerOsVersion } : {}), ...(details.boardName ? { boardName: details.boardName } : {}), ...(details.identity ? { identity: details.identity } : {}) },
      });
    }
    return result;
  };

  let conn: RosConnection;
  try {
    conn = await routersOf(ctx.core).connections.connector({
      host: target.host, port: target.port, username: target.username, password: target.password,
      ...(target.useTls ? { tls: { pinnedSha256: target.pinned } } : {}),
      connectTimeoutMs: 5_000, commandTimeoutMs: 5_000, keepaliveIntervalMs: 0,
    });
  } catch (e) {
    if (e instanceof RosTlsError) {
      details.tlsFingerprint = e.actual ?? null;
      details.expectedFingerprint = e.expected ?? null;
    }
    return finish({ ok: false, ...explainRouterError(e, target) });
  }
  try {
    details.tlsFingerprint = conn.tlsFingerprintSha256;
    try {
      const [ident] = await conn.print('/system/identity');
      details.identity = ident?.name ?? null;
    } catch (e) {
      if (!isPermissionTrap(e)) throw e;
      details.missingPolicies = ['read'];
      return finish({ ok: false, kind: 'missing-policy', note: diagnosisOf('no-read-policy', {}) });
    }
    const [res] = await conn.print('/system/resource', { proplist: ['version', 'board-name'] });
    details.routerOsVersion = res?.version ?? null;
    details.boardName = res?.['board-name'] ?? null;
    Object.assign(details, await readClockSkew(conn, ctx.core.clock.now()));
    const { group, policies } = await groupPolicies(conn, target.username);
    details.userGroup = group;
    if (policies) details.missingPolicies = NEEDED_POLICIES.filter((p) => !policies.has(p));
    if (details.missingPolicies.length > 0) {
      return finish({
        ok: true, kind: 'missing-policy',
        note: diagnosisOf('missing-policies', { group, missing: details.missingPolicies, policy: [...(policies ?? []), ...details.missingPolicies].join(',') }),
      });
    }
    const skew = details.clockSkewMs;
    // Expiry is enforced by the router's clock, so a skew over two minutes is worth a word.
    const clockSkewMinutes = skew !== null && Math.abs(skew) > 120_000 ? Math.round(skew / 60_000) : null;
    return finish({
      ok: true, kind: 'ok',
      note: diagnosisOf('connected', { identity: details.identity ?? target.host, routerOsVersion: details.routerOsVersion, boardName: details.boardName, clockSkewMinutes }),
    });
  } catch (e) {
    return finish({ ok: false, ...explainRouterError(e, target) });
  } finally {
    await conn.close().catch(() => undefined);
  }
}
