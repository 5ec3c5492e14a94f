import type { Selectable } from 'kysely';
import type { DesiredObject } from '../router-sync/desired-object';
import type { HotspotPlansTable, VouchersTable } from '../db/tenant-schema';
import { voucherExpirySweepScript, voucherOnLoginScript } from './voucher-scripts';

export type PlanRow = Selectable<HotspotPlansTable>;
export type VoucherRow = Selectable<VouchersTable>;

/** Seconds as RouterOS prints a duration (`1w2d3h4m5s`), so read-back compares equal text. */
export function rosDuration(totalSec: number): string {
  let rest = Math.max(0, Math.floor(totalSec));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of [['w', 604_800], ['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** What the plan's profile runs at login (validity stamp, MAC lock), null when nothing. */
export function planOnLogin(p: PlanRow): string | null {
  return voucherOnLoginScript({ validitySec: p.limitKind === 'validity' ? p.limitSec : null, macLock: p.macLock === 1 });
}

/**
 * The plan's user profile (`/ip/hotspot/user/profile`, integrations.md §6.2), found by name. Session timeout
 * is only written when the plan sets one; `on-login` only when the plan needs one (voucher-scripts.ts), or
 * emptied when an edit took the need away (`hadOnLogin`): a profile taken over from the router keeps its own.
 */
export function planProfileObject(p: PlanRow, present: boolean, before: PlanRow | null = null): DesiredObject {
  const props: Record<string, string> = {
    name: p.profileName,
    'rate-limit': `${p.rateRxKbps}k/${p.rateTxKbps}k`,
    'shared-users': String(p.sharedUsers),
    'idle-timeout': p.idleTimeoutSec === null ? 'none' : rosDuration(p.idleTimeoutSec),
  };
  if (p.sessionTimeoutSec !== null) props['session-timeout'] = rosDuration(p.sessionTimeoutSec);
  // Written only when set, or as `none` when an edit clears it (a profile the app never gave a pool is left alone).
  if (p.addressPool !== null) props['address-pool'] = p.addressPool;
  else if (before?.addressPool) props['address-pool'] = 'none';
  const onLogin = planOnLogin(p);
  if (onLogin !== null) props['on-login'] = onLogin;
  else if (before && planOnLogin(before) !== null) props['on-login'] = '';
  return { routerId: p.routerId, menu: '/ip/hotspot/user/profile', tag: `name=${p.profileName}`, owner: { type: 'hotspot-plan', id: p.id }, props: present ? props : null };
}

/** Scheduler name of a plan's expiry sweep: by plan id, so a renamed profile keeps one entry. */
export const expirySweepName = (planId: string): string => `ispdesk-hs-expiry-${planId}`;

/**
 * The per-plan expiry sweep (`/system/scheduler`, every minute from boot: Scheduler manual, `start-time=startup`),
 * present only while the plan counts calendar validity.
 */
export function planSweepObject(p: PlanRow, present: boolean): DesiredObject {
  const name = expirySweepName(p.id);
  const props = present && p.limitKind === 'validity'
    ? {
      name, 'start-time': 'startup', interval: '1m', 'on-event': voucherExpirySweepScript(p.profileName), policy: 'read,write', disabled: 'no',
      comment: `ispdesk:hotspot-expiry;plan=${p.id}`,
    }
    : null;
  return { routerId: p.routerId, menu: '/system/scheduler', tag: `name=${name}`, owner: { type: 'hotspot-plan', id: p.id }, props };
}

/**
 * One voucher as a hotspot user (`/ip/hotspot/user/add name= password= profile= limit-uptime=
 * limit-bytes-total= comment=`, integrations.md §6.2). Found by its name: the code is unique on the router,
 * so a batch resumed after a crash or an outage finds the users it already added instead of adding twice.
 */
export function voucherUserObject(v: Pick<VoucherRow, 'id' | 'routerId' | 'code' | 'password' | 'status'>, p: PlanRow, comment: string): DesiredObject {
  const props: Record<string, string> = { name: v.code, password: v.password, profile: p.profileName, server: p.server, comment };
  if (p.limitKind === 'uptime' && p.limitSec !== null) props['limit-uptime'] = rosDuration(p.limitSec);
  if (p.limitBytesTotal !== null) props['limit-bytes-total'] = String(p.limitBytesTotal);
  return { routerId: v.routerId, menu: '/ip/hotspot/user', tag: `name=${v.code}`, owner: { type: 'voucher', id: v.id }, props: v.status === 'revoked' ? null : props };
}

/**
 * Mikhmon's batch comment `<mode>-<batch>-<mm.dd.yy>-<note>` (integrations.md §6.3: `vc` = code is the
 * password, `up` = separate password), with the batch's serial in place of Mikhmon's random number.
 */
export function batchComment(mode: 'same' | 'pin', serial: number, createdAt: Date, note: string): string {
  const mm = String(createdAt.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(createdAt.getUTCDate()).padStart(2, '0');
  const yy = String(createdAt.getUTCFullYear() % 100).padStart(2, '0');
  return `${mode === 'same' ? 'vc' : 'up'}-${String(serial).padStart(3, '0')}-${mm}.${dd}.${yy}-${note.replace(/ /g, '_')}`;
}
