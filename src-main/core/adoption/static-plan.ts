import { ENFORCEMENT_TAG_PREFIX } from '@shared/domain/enforcement-tag';
import type { StaticAdoptionSkip } from '@shared/contract/adoption';
import { inPool, intToIp, ipToInt } from '../subscribers/address-pool';
import { expiryFromComment } from './comment-date';
import { phonesFromComment } from './plan';
import type { RouterLease, RouterQueue, RouterSnapshot } from './read-router';
import { rateKbps } from './rate-limit';

/** A static package of the tenant as adoption sees it (reused when it has the queue's rate on this router). */
export interface ExistingStaticPackage {
  id: string;
  name: string;
  rxKbps: number;
  txKbps: number;
  hasBurst: boolean;
  /** Pool per router offering it. */
  pools: ReadonlyMap<string, string | null>;
}

export interface StaticPackagePlan {
  /** `<rxKbps>/<txKbps>`. */
  key: string;
  packageId: string | null;
  packageName: string;
  rate: { rxKbps: number; txKbps: number };
  /** The pool on this router: the existing package's, or the one a new package gets. Null when none fits. */
  cidr: string | null;
  customers: number;
  willCreate: boolean;
}

export interface StaticRowPlan {
  queue: RouterQueue | null;
  lease: RouterLease | null;
  address: string;
  macAddress: string | null;
  fullName: string;
  phones: string[];
  notes: string;
  rate: { rxKbps: number; txKbps: number } | null;
  /** The package key (`rx/tx`) when adopted. */
  packageKey: string | null;
  expiresAt: Date | null;
  skip: StaticAdoptionSkip | null;
}

export interface StaticPlan {
  packages: StaticPackagePlan[];
  rows: StaticRowPlan[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The one address a queue target names (`10.0.0.5`, `10.0.0.5/32`), else null (subnets, lists, interfaces). */
export function singleAddress(target: string): string | null {
  const t = target.trim();
  if (t.includes(',')) return null;
  const [ip, bits] = t.split('/');
  if (bits !== undefined && bits !== '32') return null;
  const m = IPV4.exec(ip ?? '');
  return m && m.slice(1).every((o) => Number(o) <= 255) ? ip! : null;
}

/** A queue's max-limit `rx/tx` in kbps (a bare number limits both ways); null for 0 (unlimited) or unreadable. */
export function queueRate(maxLimit: string): { rxKbps: number; txKbps: number } | null {
  const [rx, tx] = maxLimit.trim().split('/');
  const r = rateKbps(rx ?? '');
  const t = tx === undefined ? r : rateKbps(tx);
  return r === null || t === null ? null : { rxKbps: r, txKbps: t };
}

/** `10M/5M` style text for a package name (whole megabits shown as M). */
export function rateText(rate: { rxKbps: number; txKbps: number }): string {
  const one = (k: number): string => (k % 1000 === 0 ? `${k / 1000}M` : `${k}k`);
  return `${one(rate.rxKbps)}/${one(rate.txKbps)}`;
}

/**
 * The pool a new static package gets on this router so that every adopted address is a usable address
 * of it (address-pool.ts: network, first address and broadcast are never handed out below /31): the /24
 * around them when that holds them all, else the smallest wider network down to /16 (the contract's
 * widest pool), else the narrowest network from /25 to /32 that does. Null when none holds them all.
 */
export function coveringPool(addresses: readonly string[]): string | null {
  if (addresses.length === 0) return null;
  const ints = addresses.map(ipToInt);
  for (const bits of [24, 23, 22, 21, 20, 19, 18, 17, 16, 25, 26, 27, 28, 29, 30, 31, 32]) {
    const size = 2 ** (32 - bits);
    const cidr = `${intToIp(Math.floor(ints[0]! / size) * size)}/${bits}`;
    if (addresses.every((a) => inPool(cidr, a))) return cidr;
  }
  return null;
}

/**
 * A customer's name from the words a comment starts with: "Karanja Hardware (static IP) 0712…" → "Karanja
 * Hardware". A queue name or host name counts only when it is all words ("biz-0" is not a name).
 */
function nameIn(text: string, whole: boolean): string | null {
  const first = (text.split(/\s+-\s+|[,;|]/)[0] ?? '').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const lead = whole ? first : (/^[\p{L}][\p{L}' .]*/u.exec(first)?.[0] ?? '').trim();
  return lead.length >= 2 && lead.length <= 119 && /^[\p{L}][\p{L}' .]*$/u.test(lead) && (!whole || lead === first) ? lead : null;
}

function fullNameOf(queue: RouterQueue | null, lease: RouterLease | null, address: string): string {
  return nameIn(queue?.comment ?? '', false) ?? nameIn(lease?.comment ?? '', false) ?? nameIn(queue?.name ?? '', true)
    ?? nameIn(lease?.hostName ?? '', true) ?? queue?.name ?? (lease?.hostName || address);
}

const ours = (comment: string | undefined): boolean => (comment ?? '').startsWith(ENFORCEMENT_TAG_PREFIX);

/**
 * Static customers: each simple queue whose target is one address (with the static lease for that address,
 * if any, for the MAC) becomes a static subscriber on a package of the queue's max-limit. Pure: the caller
 * read the router and the tenant. A lease without a queue is listed as skipped (it has no rate to map).
 */
export function planStaticAdoption(
  snap: Pick<RouterSnapshot, 'queues' | 'leases'>,
  ctx: { routerId: string; routerName: string; takenAddresses: ReadonlySet<string>; packages: readonly ExistingStaticPackage[]; packageNames: ReadonlySet<string>; now: Date; timeZone: string },
): StaticPlan {
  const leaseAt = new Map<string, RouterLease>();
  for (const l of snap.leases) if (!leaseAt.has(l.address)) leaseAt.set(l.address, l);
  const queuesAt = new Map<string, number>();
  for (const q of snap.queues) {
    const a = singleAddress(q.target);
    if (a) queuesAt.set(a, (queuesAt.get(a) ?? 0) + 1);
  }

  const rows: StaticRowPlan[] = [];
  const used = new Set<string>();
  for (const queue of snap.queues) {
    const address = singleAddress(queue.target);
    const lease = address ? leaseAt.get(address) ?? null : null;
    if (address) used.add(address);
    const rate = queueRate(queue.maxLimit);
    const text = [queue.comment, lease?.comment ?? ''].filter((c) => c !== '').join(' | ');
    let skip: StaticAdoptionSkip | null = null;
    if (ours(queue.comment)) skip = 'ours';
    else if (!address) skip = 'target-not-single-address';
    else if (!rate) skip = 'no-rate';
    else if ((queuesAt.get(address) ?? 0) > 1) skip = 'duplicate-on-router';
    else if (ctx.takenAddresses.has(address)) skip = 'address-taken';
    rows.push({
      queue, lease, address: address ?? queue.target, macAddress: lease?.macAddress || null,
      fullName: fullNameOf(queue, lease, address ?? queue.target), phones: phonesFromComment(text), notes: text,
      rate, packageKey: rate ? `${rate.rxKbps}/${rate.txKbps}` : null,
      expiresAt: expiryFromComment(text, ctx.now, ctx.timeZone), skip,
    });
  }
  for (const lease of snap.leases) {
    if (used.has(lease.address)) continue;
    rows.push({
      queue: null, lease, address: lease.address, macAddress: lease.macAddress || null, fullName: fullNameOf(null, lease, lease.address),
      phones: phonesFromComment(lease.comment), notes: lease.comment, rate: null, packageKey: null, expiresAt: null,
      skip: ours(lease.comment) ? 'ours' : 'lease-without-queue',
    });
  }

  // One package per rate: an existing static package with that rate (and no burst) on this router is
  // reused; otherwise a new "Static <rx>/<tx>" whose pool covers the addresses adopted into it.
  const groups = new Map<string, StaticRowPlan[]>();
  for (const r of rows) if (r.skip === null) groups.set(r.packageKey!, [...(groups.get(r.packageKey!) ?? []), r]);
  const names = new Set([...ctx.packageNames].map((n) => n.toLowerCase()));
  const packages: StaticPackagePlan[] = [];
  for (const [key, members] of groups) {
    const rate = members[0]!.rate!;
    const existing = ctx.packages.find((p) => p.rxKbps === rate.rxKbps && p.txKbps === rate.txKbps && !p.hasBurst && p.pools.has(ctx.routerId));
    let cidr: string | null;
    let packageName: string;
    if (existing) {
      cidr = existing.pools.get(ctx.routerId) ?? null;
      packageName = existing.name;
      for (const r of members) if (cidr === null || !inPool(cidr, r.address)) r.skip = 'outside-pool';
    } else {
      cidr = coveringPool(members.map((r) => r.address));
      if (cidr === null) for (const r of members) r.skip = 'outside-pool';
      packageName = `Static ${rateText(rate)}`;
      if (names.has(packageName.toLowerCase())) packageName = `${packageName} (${ctx.routerName})`.slice(0, 60);
      names.add(packageName.toLowerCase());
    }
    const customers = members.filter((r) => r.skip === null).length;
    packages.push({ key, packageId: existing?.id ?? null, packageName, rate, cidr, customers, willCreate: !existing && customers > 0 });
  }
  return { packages, rows };
}
