import { afterEach, describe, expect, it } from 'vitest';
import { demoOf } from '../../../src-main/core/demo/runtime';
import { startTestCore, type TestCore } from '../../fixtures/test-core';

let t: TestCore;
afterEach(() => t.close());

const PLATFORM = { fullName: 'Pat Platform', email: 'pat@platform.test', password: 'platform pass 1' };

describe('demo ISP: M-Pesa against the fake Daraja inside the app', () => {
  it('configures the demo tenant’s M-Pesa for its fake Daraja, where a payment request is paid', async () => {
    t = await startTestCore();
    const setup = await t.call('setup.complete', { platformAdmin: PLATFORM, demo: true });
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: PLATFORM.email, password: PLATFORM.password });
    const url = demoOf(t.booted.core).daraja.urlOf(setup.tenantId);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const settings = await t.call('mpesa.settings.get', {}, admin.token);
    expect(settings).toMatchObject({ configured: true, shortcode: '174379', hasConsumerKey: true, hasConsumerSecret: true, hasPasskey: true });
    expect(settings.baseUrl?.replace(/\/$/, '')).toBe(url!.replace(/\/$/, ''));

    const req = await t.call('mpesa.stk.request', { subscriberId: null, phone: '0712000444', amountMinor: 50_000, accountRef: 'WALKIN' }, admin.token);
    // The fake answers "still processing" once, then paid: two checks, as the screen makes them.
    expect((await t.call('mpesa.stk.status', { stkRequestId: req.id }, admin.token)).status).toBe('pending');
    const done = await t.call('mpesa.stk.status', { stkRequestId: req.id }, admin.token);
    expect(done).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(done.paymentId).not.toBeNull();
    // No subscriber has account WALKIN: the money waits in the unmatched queue like any real payment.
    expect((await t.call('payments.unmatched.count', {}, admin.token)).count).toBe(1);
  });

  it('stops the fake Daraja with the tenant, and points the settings at the new one when it starts again', async () => {
    t = await startTestCore();
    const setup = await t.call('setup.complete', { platformAdmin: PLATFORM, demo: true });
    const demo = demoOf(t.booted.core);
    const first = demo.daraja.urlOf(setup.tenantId)!;
    await demo.stopForTenant(setup.tenantId);
    expect(demo.daraja.urlOf(setup.tenantId)).toBeNull();
    await expect(fetch(first)).rejects.toThrow();
    await demo.startForTenant(setup.tenantId);
    const second = demo.daraja.urlOf(setup.tenantId)!;
    const admin = await t.call('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: PLATFORM.email, password: PLATFORM.password });
    expect((await t.call('mpesa.settings.get', {}, admin.token)).baseUrl?.replace(/\/$/, '')).toBe(second.replace(/\/$/, ''));
  });
});
