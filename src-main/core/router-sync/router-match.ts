import { parseEnforcementTag, withoutCutStamp } from '@shared/domain/enforcement-tag';
import { isMikhmonExpiryStamp, isStampedComment } from '@shared/domain/voucher-status';
import { sameRosValue, type RosRow } from '../routeros/client';

/**
 * Finds the router's items for a set of tags in one listing. Tags are either `name=<name>` or a comment
 * prefix ending in `;` (`ispdesk:v1;sid=…;`), so a comment is looked up at each `;` boundary instead of
 * trying every tag against every row (20,000 × 20,000 would not do).
 */
export class TagIndex {
  private readonly byName = new Map<string, string>();
  private readonly byPrefix = new Set<string>();

  constructor(tags: Iterable<string>) {
    for (const t of tags) {
      if (t.startsWith('name=')) this.byName.set(t.slice(5), t);
      else this.byPrefix.add(t);
    }
  }

  /** The tag a router row carries among the indexed ones, or null. */
  tagOf(row: RosRow): string | null {
    const comment = row.comment ?? '';
    if (this.byPrefix.size > 0 && comment !== '') {
      for (let i = comment.indexOf(';'); i !== -1; i = comment.indexOf(';', i + 1)) {
        const p = comment.slice(0, i + 1);
        if (this.byPrefix.has(p)) return p;
      }
      if (this.byPrefix.has(comment)) return comment;
    }
    const name = row.name;
    if (name !== undefined) {
      const t = this.byName.get(name);
      if (t) return t;
    }
    return null;
  }

  /** Groups rows by tag; several rows with one tag are duplicates (kept in router order). */
  group(rows: readonly RosRow[]): Map<string, RosRow[]> {
    const out = new Map<string, RosRow[]>();
    for (const r of rows) {
      const t = this.tagOf(r);
      if (t === null) continue;
      const list = out.get(t);
      if (list) list.push(r);
      else out.set(t, [r]);
    }
    return out;
  }
}

/**
 * Whether the router's value of `prop` already is what we want. The router's sweeper stamps `;cut=<s>`
 * on an enforcement comment when it cuts a subscriber (src-shared/domain/enforcement-tag.ts); while our
 * own desired comment is also past its `exp`, that stamp is the router agreeing with us, not drift, and
 * clearing it would make the router cut (and log) again. A renewal moves `exp` into the future, so the
 * stamp then counts as a difference and the app's comment overwrites it. Likewise a hotspot voucher's
 * first-login expiry stamp.
 */
export function sameDesiredValue(prop: string, routerValue: string | undefined, desired: string, now: Date): boolean {
  if (prop === 'comment' && routerValue !== undefined && routerValue !== desired) {
    const tag = parseEnforcementTag(desired);
    if (tag && tag.expiresAtSec * 1000 <= now.getTime() && withoutCutStamp(routerValue) === desired) return true;
    // A voucher's batch comment with the `;exp=` its plan's on-login script stamped at first login
    // (hotspot/voucher-scripts.ts): writing the bare comment back would restart its validity.
    // An adopted Mikhmon voucher whose comment Mikhmon's on-login replaced with its expiry date: likewise.
    return isStampedComment(routerValue, desired) || isMikhmonExpiryStamp(routerValue, desired);
  }
  if (RATE_PROPS.has(prop) && routerValue !== undefined) return sameRate(routerValue, desired);
  if (desired === 'yes' || desired === 'no') return sameRosValue(prop, routerValue, desired === 'yes');
  return sameRosValue(prop, routerValue, desired);
}

/** The props whose router value differs from desired (sealed values included, already opened). */
export function changedProps(row: RosRow, desired: Record<string, string>, now: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(desired)) if (!sameDesiredValue(k, row[k], v, now)) out[k] = v;
  return out;
}

/**
 * Rates are written the way people type them (`5M/5M`, `512k/1M 2M/2M 1M/1M 8/8`) and read back in bits
 * per second by menus that store numbers (`/queue/simple max-limit=5000000/5000000`), while `/ppp/profile
 * rate-limit` is kept as typed: compare them as numbers (RouterOS manual, Queues: "k", "M", "G" suffixes).
 */
const RATE_PROPS = new Set(['max-limit', 'limit-at', 'burst-limit', 'burst-threshold', 'rate-limit']);
const UNIT: Record<string, number> = { '': 1, k: 1_000, K: 1_000, M: 1_000_000, G: 1_000_000_000 };

function rateTokens(v: string): string[] {
  return v.trim().split(/[\s/]+/).map((t) => {
    const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(t);
    return m ? String(Math.round(Number(m[1]) * UNIT[m[2]!]!)) : t;
  });
}

export function sameRate(a: string, b: string): boolean {
  const x = rateTokens(a);
  const y = rateTokens(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}
