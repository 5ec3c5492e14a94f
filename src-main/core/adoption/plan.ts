import { ENFORCEMENT_TAG_PREFIX } from '@shared/domain/enforcement-tag';
import { normalisePhone } from '@shared/domain/phone';
import type { AdoptionSkip } from '@shared/contract/adoption';
import { expiryFromComment } from './comment-date';
import { parseRateLimit, type ParsedRateLimit } from './rate-limit';
import type { RouterProfile, RouterSecret, RouterSnapshot } from './read-router';

/** A package of the tenant as adoption sees it (to map a profile onto it instead of creating another). */
export interface ExistingPackage {
  id: string;
  name: string;
  serviceType: 'pppoe' | 'static';
  pppProfileName: string | null;
  routerIds: readonly string[];
}

export interface PackagePlan {
  profile: string;
  packageId: string | null;
  packageName: string;
  rateLimit: ParsedRateLimit | null;
  rateLimitText: string;
  secrets: number;
  willCreate: boolean;
  /** An existing package with this profile that does not list the router yet. */
  attachRouter: boolean;
}

export interface RowPlan {
  secret: RouterSecret;
  fullName: string;
  phones: string[];
  expiresAt: Date | null;
  skip: AdoptionSkip | null;
}

export interface AdoptionPlan {
  packages: PackagePlan[];
  rows: RowPlan[];
  staticQueues: number;
  staticLeases: number;
}

/** What our subscribers accept as a PPPoE user name (contract `pppUsername`). */
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;
const NAME_MAX = 60;

/**
 * Comments written by hand usually start with the customer's name ("Wanjiku Mary - Ruaka - 0712…"): the
 * first segment made of letters only becomes the name, else the user name stands in. The whole comment is
 * kept as the subscriber's notes either way.
 */
export function nameFromComment(comment: string, username: string): string {
  const first = comment.split(/\s+-\s+|[,;|]/)[0]?.trim() ?? '';
  return /^[\p{L}][\p{L}' .]{1,118}$/u.test(first) ? first : username;
}

/** Kenyan mobile numbers written in the comment (07…, 01…, +254…), normalised to E.164. */
export function phonesFromComment(comment: string): string[] {
  const found = comment.match(/(?:\+?254|0)[17]\d{8}\b/g) ?? [];
  return [...new Set(found.map((p) => normalisePhone(p)).filter((p): p is string => p !== null))].slice(0, 3);
}

function skipOf(s: RouterSecret, seen: Map<string, number>, takenUsernames: ReadonlySet<string>): AdoptionSkip | null {
  if (s.comment.startsWith(ENFORCEMENT_TAG_PREFIX)) return 'ours';
  if (s.service !== 'pppoe' && s.service !== 'any') return 'not-pppoe';
  if (!USERNAME.test(s.name)) return 'username-invalid';
  if (takenUsernames.has(s.name.toLowerCase())) return 'username-taken';
  if ((seen.get(s.name.toLowerCase()) ?? 0) > 1) return 'duplicate-on-router';
  if (s.password === '') return 'password-unreadable';
  return null;
}

/**
 * Proposes packages (one per PPP profile used by an adoptable secret, unless a package already maps that
 * profile) and subscribers (one per secret not skipped). Pure: the caller read the router and the tenant.
 */
export function planAdoption(
  snap: RouterSnapshot,
  ctx: { routerId: string; routerName: string; takenUsernames: ReadonlySet<string>; packages: readonly ExistingPackage[]; now: Date; timeZone: string },
): AdoptionPlan {
  const seen = new Map<string, number>();
  for (const s of snap.secrets) seen.set(s.name.toLowerCase(), (seen.get(s.name.toLowerCase()) ?? 0) + 1);
  const rows: RowPlan[] = snap.secrets.map((secret) => ({
    secret,
    fullName: nameFromComment(secret.comment, secret.name),
    phones: phonesFromComment(secret.comment),
    expiresAt: expiryFromComment(secret.comment, ctx.now, ctx.timeZone),
    skip: skipOf(secret, seen, ctx.takenUsernames),
  }));

  const used = new Map<string, number>();
  for (const r of rows) if (r.skip === null) used.set(r.secret.profile, (used.get(r.secret.profile) ?? 0) + 1);
  const profiles = new Map<string, RouterProfile>(snap.profiles.map((p) => [p.name, p]));
  // A secret may name a profile that is gone from /ppp/profile (RouterOS keeps the text): map it all the same.
  for (const name of used.keys()) if (!profiles.has(name)) profiles.set(name, { name, rateLimit: '', remoteAddress: '', isDefault: false });

  const takenNames = new Set(ctx.packages.map((p) => p.name.toLowerCase()));
  const packages: PackagePlan[] = [...profiles.values()].map((p) => {
    const mapped = ctx.packages.filter((e) => e.serviceType === 'pppoe' && e.pppProfileName === p.name);
    const existing = mapped.find((e) => e.routerIds.includes(ctx.routerId)) ?? mapped[0];
    const secrets = used.get(p.name) ?? 0;
    let packageName = existing?.name ?? p.name;
    if (!existing) {
      if (packageName.length < 2 || takenNames.has(packageName.toLowerCase())) packageName = `${p.name} (${ctx.routerName})`;
      packageName = packageName.slice(0, NAME_MAX);
      if (secrets > 0) takenNames.add(packageName.toLowerCase());
    }
    return {
      profile: p.name, packageId: existing?.id ?? null, packageName, rateLimit: parseRateLimit(p.rateLimit), rateLimitText: p.rateLimit,
      secrets, willCreate: !existing && secrets > 0, attachRouter: !!existing && secrets > 0 && !existing.routerIds.includes(ctx.routerId),
    };
  });
  return { packages, rows, staticQueues: snap.queues.length, staticLeases: snap.leases.length };
}
