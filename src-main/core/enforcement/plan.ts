/**
 * Pre-flight: what installing (or removing) the enforcement prerequisites would do on one router, from
 * one read of each menu involved. Objects are matched like the outbox worker matches them (tagMatches);
 * values are compared as the router prints them back (readBackMismatches: yes/no vs true/false, policy
 * order, duration spelling).
 */
import type { RosRow } from '../routeros/client';
import { readBackMismatches } from '../routeros/script';
import { tagMatches, type DesiredObject, type RouterMenu } from '../router-sync/desired-object';

export interface PlannedChange {
  menu: RouterMenu;
  tag: string;
  action: 'add' | 'set' | 'remove';
  /** Router `.id` of the object changed or removed. */
  id?: string;
  /** For add: every property; for set: only the ones that differ. */
  props: Record<string, string>;
}

export type RouterRows = Partial<Record<RouterMenu, readonly RosRow[]>>;

/** Menus a plan needs read, once each. */
export function menusOf(desired: readonly DesiredObject[]): RouterMenu[] {
  return [...new Set(desired.map((d) => d.menu))];
}

export function planChanges(desired: readonly DesiredObject[], rows: RouterRows): PlannedChange[] {
  const out: PlannedChange[] = [];
  for (const d of desired) {
    const found = (rows[d.menu] ?? []).find((r) => tagMatches(d.tag, r));
    if (d.props === null) {
      if (found?.['.id']) out.push({ menu: d.menu, tag: d.tag, action: 'remove', id: found['.id'], props: {} });
      continue;
    }
    if (!found) {
      out.push({ menu: d.menu, tag: d.tag, action: 'add', props: { ...d.props } });
      continue;
    }
    const differ = readBackMismatches(d.props, found);
    if (differ.length === 0) continue;
    out.push({ menu: d.menu, tag: d.tag, action: 'set', id: found['.id'], props: Object.fromEntries(differ.map((k) => [k, d.props![k]!])) });
  }
  return out;
}
