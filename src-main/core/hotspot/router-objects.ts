import type { Selectable } from 'kysely';
import type { DesiredObject } from '../router-sync/desired-object';
import type { HotspotPlansTable, VouchersTable } from '../db/tenant-schema';

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

/**
 * The plan's user profile (`/ip/hotspot/user/profile`, integrations.md §6.2), found by name. Session timeout
 * is only written when the plan sets one. Calendar validity from first login needs an on-login script and
 * a sweeper on the router; neither is written yet, so such plans carry no router-side expiry.
 */
export function planProfileObject(p: PlanRow, present: boolean): DesiredObject {
  const props: Record<string, string> = {
    name: p.profileName,
    'rate-limit': `${p.rateRxKbps}k/${p.rateTxKbps}k`,
    'shared-users': String(p.sharedUsers),
    'idle-timeout': p.idleTimeoutSec === null ? 'none' : rosDuration(p.idleTimeoutSec),
  };
  if (p.sessionTimeoutSec !== null) props['session-timeout'] = rosDuration(p.sessionTimeoutSec);
  return { routerId: p.routerId, menu: '/ip/hotspot/user/profile', tag: `name=${p.profileName}`, owner: { type: 'hotspot-plan', id: p.id }, props: present ? props : null };
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
