import { describe, expect, it } from 'vitest';
import { hotspotPlanCreateInput, type HotspotPlanSummary } from '@shared/contract/hotspot';
import { emptyPlanForm, planFormFrom, spanOf, toPlanInput } from '../../../src-renderer/features/hotspot/plan-form';
import { selectionOf } from '../../../src-renderer/features/hotspot/print-selection';

const R1 = '0190a0b0-0000-7000-8000-000000000001';

describe('hotspot plan form', () => {
  it('turns the form into an input the contract accepts (Mbit/s, hours, MB, minutes and amounts converted)', () => {
    const out = toPlanInput({
      ...emptyPlanForm, name: '1 day', routerId: R1, profileName: 'hs-1d', dnsName: 'WiFi.Example.net', rxMbps: 1.5, txMbps: 3, limitKind: 'validity',
      limitAmount: 1, limitUnit: 'days', dataMb: 2048, idleMin: 5, price: '50.50',
    }, 'KES');
    if (!('input' in out)) throw new Error('expected an input');
    expect(out.input).toMatchObject({
      rateLimit: { rxKbps: 1500, txKbps: 3000 }, limit: { kind: 'validity', seconds: 86_400 }, limitBytesTotal: 2048 * 1024 ** 2,
      idleTimeoutSec: 300, sessionTimeoutSec: null, priceMinor: 5050,
    });
    const parsed = hotspotPlanCreateInput.safeParse(out.input);
    expect(parsed.success && parsed.data.dnsName).toBe('wifi.example.net');
  });

  it('sends a blank DNS name as none, and refuses a price it cannot read', () => {
    const ok = toPlanInput({ ...emptyPlanForm, name: 'Plan', routerId: R1, profileName: 'hs-p', rxMbps: 1, txMbps: 1, price: '10' }, 'KES');
    if (!('input' in ok)) throw new Error('expected an input');
    const parsed = hotspotPlanCreateInput.safeParse(ok.input);
    expect(parsed.success && parsed.data.dnsName).toBeNull();
    expect(toPlanInput({ ...emptyPlanForm, price: '10.005' }, 'KES')).toEqual({ field: 'price' });
  });

  it('shows a saved plan back in the largest whole unit', () => {
    expect(spanOf(7200)).toEqual({ amount: 2, unit: 'hours' });
    expect(spanOf(5400)).toEqual({ amount: 90, unit: 'minutes' });
    const plan = {
      id: R1, name: '2 hours', routerId: R1, server: 'all', profileName: 'hs-2h', rateLimit: { rxKbps: 1000, txKbps: 2000 }, sharedUsers: 1,
      sessionTimeoutSec: null, idleTimeoutSec: 600, limit: { kind: 'uptime', seconds: 7200 }, limitBytesTotal: null, priceMinor: 2000, status: 'active',
      macLock: false, dnsName: null, addressPool: null, voucherCount: 0, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
    } satisfies HotspotPlanSummary;
    expect(planFormFrom(plan, 'KES')).toMatchObject({ limitAmount: 2, limitUnit: 'hours', idleMin: 10, sessionMin: '', dnsName: '', price: '20', txMbps: 2 });
  });
});

describe('print selection', () => {
  const base = { by: 'batch' as const, batchId: null, fromDate: null, toDate: null, codesText: '' };
  it('asks for a choice before printing', () => {
    expect(selectionOf(base, 'Africa/Nairobi')).toBeNull();
    expect(selectionOf({ ...base, by: 'codes', codesText: ' \n ' }, 'Africa/Nairobi')).toBeNull();
  });

  it('prints whole days in the ISP zone, the last day included, and codes split on spaces, commas or lines', () => {
    expect(selectionOf({ ...base, by: 'dates', fromDate: '2026-12-01', toDate: '2026-12-02' }, 'Africa/Nairobi')).toEqual({
      by: 'dates', from: '2026-11-30T21:00:00.000Z', to: '2026-12-02T21:00:00.000Z',
    });
    expect(selectionOf({ ...base, by: 'codes', codesText: 'abc123, DEF456\nghi789' }, 'Africa/Nairobi')).toEqual({ by: 'codes', codes: ['abc123', 'DEF456', 'ghi789'] });
  });
});
