import { describe, expect, it } from 'vitest';
import { batchComment, planProfileObject, rosDuration, voucherUserObject, type PlanRow } from '../../../src-main/core/hotspot/router-objects';

const plan: PlanRow = {
  id: 'p1', name: 'Day', routerId: 'r1', server: 'hotspot1', profileName: 'day', rateRxKbps: 1000, rateTxKbps: 3000, sharedUsers: 1,
  sessionTimeoutSec: null, idleTimeoutSec: null, limitKind: 'validity', limitSec: 86_400, limitBytesTotal: null, priceMinor: 5000,
  status: 'active', macLock: 0, dnsName: null, addressPool: null, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('hotspot router objects', () => {
  it("gives the profile the plan's address pool, and `none` once an edit clears it; a plan that never had one leaves it alone", () => {
    const pooled = { ...plan, addressPool: 'hs-pool' };
    expect(planProfileObject(pooled, true).props?.['address-pool']).toBe('hs-pool');
    expect(planProfileObject(plan, true, pooled).props?.['address-pool']).toBe('none');
    expect(planProfileObject(plan, true, plan).props).not.toHaveProperty('address-pool');
  });

  it('writes durations the way RouterOS prints them', () => {
    expect(rosDuration(0)).toBe('0s');
    expect(rosDuration(3600)).toBe('1h');
    expect(rosDuration(5400)).toBe('1h30m');
    expect(rosDuration(8 * 86_400 + 61)).toBe('1w1d1m1s');
  });

  it('names the batch the Mikhmon way: mode, batch number, mm.dd.yy, note', () => {
    expect(batchComment('same', 7, new Date('2026-03-09T10:00:00Z'), 'front desk')).toBe('vc-007-03.09.26-front_desk');
    expect(batchComment('pin', 1234, new Date('2026-12-31T23:59:00Z'), '')).toBe('up-1234-12.31.26-');
  });

  it('gives a validity plan no limit-uptime (its profile on-login stamps the expiry) and omits unset timeouts', () => {
    const user = voucherUserObject({ id: 'v1', routerId: 'r1', code: 'ab3', password: 'ab3', status: 'unused' }, plan, 'vc-001-12.01.26-');
    expect(user).toMatchObject({ menu: '/ip/hotspot/user', tag: 'name=ab3', owner: { type: 'voucher', id: 'v1' } });
    expect(user.props).toEqual({ name: 'ab3', password: 'ab3', profile: 'day', server: 'hotspot1', comment: 'vc-001-12.01.26-' });
    const profile = planProfileObject(plan, true).props;
    expect(profile).toMatchObject({ name: 'day', 'rate-limit': '1000k/3000k', 'shared-users': '1', 'idle-timeout': 'none' });
    expect(Object.keys(profile ?? {}).sort()).toEqual(['idle-timeout', 'name', 'on-login', 'rate-limit', 'shared-users']);
    expect(profile?.['on-login']).toContain('+ 86400)');
  });

  it('asks for a revoked voucher and a dropped profile to be removed', () => {
    expect(voucherUserObject({ id: 'v1', routerId: 'r1', code: 'ab3', password: 'ab3', status: 'revoked' }, plan, '').props).toBeNull();
    expect(planProfileObject(plan, false).props).toBeNull();
  });
});
