/**
 * The comment the app writes on each subscriber's router object (PPPoE secret, static address-list
 * entry). It is the router's copy of what enforcement needs while no desktop runs: the router-side
 * sweeper script parses it every minute (README "Expiry enforcement").
 *
 *   ispdesk:v1;sid=<subscriber id>;exp=<UTC epoch seconds>;plan=<ppp profile or list>[;cut=<UTC epoch seconds>]
 *
 * `exp` is UTC: the router script subtracts its own gmt-offset, so a time-zone change on the router
 * needs no rewrite. `cut=` is stamped by the router when it cut the subscriber; only the app clears it.
 */
export interface EnforcementTag {
  subscriberId: string;
  expiresAtSec: number;
  plan: string;
  cutAtSec: number | null;
}

export const ENFORCEMENT_TAG_PREFIX = 'ispdesk:v1;';

/** The stable start of the comment: how the worker and reconcile find the object. */
export function subscriberTagPrefix(subscriberId: string): string {
  return `${ENFORCEMENT_TAG_PREFIX}sid=${subscriberId};`;
}

export function encodeEnforcementTag(t: EnforcementTag): string {
  const base = `${subscriberTagPrefix(t.subscriberId)}exp=${t.expiresAtSec};plan=${t.plan}`;
  return t.cutAtSec === null ? base : `${base};cut=${t.cutAtSec}`;
}

/** Null for comments that are not ours or are malformed (edited by hand in Winbox). */
export function parseEnforcementTag(comment: string): EnforcementTag | null {
  if (!comment.startsWith(ENFORCEMENT_TAG_PREFIX)) return null;
  const fields = new Map<string, string>();
  for (const part of comment.slice(ENFORCEMENT_TAG_PREFIX.length).split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const sid = fields.get('sid');
  const exp = fields.get('exp');
  const plan = fields.get('plan');
  if (!sid || !exp || !/^\d+$/.test(exp) || plan === undefined) return null;
  const cut = fields.get('cut');
  if (cut !== undefined && !/^\d+$/.test(cut)) return null;
  return { subscriberId: sid, expiresAtSec: Number(exp), plan, cutAtSec: cut === undefined ? null : Number(cut) };
}

/** The comment without the router's `cut=` stamp: what reconcile compares with desired state. */
export function withoutCutStamp(comment: string): string {
  return comment.replace(/;cut=\d+$/, '');
}
