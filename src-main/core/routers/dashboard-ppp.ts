import { rosBool, rosDurationSeconds, rosNumber } from '@shared/domain/routeros-values';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantCtx } from '../context';
import { pageInMemory } from '../paging';
import { auditRouterChange, onRouter, rosAttrs, text } from './on-router';

const SECRET_ATTRS = { name: 'name', password: 'password', service: 'service', profile: 'profile', remoteAddress: 'remote-address', callerId: 'caller-id', comment: 'comment', disabled: 'disabled' };

/** Durations sort by length, not text ("2h" after "45m"). */
function sortValue<T extends Record<string, unknown>>(row: T, field: string): unknown {
  const v = row[field];
  return field === 'uptime' && typeof v === 'string' ? (rosDurationSeconds(v) ?? 0) : v;
}

export function pppActive(ctx: TenantCtx, q: ParsedInputOf<'routers.ppp.active'>): Promise<OutputOf<'routers.ppp.active'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    // /ppp/active names no plan: the session's secret gives the profile, the profile its rate-limit.
    const [active, secrets, profiles] = await Promise.all([
      conn.print('/ppp/active'),
      conn.print('/ppp/secret', { proplist: ['name', 'profile'] }),
      conn.print('/ppp/profile', { proplist: ['name', 'rate-limit'] }),
    ]);
    const planOf = new Map(secrets.map((r) => [text(r, 'name'), text(r, 'profile')]));
    const rateOf = new Map(profiles.map((r) => [text(r, 'name'), text(r, 'rate-limit')]));
    const rows = active.map((r) => {
      const profile = planOf.get(text(r, 'name')) ?? '';
      return {
        id: text(r, '.id'), name: text(r, 'name'), service: text(r, 'service'), callerId: text(r, 'caller-id'), address: text(r, 'address'), uptime: text(r, 'uptime'),
        profile, rateLimit: profile ? (rateOf.get(profile) ?? '') : '',
      };
    });
    return pageInMemory(rows, q, { defaultSort: { field: 'name', dir: 'asc' }, searchText: (r) => [r.name, r.address, r.callerId], value: sortValue });
  });
}

export function kickPpp(ctx: TenantCtx, input: ParsedInputOf<'routers.ppp.kick'>): Promise<OutputOf<'routers.ppp.kick'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const [session] = await conn.print('/ppp/active', { where: { '.id': input.sessionId } });
    await conn.remove('/ppp/active', input.sessionId);
    await auditRouterChange(ctx, router, 'router.session-kicked', `disconnected PPP session ${session?.name ?? input.sessionId}`, { sessionId: input.sessionId, name: session?.name ?? null });
    return { ok: true as const };
  });
}

export function pppSecrets(ctx: TenantCtx, q: ParsedInputOf<'routers.ppp.secrets'>): Promise<OutputOf<'routers.ppp.secrets'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    const [secrets, active] = await Promise.all([
      conn.print('/ppp/secret', { proplist: ['.id', 'name', 'service', 'profile', 'remote-address', 'caller-id', 'disabled', 'comment', 'last-logged-out', 'last-disconnect-reason'] }),
      conn.print('/ppp/active', { proplist: ['name'] }),
    ]);
    const online = new Set(active.map((r) => text(r, 'name')));
    let rows = secrets.map((r) => ({
      id: text(r, '.id'), name: text(r, 'name'), service: text(r, 'service'), profile: text(r, 'profile'), remoteAddress: text(r, 'remote-address'),
      callerId: text(r, 'caller-id'), disabled: rosBool(r.disabled), comment: text(r, 'comment'), lastLoggedOut: text(r, 'last-logged-out'),
      lastDisconnectReason: text(r, 'last-disconnect-reason'), online: online.has(text(r, 'name')),
    }));
    if (q.profile) rows = rows.filter((r) => r.profile === q.profile);
    if (q.disabled !== undefined) rows = rows.filter((r) => r.disabled === q.disabled);
    return pageInMemory(rows, q, { defaultSort: { field: 'name', dir: 'asc' }, searchText: (r) => [r.name, r.comment, r.remoteAddress, r.profile], value: sortValue });
  });
}

export function addPppSecret(ctx: TenantCtx, input: ParsedInputOf<'routers.ppp.secret.add'>): Promise<OutputOf<'routers.ppp.secret.add'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const attrs = rosAttrs(input, SECRET_ATTRS);
    for (const k of ['remote-address', 'caller-id', 'comment'] as const) if (attrs[k] === '') delete attrs[k];
    const id = await conn.add('/ppp/secret', attrs);
    await auditRouterChange(ctx, router, 'router.config-changed', `added PPP secret ${input.name}`, { menu: '/ppp/secret', id });
    return { id };
  });
}

export function updatePppSecret(ctx: TenantCtx, input: ParsedInputOf<'routers.ppp.secret.update'>): Promise<OutputOf<'routers.ppp.secret.update'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const attrs = rosAttrs(input, SECRET_ATTRS);
    if (Object.keys(attrs).length > 0) await conn.set('/ppp/secret', input.secretId, attrs);
    const changed = Object.keys(attrs).filter((k) => k !== 'password');
    await auditRouterChange(ctx, router, 'router.config-changed', `edited PPP secret ${input.secretId}: ${[...changed, ...('password' in attrs ? ['password'] : [])].join(', ')}`, { menu: '/ppp/secret', id: input.secretId });
    return { ok: true as const };
  });
}

export function removePppSecret(ctx: TenantCtx, input: ParsedInputOf<'routers.ppp.secret.remove'>): Promise<OutputOf<'routers.ppp.secret.remove'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const [secret] = await conn.print('/ppp/secret', { where: { '.id': input.secretId }, proplist: ['name'] });
    await conn.remove('/ppp/secret', input.secretId);
    await auditRouterChange(ctx, router, 'router.config-changed', `removed PPP secret ${secret?.name ?? input.secretId}`, { menu: '/ppp/secret', id: input.secretId });
    return { ok: true as const };
  });
}

export function pppProfiles(ctx: TenantCtx, routerId: string): Promise<OutputOf<'routers.ppp.profiles'>> {
  return onRouter(ctx, routerId, async (conn) => ({
    items: (await conn.print('/ppp/profile')).map((r) => ({
      id: text(r, '.id'), name: text(r, 'name'), rateLimit: text(r, 'rate-limit'), localAddress: text(r, 'local-address'), remoteAddress: text(r, 'remote-address'),
      isDefault: rosBool(r.default),
    })),
  }));
}

export function hotspotActive(ctx: TenantCtx, q: ParsedInputOf<'routers.hotspot.active'>): Promise<OutputOf<'routers.hotspot.active'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    const rows = (await conn.print('/ip/hotspot/active')).map((r) => ({
      id: text(r, '.id'), user: text(r, 'user'), address: text(r, 'address'), macAddress: text(r, 'mac-address'), uptime: text(r, 'uptime'),
      server: text(r, 'server'), bytesIn: rosNumber(r['bytes-in']), bytesOut: rosNumber(r['bytes-out']),
    }));
    return pageInMemory(rows, q, { defaultSort: { field: 'user', dir: 'asc' }, searchText: (r) => [r.user, r.address, r.macAddress], value: sortValue });
  });
}

export function kickHotspot(ctx: TenantCtx, input: ParsedInputOf<'routers.hotspot.kick'>): Promise<OutputOf<'routers.hotspot.kick'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const [session] = await conn.print('/ip/hotspot/active', { where: { '.id': input.sessionId } });
    await conn.remove('/ip/hotspot/active', input.sessionId);
    await auditRouterChange(ctx, router, 'router.session-kicked', `logged out hotspot user ${session?.user ?? input.sessionId}`, { sessionId: input.sessionId });
    return { ok: true as const };
  });
}

export function hotspotUsers(ctx: TenantCtx, q: ParsedInputOf<'routers.hotspot.users'>): Promise<OutputOf<'routers.hotspot.users'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    // The built-in default-trial user is not a customer.
    let rows = (await conn.print('/ip/hotspot/user')).filter((r) => !rosBool(r.default)).map((r) => ({
      id: text(r, '.id'), name: text(r, 'name'), profile: text(r, 'profile'), server: text(r, 'server'), limitUptime: text(r, 'limit-uptime'),
      uptime: text(r, 'uptime'), bytesIn: rosNumber(r['bytes-in']), bytesOut: rosNumber(r['bytes-out']), disabled: rosBool(r.disabled), comment: text(r, 'comment'),
    }));
    if (q.profile) rows = rows.filter((r) => r.profile === q.profile);
    return pageInMemory(rows, q, { defaultSort: { field: 'name', dir: 'asc' }, searchText: (r) => [r.name, r.comment, r.profile], value: sortValue });
  });
}

export function hotspotProfiles(ctx: TenantCtx, routerId: string): Promise<OutputOf<'routers.hotspot.profiles'>> {
  return onRouter(ctx, routerId, async (conn) => ({
    items: (await conn.print('/ip/hotspot/user/profile')).map((r) => ({
      id: text(r, '.id'), name: text(r, 'name'), rateLimit: text(r, 'rate-limit'), sharedUsers: text(r, 'shared-users'), sessionTimeout: text(r, 'session-timeout'),
    })),
  }));
}
