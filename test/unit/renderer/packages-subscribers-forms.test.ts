import { describe, expect, it } from 'vitest';
import { packageCreateInput, type PackageSummary } from '@shared/contract/packages';
import { subscriberCreateInput, subscriberUpdateInput, type SubscriberSummary } from '@shared/contract/subscribers';
import {
  emptyPackageForm, minorToAmountText, packageFieldRenames, packageFormFrom, rosRate, toPackageInput,
} from '../../../src-renderer/features/packages/package-form';
import { emptySubscriberForm, subscriberFormFrom, toCreateInput, toUpdateInput } from '../../../src-renderer/features/subscribers/subscriber-form';
import { bulkOperationOf, bulkValueText } from '../../../src-renderer/features/subscribers/bulk-values';
import { subscriberRoute } from '../../../src-renderer/features/subscribers/subscriber-route';

const R1 = '0190a0b0-0000-7000-8000-000000000001';
const R2 = '0190a0b0-0000-7000-8000-000000000002';
const P1 = '0190a0b0-0000-7000-8000-000000000003';

describe('package form', () => {
  it('turns a PPPoE form into a contract input the contract accepts (Mbit/s → kbps, amount → minor units)', () => {
    const out = toPackageInput({
      ...emptyPackageForm, name: 'Home 10M', routerIds: [R1], rxMbps: 5, txMbps: 10.5, profileName: 'home-10m', price: '1,500.50', graceHours: 6,
    }, 'KES');
    if (!('input' in out)) throw new Error('expected an input');
    expect(out.input).toMatchObject({
      rateLimit: { rxKbps: 5000, txKbps: 10500, burst: null }, pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150050,
      addressPools: [], period: { count: 1, unit: 'months' }, graceHours: 6,
    });
    expect(packageCreateInput.safeParse(out.input).success).toBe(true);
  });

  it('sends one pool per chosen router for a static package and no PPP profile', () => {
    const out = toPackageInput({ ...emptyPackageForm, name: 'Biz', serviceType: 'static', routerIds: [R1, R2], rxMbps: 2, txMbps: 2, price: '3000',
      pools: { [R1]: '10.20.0.0/24', [R2]: '10.30.0.0/24', other: '10.99.0.0/24' } }, 'KES');
    if (!('input' in out)) throw new Error('expected an input');
    expect(out.input.pppProfile).toBeNull();
    expect(out.input.addressPools).toEqual([{ routerId: R1, cidr: '10.20.0.0/24' }, { routerId: R2, cidr: '10.30.0.0/24' }]);
  });

  it('refuses an amount with more decimals than the currency has, and blank rates reach the contract as errors', () => {
    expect(toPackageInput({ ...emptyPackageForm, price: '10.5' }, 'UGX')).toEqual({ field: 'price' });
    const out = toPackageInput({ ...emptyPackageForm, name: 'X1', routerIds: [R1], profileName: 'x', price: '1' }, 'KES');
    if (!('input' in out)) throw new Error('expected an input');
    const issues = packageCreateInput.safeParse(out.input).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['rateLimit.rxKbps', 'rateLimit.txKbps']));
  });

  it('sends a burst only when it is switched on, in kbps and whole seconds', () => {
    const base = { ...emptyPackageForm, name: 'Burst', routerIds: [R1], rxMbps: 5, txMbps: 10, profileName: 'b', price: '1' };
    const off = toPackageInput({ ...base, burstRxMbps: 8 }, 'KES');
    const on = toPackageInput({ ...base, burstOn: true, burstRxMbps: 8, burstTxMbps: 16, thresholdRxMbps: 4, thresholdTxMbps: 8, burstTimeSec: 10 }, 'KES');
    if (!('input' in off) || !('input' in on)) throw new Error('expected inputs');
    expect(off.input.rateLimit.burst).toBeNull();
    expect(on.input.rateLimit.burst).toEqual({ rxKbps: 8000, txKbps: 16000, thresholdRxKbps: 4000, thresholdTxKbps: 8000, timeSec: 10 });
    expect(packageCreateInput.safeParse(on.input).success).toBe(true);
  });

  it('maps main field paths back onto form fields, pools by router', () => {
    const r = packageFieldRenames({ ...emptyPackageForm, routerIds: [R1, R2] });
    expect(r['addressPools.1.cidr']).toBe(`pools.${R2}`);
    expect(r['priceMinor']).toBe('price');
    expect(r['rateLimit.txKbps']).toBe('txMbps');
  });

  it('round-trips a saved package into the form', () => {
    const pkg = {
      id: P1, name: 'Home', serviceType: 'pppoe', routerIds: [R1], rateLimit: { rxKbps: 1500, txKbps: 10000, burst: null },
      pppProfile: { mode: 'existing', name: 'default' }, remotePool: null, addressPools: [], priceMinor: 150000,
      period: { count: 30, unit: 'days' }, graceHours: 0, status: 'active', subscriberCount: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    } satisfies PackageSummary;
    const form = packageFormFrom(pkg, 'KES');
    expect(form).toMatchObject({ rxMbps: 1.5, txMbps: 10, price: '1500', profileMode: 'existing', periodCount: 30, periodUnit: 'days' });
  });

  it('writes amounts and rates the way people type them', () => {
    expect(minorToAmountText(150050, 'KES')).toBe('1500.50');
    expect(minorToAmountText(5, 'KES')).toBe('0.05');
    expect(minorToAmountText(20000, 'UGX')).toBe('20000');
    expect(rosRate(10_000)).toBe('10M');
    expect(rosRate(1500)).toBe('1500k');
  });
});

const SUBSCRIBER: SubscriberSummary = {
  id: P1, accountNumber: '100245', fullName: 'Jane Wanjiku', phones: ['+254712345678'], email: null,
  location: { site: 'Kahawa', building: '', text: '', gps: { lat: -1.2, lng: 36.9 } }, routerId: R1, routerName: 'Core', packageId: P1,
  packageName: 'Home', serviceType: 'pppoe', username: 'jane', hasPassword: true, ipAddress: null, macAddress: null, installedAt: null,
  expiresAt: '2026-02-01T00:00:00.000Z', status: 'active', notes: '', tags: ['estate-b'], syncState: 'synced', syncError: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('subscriber form', () => {
  it('sends the PPPoE user name for a PPPoE package and the address fields for a static one', () => {
    const v = { ...emptySubscriberForm, fullName: 'Jane Wanjiku', phone: '0712345678', phone2: ' ', routerId: R1, packageId: P1, username: 'jane', ipAddress: '10.0.0.9' };
    const pppoe = toCreateInput(v, 'pppoe');
    expect(pppoe).toMatchObject({ phones: ['0712345678'], username: 'jane' });
    expect(pppoe).not.toHaveProperty('ipAddress');
    expect(subscriberCreateInput.safeParse(pppoe).success).toBe(true);
    const stat = toCreateInput(v, 'static');
    expect(stat).toMatchObject({ ipAddress: '10.0.0.9', macAddress: '' });
    expect(stat).not.toHaveProperty('username');
  });

  it('keeps the GPS point and leaves a blank user name out of an edit', () => {
    const input = toUpdateInput(SUBSCRIBER, { ...subscriberFormFrom(SUBSCRIBER), username: '' }, 'pppoe');
    expect(input.location?.gps).toEqual({ lat: -1.2, lng: 36.9 });
    expect(input).not.toHaveProperty('username');
    expect(subscriberUpdateInput.safeParse(input).success).toBe(true);
  });

  it("turns picked days into instants of the ISP's zone: installed at midnight, first expiry at 23:59:59", () => {
    const v = { ...emptySubscriberForm, fullName: 'Jane', phone: '0712345678', routerId: R1, packageId: P1, installedOn: '2026-12-01', firstExpiryOn: '2026-12-31' };
    const input = toCreateInput(v, 'pppoe', 'Africa/Nairobi');
    expect(input).toMatchObject({ installedAt: '2026-11-30T21:00:00.000Z', expiresAt: '2026-12-31T20:59:59.000Z' });
    expect(subscriberCreateInput.safeParse(input).success).toBe(true);
    expect(toCreateInput({ ...v, firstExpiryOn: null }, 'pppoe', 'Africa/Nairobi')).not.toHaveProperty('expiresAt');
    const back = subscriberFormFrom({ ...SUBSCRIBER, installedAt: '2026-11-30T21:00:00.000Z' }, 'Africa/Nairobi');
    expect(back.installedOn).toBe('2026-12-01');
  });
});

describe('bulk actions and routes', () => {
  it('builds an operation only when its values are complete', () => {
    const base = { action: 'extend' as const, count: 7, unit: 'days' as const, packageId: '', routerId: '' };
    expect(bulkOperationOf(base)).toEqual({ action: 'extend', count: 7, unit: 'days' });
    expect(bulkOperationOf({ ...base, count: '' })).toBeNull();
    expect(bulkOperationOf({ ...base, action: 'changePackage' })).toBeNull();
    expect(bulkOperationOf({ ...base, action: 'moveRouter', routerId: R2 })).toEqual({ action: 'moveRouter', routerId: R2 });
  });

  it('shows instants in a preview through the time format and blanks as a dash', () => {
    const fmt = (iso: string) => `at ${iso.slice(0, 10)}`;
    expect(bulkValueText('2026-03-01T09:00:00.000Z', fmt)).toBe('at 2026-03-01');
    expect(bulkValueText('Home 10M', fmt)).toBe('Home 10M');
    expect(bulkValueText(null, fmt)).toBe('—');
  });

  it('reads a subscriber id from its detail route only', () => {
    expect(subscriberRoute(['t', 'ten', 'subscribers', P1])).toBe(P1);
    expect(subscriberRoute(['t', 'ten', 'subscribers'])).toBeNull();
    expect(subscriberRoute(['t', 'ten', 'routers', P1])).toBeNull();
  });
});

describe('drift actions offered per row', () => {
  it('offers adopt-theirs only on a differing object ISP Desk owns, and never applies ours over a foreign item', async () => {
    const { driftActionFits } = await import('../../../src-renderer/features/sync/drift-columns');
    expect(driftActionFits({ kind: 'different', objectId: P1 }, 'adopt-theirs')).toBe(true);
    expect(driftActionFits({ kind: 'missing', objectId: P1 }, 'adopt-theirs')).toBe(false);
    expect(driftActionFits({ kind: 'foreign', objectId: null }, 'apply-ours')).toBe(false);
    expect(driftActionFits({ kind: 'foreign', objectId: null }, 'ignore')).toBe(true);
    expect(driftActionFits({ kind: 'missing', objectId: P1 }, 'apply-ours')).toBe(true);
  });
});
