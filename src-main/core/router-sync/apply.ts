import { ENFORCEMENT_TAG_PREFIX } from '@shared/domain/enforcement-tag';
import { RosTrapError, type RosConnection, type RosRow } from '../routeros/client';
import { changedProps, TagIndex } from './router-match';
import { keepOurRulesFirst, RULE_ORDER_MENUS } from './rule-order';
import type { MenuSnapshot } from './snapshots';

/** One object to bring to its desired state, sealed values already opened. */
export interface ApplyItem {
  objectId: string;
  version: number;
  menu: string;
  tag: string;
  /** null = must not exist on the router. */
  props: Record<string, string> | null;
  /** Props whose value came from the secret store: compared only when the router shows them. */
  sealedProps: readonly string[];
}

export interface ApplyOutcome {
  applied: { objectId: string; version: number; removed: boolean }[];
  refused: { objectId: string; version: number; message: string }[];
}

/**
 * Objects other objects refer to by name are written first and removed last: a secret names its
 * profile, a profile its pool, a scheduler its script (RouterOS refuses an unknown reference).
 */
const PREREQUISITE_MENUS: readonly string[] = ['/ip/pool', '/ppp/profile', '/system/script', '/ip/hotspot/user/profile'];

/** Commands in flight on the one connection (tagged, so the router answers them as they finish). */
const PIPELINE_DEPTH = 64;

async function pipelined<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PIPELINE_DEPTH, items.length) }, lane));
  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
}

function proplistFor(menu: string, items: readonly ApplyItem[]): string[] {
  // A lease's `dynamic` flag: dynamic leases are never claimed.
  const props = new Set(['.id', 'name', 'comment', ...(menu === '/ip/dhcp-server/lease' ? ['dynamic'] : [])]);
  for (const i of items) for (const k of Object.keys(i.props ?? {})) props.add(k);
  return [...props];
}

/** Steps in dependency order: prerequisites' writes, then the rest, then prerequisites' removals. */
function steps(items: readonly ApplyItem[]): { menu: string; items: ApplyItem[] }[] {
  const byMenu = new Map<string, ApplyItem[]>();
  for (const i of items) {
    const list = byMenu.get(i.menu);
    if (list) list.push(i);
    else byMenu.set(i.menu, [i]);
  }
  const out: { menu: string; items: ApplyItem[] }[] = [];
  for (const m of PREREQUISITE_MENUS) {
    const ups = byMenu.get(m)?.filter((i) => i.props !== null) ?? [];
    if (ups.length > 0) out.push({ menu: m, items: ups });
  }
  for (const [m, list] of byMenu) if (!PREREQUISITE_MENUS.includes(m)) out.push({ menu: m, items: list });
  for (const m of [...PREREQUISITE_MENUS].reverse()) {
    const rms = byMenu.get(m)?.filter((i) => i.props === null) ?? [];
    if (rms.length > 0) out.push({ menu: m, items: rms });
  }
  return out;
}

/** A reconcile listing can stand in for the read before writing when it indexed and read all these items' props. */
function snapshotCovers(snap: MenuSnapshot | undefined, items: readonly ApplyItem[]): snap is MenuSnapshot {
  if (!snap) return false;
  return items.every((i) => snap.tags.has(i.tag) && Object.keys(i.props ?? {}).every((k) => i.sealedProps.includes(k) || snap.proplist.has(k)));
}

/** Sealed values a listing did not show are left as they are (a reconcile lists without them). */
function shownProps(item: ApplyItem, row: RosRow, props: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) if (!(item.sealedProps.includes(k) && row[k] === undefined)) out[k] = v;
  return out;
}

/**
 * Reads a menu once, writes what differs (pipelined), reads it once more to verify. Any write whose
 * answer was lost (connection gone, "outcome unknown") is never repeated blindly: the caller's next
 * drain starts again from a fresh read of the router, which finds an `add` that did land by its tag.
 * A trap refuses only its own object. Connection failures propagate (the whole drain is retried later).
 *
 * With a fresh reconcile listing of the menu (`snap`), that listing is the read before writing and the
 * read-back is left to the next listing (the next reconcile shows any write that did not take as
 * drift): repairing drift then costs exactly one write per drifted object.
 */
export async function applyStep(
  conn: RosConnection, menu: string, items: readonly ApplyItem[], now: Date, onStep?: (done: ApplyOutcome) => Promise<void>, snap?: MenuSnapshot,
): Promise<ApplyOutcome> {
  const proplist = proplistFor(menu, items);
  const index = new TagIndex(items.map((i) => i.tag));
  const fromSnapshot = snapshotCovers(snap, items);
  const before = fromSnapshot
    ? withClaimable(index.group(snap.rows), snap.rows, claimNames(menu, items))
    : await readState(conn, menu, items, index, proplist, 'before');
  const toKick = new Set<string>();
  const key = CLAIM_KEYS.get(menu);
  const claimable = key ? before.get(UNTAGGED) ?? [] : [];
  const claimByKey = new Map(claimable.map((r) => [r[key!], r]));
  const refused = new Map<string, string>();

  await pipelined(items, async (item) => {
    const found = before.get(item.tag) ?? [];
    try {
      if (item.props === null) {
        for (const r of found) {
          await conn.remove(menu, r['.id']!);
          if (menu === '/ip/hotspot/user' && r.name !== undefined) toKick.add(r.name);
        }
        return;
      }
      const [first, ...duplicates] = found;
      // Two items with our tag can only come from a write repeated outside this worker: keep one.
      for (const d of duplicates) await conn.remove(menu, d['.id']!);
      // An item the router already has under this name but without any tag of ours (a secret just
      // adopted from the router) is taken over: `add` would be refused as a duplicate name.
      const claimValue = key ? item.props[key] : undefined;
      const target = first ?? (claimValue !== undefined ? claimByKey.get(claimValue) : undefined);
      if (!target) {
        await conn.add(menu, item.props);
        return;
      }
      const changed = changedProps(target, fromSnapshot ? shownProps(item, target, item.props) : item.props, now);
      if (Object.keys(changed).length === 0) return;
      await conn.set(menu, target['.id']!, changed);
      const name = item.props.name ?? target.name;
      if ((menu === '/ppp/secret' || menu === '/ip/hotspot/user') && ('profile' in changed || 'disabled' in changed) && name !== undefined) toKick.add(name);
    } catch (e) {
      if (e instanceof RosTrapError) refused.set(item.objectId, e.trapMessage);
      else throw e;
    }
  });

  await kickSessions(conn, toKick, SESSIONS_OF.get(menu));
  // Firewall rules act in order: the app's go first in their chain (rule-order.ts).
  if (RULE_ORDER_MENUS.has(menu) && items.some((i) => i.props !== null)) await keepOurRulesFirst(conn, menu);
  const after = fromSnapshot ? null : await readState(conn, menu, items, index, proplist, 'after');
  const outcome: ApplyOutcome = { applied: [], refused: [] };
  for (const item of items) {
    const trap = refused.get(item.objectId);
    if (trap !== undefined) {
      outcome.refused.push({ objectId: item.objectId, version: item.version, message: trap });
      continue;
    }
    const problem = after === null ? null : verify(item, after.get(item.tag) ?? [], now);
    if (problem === null) outcome.applied.push({ objectId: item.objectId, version: item.version, removed: item.props === null });
    else outcome.refused.push({ objectId: item.objectId, version: item.version, message: problem });
  }
  await onStep?.(outcome);
  return outcome;
}

/**
 * Menus whose items RouterOS keeps unique by `name` ("failure: already have ... with such name"; simple
 * queues: "failure: already have such name", manual "Queues"): there an untagged item can be claimed for
 * an object of ours with the same name. A static DHCP lease is one per address (a second static lease for
 * the address would hand it to two MACs), so an untagged static lease with our object's address is claimed
 * (adopting static customers, src-main/core/adoption). Dynamic leases are never claimed.
 */
const CLAIM_KEYS: ReadonlyMap<string, string> = new Map([
  ...['/ppp/secret', '/ppp/profile', '/ip/pool', '/system/script', '/system/scheduler', '/queue/simple'].map((m) => [m, 'name'] as const),
  ['/ip/dhcp-server/lease', 'address'],
]);

/** Key under which readState returns the untagged items named like an object with a comment tag. */
const UNTAGGED = '\u0000untagged';

/** The names of objects found by a comment tag that could match an untagged router item. */
function claimNames(menu: string, items: readonly ApplyItem[]): { key: string; values: Set<string> } {
  const key = CLAIM_KEYS.get(menu) ?? 'name';
  const values = new Set<string>();
  if (!CLAIM_KEYS.has(menu)) return { key, values };
  for (const i of items) if (!i.tag.startsWith('name=') && i.props?.[key] !== undefined) values.add(i.props[key]);
  return { key, values };
}

/** A router item no object of the app carries its tag in (any `ispdesk:` comment belongs to someone). */
function isUntagged(row: RosRow): boolean {
  return !(row.comment ?? '').startsWith(ENFORCEMENT_TAG_PREFIX);
}

function withClaimable(grouped: Map<string, RosRow[]>, rows: readonly RosRow[], names: { key: string; values: ReadonlySet<string> }): Map<string, RosRow[]> {
  if (names.values.size === 0) return grouped;
  const claim = rows.filter((r) => r[names.key] !== undefined && names.values.has(r[names.key]!) && isUntagged(r) && r.dynamic !== 'true');
  if (claim.length > 0) grouped.set(UNTAGGED, claim);
  return grouped;
}

/** Up to this many objects of a menu are looked up one by one (by name) instead of listing the menu. */
const TARGETED_MAX = 16;

/** The name an object can be looked up by on the router, if any. */
function lookupName(item: ApplyItem): string | null {
  if (item.tag.startsWith('name=')) return item.tag.slice(5);
  return item.props?.name ?? null;
}

/**
 * The router's items of these objects, by tag. A few objects are looked up by name (`?name=`, pipelined),
 * so one change on a router with 20,000 secrets does not list them all twice; RouterOS queries cannot
 * match a comment prefix, so a lookup that is not conclusive falls back to one listing of the menu:
 * before writing, "not found by its name" only proves absence for an object that never had another
 * name (version 1); after writing, the object was just written under that name.
 */
async function readState(conn: RosConnection, menu: string, items: readonly ApplyItem[], index: TagIndex, proplist: string[], when: 'before' | 'after'): Promise<Map<string, RosRow[]>> {
  const names = when === 'before' ? claimNames(menu, items) : { key: 'name', values: new Set<string>() };
  const listAll = async () => {
    const rows = await conn.print(menu, { proplist });
    return withClaimable(index.group(rows), rows, names);
  };
  const targeted = items.length <= TARGETED_MAX && items.every((i) => lookupName(i) !== null);
  if (!targeted) return listAll();
  const out = new Map<string, RosRow[]>();
  const untagged: RosRow[] = [];
  let conclusive = true;
  await pipelined(items, async (item) => {
    const named = await conn.print(menu, { where: { name: lookupName(item)! }, proplist });
    const rows = named.filter((r) => index.tagOf(r) === item.tag);
    if (rows.length > 0) out.set(item.tag, rows);
    else if (when === 'before' && (item.version !== 1 || item.props === null)) conclusive = false;
    untagged.push(...named);
  });
  return conclusive ? withClaimable(out, untagged, names) : listAll();
}

/** Null when the router holds the desired state, else what it holds instead (shown on the object). */
function verify(item: ApplyItem, rows: readonly RosRow[], now: Date): string | null {
  if (item.props === null) return rows.length === 0 ? null : `still on the router after removal (${rows.length})`;
  if (rows.length !== 1) return rows.length === 0 ? 'not found on the router after writing it' : `found ${rows.length} times on the router`;
  const row = rows[0]!;
  const checked: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.props)) if (!(item.sealedProps.includes(k) && row[k] === undefined)) checked[k] = v;
  const diff = changedProps(row, checked, now);
  const keys = Object.keys(diff);
  if (keys.length === 0) return null;
  return `the router holds ${keys.map((k) => `${k}=${row[k] ?? '(unset)'}`).join(', ')} after writing ${keys.map((k) => `${k}=${diff[k]}`).join(', ')}`;
}

/**
 * Where a login's running sessions are listed. Removing or disabling a hotspot user leaves its session
 * running on RouterOS (Mikhmon's expiry script removes `/ip hotspot active` itself before the user,
 * integrations.md §6.3), so a revoked voucher's session is removed the same way.
 */
const SESSIONS_OF: ReadonlyMap<string, { menu: string; field: string }> = new Map([
  ['/ppp/secret', { menu: '/ppp/active', field: 'name' }],
  ['/ip/hotspot/user', { menu: '/ip/hotspot/active', field: 'user' }],
]);

/**
 * A secret's new profile or disabled flag only takes effect at the next login, so the session is
 * removed to make the client reconnect with it (seed-system.md §4.3.5, router-enforcement.md §1.4).
 * A few sessions are looked up by name; more are found in one listing of the active sessions.
 */
async function kickSessions(conn: RosConnection, names: ReadonlySet<string>, of: { menu: string; field: string } | undefined): Promise<void> {
  if (names.size === 0 || !of) return;
  const { menu, field } = of;
  let sessions: RosRow[];
  if (names.size <= TARGETED_MAX) {
    sessions = [];
    await pipelined([...names], async (name) => {
      sessions.push(...(await conn.print(menu, { where: { [field]: name }, proplist: ['.id', field] })));
    });
  } else {
    sessions = (await conn.print(menu, { proplist: ['.id', field] })).filter((a) => a[field] !== undefined && names.has(a[field]));
  }
  await pipelined(sessions, async (a) => {
    try {
      await conn.remove(menu, a['.id']!);
    } catch (e) {
      // The session may end on its own between the print and the remove.
      if (!(e instanceof RosTrapError)) throw e;
    }
  });
}

/** Every step of a batch, in dependency order. */
export async function applyAll(
  conn: RosConnection, items: readonly ApplyItem[], now: Date, onStep: (done: ApplyOutcome) => Promise<void>, snapshot?: ReadonlyMap<string, MenuSnapshot> | null,
): Promise<void> {
  for (const s of steps(items)) await applyStep(conn, s.menu, s.items, now, onStep, snapshot?.get(s.menu));
}
