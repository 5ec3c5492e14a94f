import { rosBool } from '@shared/domain/routeros-values';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantCtx } from '../context';
import { pageInMemory } from '../paging';
import { auditRouterChange, onRouter, rosAttrs, text } from './on-router';

const QUEUE_ATTRS = {
  name: 'name', target: 'target', maxLimit: 'max-limit', burstLimit: 'burst-limit', burstThreshold: 'burst-threshold', burstTime: 'burst-time',
  priority: 'priority', parent: 'parent', comment: 'comment', disabled: 'disabled',
};

export function queues(ctx: TenantCtx, q: ParsedInputOf<'routers.queues.list'>): Promise<OutputOf<'routers.queues.list'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    let rows = (await conn.print('/queue/simple')).map((r) => ({
      id: text(r, '.id'), name: text(r, 'name'), target: text(r, 'target'), maxLimit: text(r, 'max-limit'), burstLimit: text(r, 'burst-limit'),
      limitAt: text(r, 'limit-at'), priority: text(r, 'priority'), parent: text(r, 'parent'), disabled: rosBool(r.disabled), dynamic: rosBool(r.dynamic),
      comment: text(r, 'comment'), rate: text(r, 'rate'),
    }));
    if (q.dynamic !== undefined) rows = rows.filter((r) => r.dynamic === q.dynamic);
    return pageInMemory(rows, q, { defaultSort: { field: 'name', dir: 'asc' }, searchText: (r) => [r.name, r.target, r.comment], value: (r, f) => r[f as keyof typeof r] });
  });
}

/** RouterOS's own "not set" values; an empty string would be refused for these. */
const UNSET: Record<string, string> = { 'burst-limit': '0/0', 'burst-threshold': '0/0', 'burst-time': '0s/0s', parent: 'none' };

function queueAttrs(input: Record<string, string | boolean | undefined>, mode: 'add' | 'update'): Record<string, string> {
  const attrs = rosAttrs(input, QUEUE_ATTRS);
  for (const [k, unset] of Object.entries(UNSET)) {
    // New queue: leave unset fields out. Edit: an emptied field is cleared on the router.
    if (attrs[k] === '') {
      if (mode === 'add') delete attrs[k];
      else attrs[k] = unset;
    }
  }
  if (mode === 'add' && attrs.comment === '') delete attrs.comment;
  return attrs;
}

export function addQueue(ctx: TenantCtx, input: ParsedInputOf<'routers.queues.add'>): Promise<OutputOf<'routers.queues.add'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const id = await conn.add('/queue/simple', queueAttrs(input, 'add'));
    await auditRouterChange(ctx, router, 'router.config-changed', `added queue ${input.name} (${input.maxLimit})`, { menu: '/queue/simple', id });
    return { id };
  });
}

export function updateQueue(ctx: TenantCtx, input: ParsedInputOf<'routers.queues.update'>): Promise<OutputOf<'routers.queues.update'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const attrs = queueAttrs(input, 'update');
    if (Object.keys(attrs).length > 0) await conn.set('/queue/simple', input.queueId, attrs);
    await auditRouterChange(ctx, router, 'router.config-changed', `edited queue ${input.queueId}: ${Object.keys(attrs).join(', ')}`, { menu: '/queue/simple', id: input.queueId });
    return { ok: true as const };
  });
}

export function removeQueue(ctx: TenantCtx, input: ParsedInputOf<'routers.queues.remove'>): Promise<OutputOf<'routers.queues.remove'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    await conn.remove('/queue/simple', input.queueId);
    await auditRouterChange(ctx, router, 'router.config-changed', `removed queue ${input.queueId}`, { menu: '/queue/simple', id: input.queueId });
    return { ok: true as const };
  });
}

export function leases(ctx: TenantCtx, q: ParsedInputOf<'routers.dhcp.leases'>): Promise<OutputOf<'routers.dhcp.leases'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    const rows = (await conn.print('/ip/dhcp-server/lease')).map((r) => ({
      id: text(r, '.id'), address: text(r, 'address'), macAddress: text(r, 'mac-address'), hostName: text(r, 'host-name'), status: text(r, 'status'),
      server: text(r, 'server'), dynamic: rosBool(r.dynamic), disabled: rosBool(r.disabled), expiresAfter: text(r, 'expires-after'), comment: text(r, 'comment'),
    }));
    return pageInMemory(rows, q, { defaultSort: { field: 'address', dir: 'asc' }, searchText: (r) => [r.address, r.macAddress, r.hostName, r.comment], value: (r, f) => r[f as keyof typeof r] });
  });
}

export function addressLists(ctx: TenantCtx, q: ParsedInputOf<'routers.address-lists.list'>): Promise<OutputOf<'routers.address-lists.list'>> {
  return onRouter(ctx, q.routerId, async (conn) => {
    let rows = (await conn.print('/ip/firewall/address-list')).map((r) => ({
      id: text(r, '.id'), list: text(r, 'list'), address: text(r, 'address'), timeout: text(r, 'timeout'), dynamic: rosBool(r.dynamic),
      disabled: rosBool(r.disabled), comment: text(r, 'comment'), creationTime: text(r, 'creation-time'),
    }));
    if (q.list) rows = rows.filter((r) => r.list === q.list);
    return pageInMemory(rows, q, { defaultSort: { field: 'list', dir: 'asc' }, searchText: (r) => [r.list, r.address, r.comment], value: (r, f) => r[f as keyof typeof r] });
  });
}

export function addAddressListEntry(ctx: TenantCtx, input: ParsedInputOf<'routers.address-lists.add'>): Promise<OutputOf<'routers.address-lists.add'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const attrs: Record<string, string> = { list: input.list, address: input.address };
    if (input.timeout) attrs.timeout = input.timeout;
    if (input.comment) attrs.comment = input.comment;
    const id = await conn.add('/ip/firewall/address-list', attrs);
    await auditRouterChange(ctx, router, 'router.config-changed', `added ${input.address} to address list ${input.list}${input.timeout ? ` for ${input.timeout}` : ''}`, { menu: '/ip/firewall/address-list', id });
    return { id };
  });
}

export function removeAddressListEntry(ctx: TenantCtx, input: ParsedInputOf<'routers.address-lists.remove'>): Promise<OutputOf<'routers.address-lists.remove'>> {
  return onRouter(ctx, input.routerId, async (conn, router) => {
    const [entry] = await conn.print('/ip/firewall/address-list', { where: { '.id': input.entryId } });
    await conn.remove('/ip/firewall/address-list', input.entryId);
    await auditRouterChange(ctx, router, 'router.config-changed', `removed ${entry?.address ?? input.entryId} from address list ${entry?.list ?? ''}`.trim(), { menu: '/ip/firewall/address-list', id: input.entryId });
    return { ok: true as const };
  });
}
