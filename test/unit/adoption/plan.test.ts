import { describe, expect, it } from 'vitest';
import { nameFromComment, phonesFromComment, planAdoption } from '../../../src-main/core/adoption/plan';
import type { RouterSecret, RouterSnapshot } from '../../../src-main/core/adoption/read-router';

const ROUTER = '01900000-0000-7000-8000-000000000001';
const OTHER = '01900000-0000-7000-8000-000000000002';

function secret(name: string, extra: Partial<RouterSecret> = {}): RouterSecret {
  return { name, password: 'pw', profile: 'HOME', service: 'pppoe', disabled: false, comment: '', remoteAddress: '', callerId: '', ...extra };
}

function snapshot(secrets: RouterSecret[]): RouterSnapshot {
  return {
    secrets,
    profiles: [
      { name: 'default', rateLimit: '', remoteAddress: '', isDefault: true },
      { name: 'HOME', rateLimit: '5M/10M', remoteAddress: 'pool', isDefault: false },
      { name: 'BIZ', rateLimit: '20M/20M', remoteAddress: 'pool', isDefault: false },
    ],
    queues: [], leases: [],
  };
}

const ctx = { routerId: ROUTER, routerName: 'Core', takenUsernames: new Set<string>(), packages: [], now: new Date('2026-03-01T00:00:00Z'), timeZone: 'Africa/Nairobi' };

describe('planning an adoption', () => {
  it('says why each left-out secret is skipped', () => {
    const plan = planAdoption(snapshot([
      secret('ours1', { comment: 'ispdesk:v1;sid=x;exp=1;plan=HOME' }),
      secret('vpn1', { service: 'l2tp' }),
      secret('has space'),
      secret('Taken1'),
      secret('twice'), secret('twice', { service: 'any' }),
      secret('hidden', { password: '' }),
      secret('fine'),
    ]), { ...ctx, takenUsernames: new Set(['taken1']) });
    expect(Object.fromEntries(plan.rows.map((r) => [r.secret.name + (r.secret.service === 'any' ? '*' : ''), r.skip]))).toEqual({
      ours1: 'ours', vpn1: 'not-pppoe', 'has space': 'username-invalid', Taken1: 'username-taken', twice: 'duplicate-on-router', 'twice*': 'duplicate-on-router',
      hidden: 'password-unreadable', fine: null,
    });
  });

  it('creates a package only for profiles adopted secrets use, and reuses one that maps the profile already', () => {
    const plan = planAdoption(snapshot([secret('a1'), secret('a2', { profile: 'BIZ' }), secret('a3', { profile: 'gone' })]), {
      ...ctx, packages: [{ id: '01900000-0000-7000-8000-0000000000aa', name: 'Biz 20', serviceType: 'pppoe', pppProfileName: 'BIZ', routerIds: [OTHER] }],
    });
    const byProfile = Object.fromEntries(plan.packages.map((p) => [p.profile, p]));
    expect(byProfile.default).toMatchObject({ secrets: 0, willCreate: false });
    expect(byProfile.HOME).toMatchObject({ secrets: 1, willCreate: true, packageName: 'HOME', rateLimit: { rxKbps: 5000, txKbps: 10000, burst: null } });
    expect(byProfile.BIZ).toMatchObject({ secrets: 1, willCreate: false, attachRouter: true, packageId: '01900000-0000-7000-8000-0000000000aa', packageName: 'Biz 20' });
    // A secret naming a profile that no longer exists still gets a package (RouterOS keeps the name).
    expect(byProfile.gone).toMatchObject({ secrets: 1, willCreate: true, rateLimit: null });
  });

  it('names a new package after the router when the profile name is taken by another package', () => {
    const plan = planAdoption(snapshot([secret('a1')]), {
      ...ctx, packages: [{ id: '01900000-0000-7000-8000-0000000000bb', name: 'home', serviceType: 'static', pppProfileName: null, routerIds: [ROUTER] }],
    });
    expect(plan.packages.find((p) => p.profile === 'HOME')).toMatchObject({ willCreate: true, packageName: 'HOME (Core)' });
  });

  it('reads the name and phones out of a hand-written comment', () => {
    expect(nameFromComment('Wanjiku Mary - Ruaka - 0712345678', 'acc1')).toBe('Wanjiku Mary');
    expect(nameFromComment('0712345678 paid', 'acc1')).toBe('acc1');
    expect(nameFromComment('', 'acc1')).toBe('acc1');
    expect(phonesFromComment('Wanjiku - 0712345678 / +254733000111')).toEqual(['+254712345678', '+254733000111']);
    expect(phonesFromComment('no phone 12345')).toEqual([]);
  });
});
