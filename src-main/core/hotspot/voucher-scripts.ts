/**
 * Router-side scripts of a hotspot plan, so validity and MAC lock hold with the desktop off
 * (issue 11 §1, integrations.md §6.2–6.3, peers.md §1.2 Mikhmon):
 *
 * - the user profile's `on-login` runs at every login with `$user` and `$"mac-address"` (HotSpot manual,
 *   https://help.mikrotik.com/docs/display/ROS/Hotspot+-+Captive+portal, user profile `on-login`).
 *   MAC lock sets the user's `mac-address` to the device's (Mikhmon's "Lock User": the router refuses
 *   other MACs from then on). Calendar validity appends `;exp=<UTC epoch seconds>` to the user's comment
 *   at the first login (no stamp yet): first login + validity.
 * - a per-plan `/system/scheduler` entry runs the sweep every minute: users of the profile whose stamp has
 *   passed are disabled and their sessions removed. Disabled, not removed: desired state keeps the user,
 *   so a removed one would be put back by the next reconcile.
 *
 * Both read the clock with the same portable lines as `ispdesk-enforce` (date format detected at run time:
 * `dec/03/2026` up to 7.9, `2026-12-03` from 7.10; gmt-offset to UTC). A clock before 2024 (no battery,
 * no NTP yet: the router starts at 1970) is not trusted: nothing is stamped or swept until it is right,
 * and the next login stamps instead.
 */
import { EXPIRY_STAMP } from '@shared/domain/voucher-status';
import { ROUTER_CLOCK_NOW_LINES } from '../enforcement/enforce-script';
import { rosQuote } from '../routeros/script';

/** Earliest year the scripts believe the router clock. */
export const TRUSTED_YEAR = 2024;

export interface OnLoginOptions {
  /** Calendar validity from the first login, seconds; null = the plan has none. */
  validitySec: number | null;
  macLock: boolean;
}

const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => `${by}${l}`);

/** The profile's `on-login` source, or null when the plan needs none. */
export function voucherOnLoginScript(o: OnLoginOptions): string | null {
  if (o.validitySec === null && !o.macLock) return null;
  const body: string[] = [];
  if (o.macLock) body.push('/ip hotspot user set $i mac-address=$"mac-address"');
  if (o.validitySec !== null) {
    body.push(
      ':local c [/ip hotspot user get $i comment]',
      `:if ([:typeof [:find $c ${rosQuote(EXPIRY_STAMP)}]] != "num") do={`,
      ...indent(ROUTER_CLOCK_NOW_LINES, '  '),
      `  :if ($yy >= ${TRUSTED_YEAR}) do={`,
      `    /ip hotspot user set $i comment=($c . ${rosQuote(EXPIRY_STAMP)} . ($clockNow + ${Math.floor(o.validitySec)}))`,
      '  } else={ :log warning ("ispdesk: router clock not set, validity of " . $user . " starts at a later login") }',
      '}',
    );
  }
  return [
    `# ispdesk hotspot on-login:${o.macLock ? ' mac lock' : ''}${o.validitySec !== null ? ` validity ${o.validitySec}s from first login` : ''}`,
    ':foreach i in=[/ip hotspot user find where name=$user] do={',
    ...indent(body, '  '),
    '}',
  ].join('\n');
}

/** The per-plan sweep (scheduler `on-event`): disables the profile's users whose stamped expiry has passed. */
export function voucherExpirySweepScript(profileName: string): string {
  const stamp = rosQuote(EXPIRY_STAMP);
  return [
    `# ispdesk hotspot expiry sweep of profile ${profileName.replace(/[^\w.-]/g, '_')}`,
    ...ROUTER_CLOCK_NOW_LINES,
    `:if ($yy >= ${TRUSTED_YEAR}) do={`,
    `  :foreach i in=[/ip hotspot user find where profile=${rosQuote(profileName)} comment~${stamp} !disabled] do={`,
    '    :do {',
    '      :local c [/ip hotspot user get $i comment]',
    `      :local exp [:tonum [:pick $c ([:find $c ${stamp}] + ${EXPIRY_STAMP.length}) [:len $c]]]`,
    '      :if ($exp <= $clockNow) do={',
    '        :local n [/ip hotspot user get $i name]',
    '        /ip hotspot user set $i disabled=yes',
    '        /ip hotspot active remove [find where user=$n]',
    '        :log info ("ispdesk: voucher " . $n . " expired")',
    '      }',
    '    } on-error={ :log warning "ispdesk: skipped a hotspot user with an unreadable expiry" }',
    '  }',
    '}',
  ].join('\n');
}
