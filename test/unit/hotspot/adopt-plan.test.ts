import { describe, expect, it } from 'vitest';
import { mikhmonBatch, mikhmonProfileMeta, planHotspotAdoption, type HotspotTenantView } from '../../../src-main/core/hotspot/adopt-plan';
import type { RosRow } from '../../../src-main/core/routeros/client';

const NOW = new Date('2026-12-01T10:00:00Z');

function view(over: Partial<HotspotTenantView> = {}): HotspotTenantView {
  return {
    routerId: 'r1', routerName: 'Core', currency: 'KES', plans: [], planNames: new Set(), codeKeys: new Set(), adoptedBatches: new Map(), now: NOW, ...over,
  };
}

const profile = (name: string, over: RosRow = {}): RosRow => ({ name, 'rate-limit': '2M/2M', 'shared-users': '1', 'idle-timeout': 'none', ...over });
const withoutPassword = ({ password: _password, ...rest }: RosRow): RosRow => rest;
const user = (name: string, over: RosRow = {}): RosRow => ({ name, password: name, profile: 'P1', server: 'all', comment: 'vc-123-11.20.26-', 'limit-uptime': '1h', ...over });

describe('Mikhmon conventions', () => {
  it('reads the batch comment: vc = code is the password, up = separate password, the note kept', () => {
    expect(mikhmonBatch('vc-482-06.14.24-')).toEqual({ mode: 'same', note: '' });
    expect(mikhmonBatch('up-07-12.01.26-kiosk_b')).toEqual({ mode: 'pin', note: 'kiosk_b' });
    expect(mikhmonBatch('dec/02/2026 10:15:00')).toBeNull();
    expect(mikhmonBatch('vc-abc-06.14.24-')).toBeNull();
  });

  it("reads the profile's on-login metadata: selling price first, else price; validity as seconds", () => {
    expect(mikhmonProfileMeta(':put (",rem,5000,30d,6000,,Disable,"); {:local date}', 'KES')).toEqual({ priceMinor: 600_000, validitySec: 30 * 86_400 });
    expect(mikhmonProfileMeta(':put (",ntf,20,1h,0,,Enable,")', 'KES')).toEqual({ priceMinor: 2000, validitySec: 3600 });
    expect(mikhmonProfileMeta(':put (",0,abc,,,,Disable,")', 'KES')).toEqual({ priceMinor: 0, validitySec: null });
    expect(mikhmonProfileMeta(':log info "hello"', 'KES')).toBeNull();
  });
});

describe('planning a hotspot adoption', () => {
  it('groups users by Mikhmon comment and puts the rest in one adopted batch per profile', () => {
    const p = planHotspotAdoption({
      profiles: [profile('default', { default: 'true' }), profile('P1', { 'on-login': ':put (",rem,20,1h,25,,Disable,")' })],
      users: [
        { name: 'default-trial', default: 'true' }, user('a1'), user('a2'), user('b1', { comment: 'up-9-11.20.26-x', password: '1234' }),
        user('c1', { comment: 'nov/21/2026 10:00:00' }), user('c2', { comment: '' }),
      ],
    }, view());
    expect(p.plans).toHaveLength(1);
    expect(p.plans[0]).toMatchObject({ profile: 'P1', existing: false, differs: [], vouchers: 5 });
    expect(p.plans[0]!.plan).toMatchObject({ name: 'P1', rateRxKbps: 2000, rateTxKbps: 2000, limitKind: 'uptime', limitSec: 3600, priceMinor: 2500, server: 'all' });
    expect(p.batches.map((b) => [b.comment, b.mode, b.users.map((u) => u.code)])).toEqual([
      ['vc-123-11.20.26-', 'same', ['a1', 'a2']], ['up-9-11.20.26-x', 'pin', ['b1']], ['', 'same', ['c1', 'c2']],
    ]);
    // Each user keeps the router's own comment as its desired comment.
    expect(p.batches[2]!.users.map((u) => u.comment)).toEqual(['nov/21/2026 10:00:00', '']);
    expect(p.skipped).toEqual([{ name: 'default-trial', reason: 'router-builtin' }]);
  });

  it('leaves out what it cannot manage unchanged, with the reason', () => {
    const p = planHotspotAdoption({
      profiles: [profile('P1'), profile('P2', { 'shared-users': 'unlimited' })],
      users: [
        user('ok'), withoutPassword(user('nopass')), user('Dup'), user('dup'), user('off', { disabled: 'true' }),
        user('srv', { server: 'hs2' }), user('lim', { 'limit-uptime': '2h' }), user('p2', { profile: 'P2' }), user('adm', { profile: 'default' }),
      ],
    }, view({ plans: [{
      id: 'plan-1', name: 'One hour', routerId: 'r1', server: 'all', profileName: 'P1', rateRxKbps: 2000, rateTxKbps: 2000, sharedUsers: 1, sessionTimeoutSec: null,
      idleTimeoutSec: null, limitKind: 'uptime', limitSec: 3600, limitBytesTotal: null, priceMinor: 2000, status: 'active', macLock: 0, dnsName: null, addressPool: null, createdAt: '', updatedAt: '',
    }] }));
    expect(new Map(p.skipped.map((s) => [s.name, s.reason]))).toEqual(new Map([
      ['nopass', 'password-unreadable'], ['Dup', 'duplicate-on-router'], ['dup', 'duplicate-on-router'], ['off', 'disabled'],
      ['adm', 'default-profile'], ['srv', 'other-server'], ['lim', 'differs-from-plan'], ['p2', 'profile-unsupported'],
    ]));
    expect(p.plans.find((x) => x.profile === 'P1')).toMatchObject({ existing: true, vouchers: 1 });
    expect(p.plans.find((x) => x.profile === 'P2')!.differs).toEqual(['shared-users']);
  });

  it('counts users the app already has as vouchers instead of adopting them again, and finds adopted batches', () => {
    const plan = {
      id: 'plan-1', name: 'P1', routerId: 'r1', server: 'all', profileName: 'P1', rateRxKbps: 2000, rateTxKbps: 2000, sharedUsers: 1, sessionTimeoutSec: null,
      idleTimeoutSec: null, limitKind: 'uptime' as const, limitSec: 3600, limitBytesTotal: null, priceMinor: 0, status: 'active' as const, macLock: 0, dnsName: null, addressPool: null, createdAt: '', updatedAt: '',
    };
    const p = planHotspotAdoption({ profiles: [profile('P1')], users: [user('A1'), user('a2')] }, view({
      plans: [plan], codeKeys: new Set(['a1']), adoptedBatches: new Map([['plan-1\u0000vc-123-11.20.26-', 'batch-1']]),
    }));
    expect(p.existingVouchers).toBe(1);
    expect(p.batches).toEqual([{ profile: 'P1', comment: 'vc-123-11.20.26-', note: '', mode: 'same', batchId: 'batch-1', users: [{ code: 'a2', password: 'a2', comment: 'vc-123-11.20.26-' }] }]);
  });

  it('keeps no uptime limit the users do not all share; a taken plan name gets the router name', () => {
    const p = planHotspotAdoption({
      profiles: [profile('P1', { 'on-login': ':put (",ntf,50,1d,50,,Disable,")' })],
      users: [user('a1'), user('a2', { 'limit-uptime': '1s' })],
    }, view({ planNames: new Set(['p1']) }));
    expect(p.plans[0]!.plan).toMatchObject({ name: 'P1 (Core)', limitKind: 'validity', limitSec: 86_400 });
    expect(p.skipped).toEqual([]);
    expect(p.batches[0]!.users).toHaveLength(2);
  });
});
