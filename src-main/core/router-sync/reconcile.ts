import { ENFORCEMENT_TAG_PREFIX } from '@shared/domain/enforcement-tag';
import type { DriftKind } from '@shared/contract/router-sync';
import type { RosConnection, RosRow } from '../routeros/client';
import type { RouterObjectRow } from './outbox-repo';
import type { MenuSnapshot } from './snapshots';
import { sameDesiredValue, TagIndex } from './router-match';

export interface FoundDrift {
  menu: string;
  kind: DriftKind;
  /** Stable across runs: the object's tag, or `.id=<id>` of a router item we have no object for. */
  identity: string;
  objectId: string | null;
  routerItemId: string | null;
  label: string;
  routerProps: Record<string, string> | null;
  diffs: { prop: string; ours: string | null; theirs: string | null }[];
}

export interface RouterDiff {
  drift: FoundDrift[];
  /** API commands sent (one list per managed menu). */
  apiCalls: number;
  /** What each menu's listing returned, for the worker's next drain (router-sync/snapshots.ts). */
  snapshot: Map<string, MenuSnapshot>;
}

/**
 * Lists each menu where the app owns objects once (`.proplist` limited to the props it manages) and
 * compares with desired state. Objects still pending are skipped: the worker is about to write them.
 */
export async function diffRouter(conn: RosConnection, objects: readonly RouterObjectRow[], now: Date): Promise<RouterDiff> {
  const byMenu = new Map<string, RouterObjectRow[]>();
  for (const o of objects) {
    const list = byMenu.get(o.menu);
    if (list) list.push(o);
    else byMenu.set(o.menu, [o]);
  }
  const drift: FoundDrift[] = [];
  const snapshot = new Map<string, MenuSnapshot>();
  let apiCalls = 0;
  for (const [menu, list] of byMenu) {
    const managed = new Set<string>();
    const parsed = list.map((o) => {
      const desired = o.desired === null ? null : (JSON.parse(o.desired) as Record<string, string>);
      const sealed = o.sealed === null ? [] : Object.keys(JSON.parse(o.sealed) as Record<string, string>);
      for (const k of Object.keys(desired ?? {})) if (!sealed.includes(k)) managed.add(k);
      return { o, desired, sealed };
    });
    // `dynamic` and `default` tell the router's own items (built-in profiles, DHCP-made leases) from foreign ones.
    const proplist = [...new Set(['.id', 'name', 'comment', 'dynamic', 'default', ...managed])];
    const rows = await conn.print(menu, { proplist });
    apiCalls += 1;
    const index = new TagIndex(list.map((o) => o.tag));
    snapshot.set(menu, { rows, proplist: new Set(proplist), tags: new Set(list.map((o) => o.tag)) });
    const grouped = index.group(rows);
    for (const { o, desired, sealed } of parsed) {
      const found = grouped.get(o.tag) ?? [];
      if (o.status === 'pending') continue;
      if (desired === null) {
        for (const r of found) drift.push(itemDrift(menu, 'extra', o.tag, o.id, r));
        continue;
      }
      if (found.length === 0) {
        drift.push({ menu, kind: 'missing', identity: o.tag, objectId: o.id, routerItemId: null, label: labelOf(desired, o.tag), routerProps: null, diffs: [] });
        continue;
      }
      const [first, ...dups] = found;
      for (const d of dups) drift.push(itemDrift(menu, 'extra', `${o.tag}#${d['.id']}`, o.id, d));
      const diffs = Object.entries(desired)
        .filter(([k, v]) => !sealed.includes(k) && !sameDesiredValue(k, first![k], v, now))
        .map(([k, v]) => ({ prop: k, ours: v, theirs: first![k] ?? null }));
      if (diffs.length > 0) drift.push({ ...itemDrift(menu, 'different', o.tag, o.id, first!), diffs });
    }
    for (const r of rows) {
      if (index.tagOf(r) !== null || r.dynamic === 'true' || r.default === 'true') continue;
      const ours = (r.comment ?? '').startsWith(ENFORCEMENT_TAG_PREFIX);
      drift.push(itemDrift(menu, ours ? 'extra' : 'foreign', `.id=${r['.id']}`, null, r));
    }
  }
  return { drift, apiCalls, snapshot };
}

function itemDrift(menu: string, kind: DriftKind, identity: string, objectId: string | null, r: RosRow): FoundDrift {
  const { ['.id']: itemId, ...props } = r;
  return { menu, kind, identity, objectId, routerItemId: itemId ?? null, label: labelOf(props, identity), routerProps: props, diffs: [] };
}

function labelOf(props: Record<string, string>, fallback: string): string {
  return props.name ?? (props.address ? `${props.list ? `${props.list} ` : ''}${props.address}` : undefined) ?? props.comment ?? fallback;
}
