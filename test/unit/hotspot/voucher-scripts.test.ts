/** Script text of a plan (its run on v6/v7 date clocks: test/integration/hotspot/voucher-scripts-router.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseRouterScript } from '../../../src-main/routeros-simulator/script-lang';
import { voucherExpirySweepScript, voucherOnLoginScript } from '../../../src-main/core/hotspot/voucher-scripts';

describe('hotspot plan scripts', () => {
  it('needs no on-login when the plan has neither validity nor MAC lock', () => {
    expect(voucherOnLoginScript({ validitySec: null, macLock: false })).toBeNull();
  });

  it('MAC lock sets the user\'s mac-address to the device\'s, the Mikhmon way, and stamps nothing', () => {
    const s = voucherOnLoginScript({ validitySec: null, macLock: true })!;
    expect(s).toContain('/ip hotspot user set $i mac-address=$"mac-address"');
    expect(s).not.toContain(';exp=');
    expect(() => parseRouterScript(s)).not.toThrow();
  });

  it('validity stamps first login + validity once, reading either date form, only on a trusted clock', () => {
    const s = voucherOnLoginScript({ validitySec: 86_400, macLock: false })!;
    // v7.10+ ISO date and the older `dec/03/2026` are told apart at run time.
    expect(s).toContain(':if ([:pick $d 4 5] = "-") do={');
    expect(s).toContain(':local months {"jan";"feb";"mar";"apr";"may";"jun";"jul";"aug";"sep";"oct";"nov";"dec"}');
    expect(s).toContain(':if ([:typeof [:find $c ";exp="]] != "num") do={');
    expect(s).toContain(':if ($yy >= 2024) do={');
    expect(s).toContain('comment=($c . ";exp=" . ($clockNow + 86400))');
    expect(() => parseRouterScript(s)).not.toThrow();
  });

  it('the sweep quotes the profile name and disables (not removes) expired users, ending their sessions', () => {
    const s = voucherExpirySweepScript('day "1" $x');
    expect(s).toContain('find where profile="day \\"1\\" \\$x" comment~";exp=" !disabled]');
    expect(s).toContain('/ip hotspot user set $i disabled=yes');
    expect(s).toContain('/ip hotspot active remove [find where user=$n]');
    expect(s).not.toContain('/ip hotspot user remove');
    expect(() => parseRouterScript(s)).not.toThrow();
  });
});
