import { parseAmount } from '@shared/domain/money';
import { rosBool, rosDurationSeconds, rosRateBits } from '@shared/domain/routeros-values';
import { codeKey } from '@shared/domain/voucher-code';
import type { HotspotAdoptionSkip } from '@shared/contract/hotspot-adoption';
import type { VoucherLimit } from '@shared/contract/hotspot';
import type { RosRow } from '../routeros/client';
import { sameDesiredValue } from '../router-sync/router-match';
import { planProfileObject, voucherUserObject, type PlanRow } from './router-objects';

/** What adoption reads of one router's hotspot (`/ip/hotspot/user/profile` and `/ip/hotspot/user`, one print each). */
export interface HotspotSnapshot {
  profiles: RosRow[];
  users: RosRow[];
}

/** What the app already has for this router. */
export interface HotspotTenantView {
  routerId: string;
  routerName: string;
  currency: string;
  plans: readonly PlanRow[];
  /** Plan names of the tenant, any router (names are unique without case). */
  planNames: ReadonlySet<string>;
  /** Code keys of the vouchers on this router. */
  codeKeys: ReadonlySet<string>;
  /** Adopted batches of this router by `<planId>\u0000<comment>`. */
  adoptedBatches: ReadonlyMap<string, string>;
  now: Date;
}

export interface ProfilePlan {
  profile: string;
  /** The plan as it is (existing) or as it will be created (`id` empty until then). */
  plan: PlanRow;
  existing: boolean;
  /** Profile props the plan would write differently from the router: the profile is then not adopted. */
  differs: string[];
  vouchers: number;
  /**
   * The profile's on-login on the router (Mikhmon's metadata and expiry script), recorded as desired so the
   * adopted plan reads back equal; the app's own on-login replaces it only when staff edit the plan.
   */
  routerOnLogin: string | null;
}

export interface AdoptedUser {
  code: string;
  password: string;
  /** The comment the router has: recorded as the user's desired comment, so nothing differs. */
  comment: string;
}

export interface BatchPlan {
  profile: string;
  comment: string;
  note: string;
  mode: 'same' | 'pin';
  batchId: string | null;
  users: AdoptedUser[];
}

export interface SkippedUser {
  name: string;
  reason: HotspotAdoptionSkip;
}

export interface HotspotAdoptionPlan {
  plans: ProfilePlan[];
  batches: BatchPlan[];
  skipped: SkippedUser[];
  existingVouchers: number;
  users: number;
}

const t = (row: RosRow, key: string): string => row[key] ?? '';

/** A voucher as voucherUserObject needs it, for comparing rendered props only. */
const stub = { id: '', routerId: '', code: '', password: '', status: 'unused' as const };

/**
 * Mikhmon's batch comment `<vc|up>-<number>-<mm.dd.yy>-<note>` (laksa19/mikhmonv3 `hotspot/generateuser.php`,
 * integrations.md §6.3): `vc` = the code is the password, `up` = separate password.
 */
const MIKHMON_BATCH = /^(vc|up)-(\d+)-(\d{2}\.\d{2}\.\d{2})-(.*)$/s;

export function mikhmonBatch(comment: string): { mode: 'same' | 'pin'; note: string } | null {
  const m = MIKHMON_BATCH.exec(comment);
  return m ? { mode: m[1] === 'vc' ? 'same' : 'pin', note: m[4]! } : null;
}

/**
 * Mikhmon's profile metadata: the on-login script starts with `:put (",<expmode>,<price>,<validity>,<selling
 * price>,,<lock>,")` (mikhmonv3 `hotspot/adduserprofile.php`, integrations.md §6.3). The selling price is
 * what a voucher sells for; the price when it is 0 or absent.
 */
export function mikhmonProfileMeta(onLogin: string, currency: string): { priceMinor: number; validitySec: number | null } | null {
  const m = /:put\s*\("([^"]*)"\)/.exec(onLogin);
  if (!m) return null;
  const f = m[1]!.split(',');
  const money = (s: string | undefined) => {
    const v = parseAmount(s ?? '', currency);
    return v !== null && v > 0 && v <= 1_000_000_000 ? v : 0;
  };
  const validity = rosDurationSeconds(f[3]);
  return { priceMinor: money(f[4]) || money(f[2]), validitySec: validity !== null && validity > 0 ? validity : null };
}

const inRange = (n: number | null, min: number, max: number): n is number => n !== null && Number.isInteger(n) && n >= min && n <= max;

/** The one value every user has for `prop` (all must have it), else null. */
function shared(users: readonly RosRow[], prop: string): string | null {
  if (users.length === 0) return null;
  const first = t(users[0]!, prop);
  return first !== '' && users.every((u) => t(u, prop) === first) ? first : null;
}

function mostCommon(values: readonly string[]): string {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'all';
}

/** Props of `desired` the router row shows differently (compared as the outbox worker compares them). */
function differing(desired: Record<string, string>, row: RosRow, now: Date): string[] {
  return Object.entries(desired).filter(([k, v]) => !sameDesiredValue(k, row[k], v, now)).map(([k]) => k);
}

function planName(profile: string, view: HotspotTenantView, taken: Set<string>): string {
  const base = profile.length >= 2 ? profile.slice(0, 60) : `Hotspot ${profile}`;
  const candidates = [base, `${profile} (${view.routerName})`.slice(0, 60)];
  for (let i = 2; ; i += 1) {
    const c = candidates.shift() ?? `${base.slice(0, 55)} ${i}`;
    if (!taken.has(c.toLowerCase())) {
      taken.add(c.toLowerCase());
      return c;
    }
  }
}

/**
 * A plan for a profile the app does not have yet, exactly as the router has it: rate (rx/tx, no burst),
 * shared users, idle and session timeouts. Its vouchers' limit is the limit-uptime every user of the profile
 * carries (Mikhmon writes it per user); else Mikhmon's validity; else none. The data limit likewise.
 */
function candidatePlan(row: RosRow, users: readonly RosRow[], view: HotspotTenantView, taken: Set<string>): { plan: PlanRow; differs: string[] } {
  const name = t(row, 'name');
  const meta = mikhmonProfileMeta(t(row, 'on-login'), view.currency);
  const [rx, tx] = t(row, 'rate-limit').split('/');
  const rxBits = rosRateBits(rx ?? '');
  const txBits = tx === undefined ? rxBits : rosRateBits(tx);
  const kbps = (b: number | null) => (b !== null && b % 1000 === 0 && b >= 1000 && b <= 100_000_000_000 ? b / 1000 : 0);
  const idle = t(row, 'idle-timeout');
  const session = rosDurationSeconds(t(row, 'session-timeout'));
  const uptimeText = shared(users, 'limit-uptime');
  const uptime = rosDurationSeconds(uptimeText ?? undefined);
  const bytes = Number(shared(users, 'limit-bytes-total') ?? NaN);
  let limit: VoucherLimit = { kind: 'none' };
  if (inRange(uptime, 60, 366 * 86_400)) limit = { kind: 'uptime', seconds: uptime };
  else if (inRange(meta?.validitySec ?? null, 60, 366 * 86_400)) limit = { kind: 'validity', seconds: meta!.validitySec! };
  const at = view.now.toISOString();
  const plan: PlanRow = {
    id: '', name: planName(name, view, taken), routerId: view.routerId, server: mostCommon(users.map((u) => t(u, 'server') || 'all')), profileName: name,
    rateRxKbps: kbps(rxBits), rateTxKbps: kbps(txBits), sharedUsers: Number(t(row, 'shared-users') || '1'),
    sessionTimeoutSec: session !== null && session > 0 ? session : null,
    idleTimeoutSec: idle === '' || idle === 'none' ? null : rosDurationSeconds(idle), macLock: 0, dnsName: null,
    addressPool: t(row, 'address-pool') && t(row, 'address-pool') !== 'none' ? t(row, 'address-pool') : null,
    limitKind: limit.kind, limitSec: limit.kind === 'none' ? null : limit.seconds,
    limitBytesTotal: inRange(bytes, 1_048_576, 10 * 1024 ** 4) ? bytes : null,
    priceMinor: meta?.priceMinor ?? 0, status: 'active', createdAt: at, updatedAt: at,
  };
  // What the contract would refuse for a plan typed in is not adopted either; the rest must read back equal.
  // Mikhmon's on-login is kept as it is (createAdoptedPlan), so it is not a difference.
  const differs = differing(planProfileObject(plan, true).props!, row, view.now).filter((k) => k !== 'on-login');
  if (plan.rateRxKbps === 0 || plan.rateTxKbps === 0) differs.push('rate-limit');
  if (!inRange(plan.sharedUsers, 1, 100)) differs.push('shared-users');
  if (plan.idleTimeoutSec !== null && !inRange(plan.idleTimeoutSec, 60, 86_400)) differs.push('idle-timeout');
  if (plan.sessionTimeoutSec !== null && !inRange(plan.sessionTimeoutSec, 60, 366 * 86_400)) differs.push('session-timeout');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) differs.push('name');
  // A uptime limit is only kept when the app's text for it is the router's (so the users read back equal).
  if (limit.kind === 'uptime' && users.some((u) => differing({ 'limit-uptime': voucherUserObject(stub, plan, '').props!['limit-uptime']! }, u, view.now).length > 0)) {
    plan.limitKind = meta?.validitySec && inRange(meta.validitySec, 60, 366 * 86_400) ? 'validity' : 'none';
    plan.limitSec = plan.limitKind === 'validity' ? meta!.validitySec : null;
  }
  return { plan, differs: [...new Set(differs)] };
}

/**
 * Plans the adoption of a router's hotspot. Pure: the caller read the router and the tenant.
 * Users left out: the built-in `default-trial` (trial counters) and dynamic users; users of the built-in
 * `default` profile (the hotspot setup's admin login, hand-made logins: not vouchers, and the default
 * profile cannot become a plan — RouterOS never removes it); disabled users; names held twice; users whose
 * password cannot be read; and users a plan could not manage without changing them.
 */
export function planHotspotAdoption(snap: HotspotSnapshot, view: HotspotTenantView): HotspotAdoptionPlan {
  const skipped: SkippedUser[] = [];
  const skip = (u: RosRow, reason: HotspotAdoptionSkip) => skipped.push({ name: t(u, 'name'), reason });
  const defaultProfiles = new Set(snap.profiles.filter((p) => rosBool(p.default)).map((p) => t(p, 'name')).concat('default'));
  const keyCount = new Map<string, number>();
  for (const u of snap.users) keyCount.set(codeKey(t(u, 'name')), (keyCount.get(codeKey(t(u, 'name'))) ?? 0) + 1);

  const byProfile = new Map<string, RosRow[]>();
  for (const u of snap.users) {
    if (rosBool(u.default) || rosBool(u.dynamic)) skip(u, 'router-builtin');
    else if (defaultProfiles.has(t(u, 'profile') || 'default')) skip(u, 'default-profile');
    else if (rosBool(u.disabled)) skip(u, 'disabled');
    else if (u.password === undefined) skip(u, 'password-unreadable');
    else if ((keyCount.get(codeKey(t(u, 'name'))) ?? 0) > 1 || t(u, 'name') === '') skip(u, 'duplicate-on-router');
    else {
      const list = byProfile.get(t(u, 'profile'));
      if (list) list.push(u);
      else byProfile.set(t(u, 'profile'), [u]);
    }
  }

  const taken = new Set([...view.planNames].map((n) => n.toLowerCase()));
  const plans: ProfilePlan[] = [];
  const batches = new Map<string, BatchPlan>();
  let existingVouchers = 0;
  const profileRows = new Map(snap.profiles.map((p) => [t(p, 'name'), p]));
  const names = [...new Set([...snap.profiles.map((p) => t(p, 'name')), ...byProfile.keys()])].filter((n) => !defaultProfiles.has(n));
  for (const profile of names) {
    const users = byProfile.get(profile) ?? [];
    const row = profileRows.get(profile);
    const current = view.plans.find((p) => p.profileName === profile);
    if (!row && !current) {
      for (const u of users) skip(u, 'profile-unsupported');
      continue;
    }
    const fresh = users.filter((u) => !view.codeKeys.has(codeKey(t(u, 'name'))));
    existingVouchers += users.length - fresh.length;
    const { plan, differs } = current ? { plan: current, differs: [] } : candidatePlan(row!, fresh, view, taken);
    const entry: ProfilePlan = { profile, plan, existing: current !== undefined, differs, vouchers: 0, routerOnLogin: row ? t(row, 'on-login') || null : null };
    plans.push(entry);
    if (differs.length > 0) {
      for (const u of fresh) skip(u, 'profile-unsupported');
      continue;
    }
    for (const u of fresh) {
      const user: AdoptedUser = { code: t(u, 'name'), password: u.password!, comment: t(u, 'comment') };
      const desired = voucherUserObject({ ...stub, code: user.code, password: user.password }, plan, user.comment).props!;
      const off = differing(desired, u, view.now);
      if (off.length > 0) {
        skip(u, off.includes('server') ? 'other-server' : 'differs-from-plan');
        continue;
      }
      const mk = mikhmonBatch(user.comment);
      const comment = mk ? user.comment : '';
      const key = `${profile}\u0000${comment}`;
      let batch = batches.get(key);
      if (!batch) {
        batch = {
          profile, comment, note: mk ? mk.note : 'adopted', mode: mk?.mode ?? 'same',
          batchId: current ? view.adoptedBatches.get(`${current.id}\u0000${comment}`) ?? null : null, users: [],
        };
        batches.set(key, batch);
      }
      batch.users.push(user);
      entry.vouchers += 1;
    }
  }
  // The "adopted" batch of users without a Mikhmon comment is in `pin` mode when any password is not the code.
  for (const b of batches.values()) if (b.comment === '' && b.users.some((u) => u.password !== u.code)) b.mode = 'pin';
  return { plans, batches: [...batches.values()], skipped, existingVouchers, users: snap.users.length };
}
