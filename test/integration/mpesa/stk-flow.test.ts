import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMpesaSettings } from '../../../src-main/core/mpesa/settings';
import { followPendingStk, handleStkCallback, pollStk, requestStk } from '../../../src-main/core/mpesa/stk-flow';
import { captureStkCallback } from '../../fixtures/money/capture-callback';
import { SANDBOX } from '../../fixtures/mpesa/daraja';
import { startMpesaWorld, type MpesaWorld } from './harness';

describe('STK push → poll → payment pipeline, against the fake Daraja', () => {
  let w: MpesaWorld;
  beforeAll(async () => { w = await startMpesaWorld(); });
  afterAll(() => w.close());

  const payment = (id: string) => w.db((db) => db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const sub = (id: string) => w.db((db) => db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

  it('keeps the credentials sealed: the settings say only that they are set', async () => {
    const view = await w.scope((s) => getMpesaSettings(s));
    expect(view).toMatchObject({ configured: true, hasConsumerKey: true, hasConsumerSecret: true, hasPasskey: true, shortcode: SANDBOX.shortcode });
    expect(JSON.stringify(view)).not.toContain(SANDBOX.passkey);
    const sealed = await w.db((db) => db.selectFrom('secrets').select('ciphertext').where('ownerType', '=', 'mpesa').execute());
    expect(sealed).toHaveLength(3);
    expect(sealed.map((r) => r.ciphertext).join()).not.toContain(SANDBOX.passkey);
  });

  it('succeeds after pending answers: applied to the subscriber, expiry extended, no real waiting', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 2 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    expect(req).toMatchObject({ status: 'pending', accountRef: s.accountNumber });
    expect(w.daraja.stkRequests.at(-1)!.body.AccountReference).toBe(s.accountNumber);
    const done = await w.scope((sc) => pollStk(sc, req.id, w.sleeper));
    expect(done).toMatchObject({ status: 'succeeded', resultCode: '0', errorCode: null });
    expect(done.paymentReference).toBe(`STK-${done.checkoutRequestId}`);
    expect(await payment(done.paymentId!)).toMatchObject({ status: 'applied', subscriberId: s.id, channel: 'stk', provider: 'mpesa', amountMinor: 150_000 });
    expect((await sub(s.id)).expiresAt).toBe('2027-01-27T08:00:00.000Z');
  });

  it('uses the receipt from a callback that arrives first, and a late query adds nothing', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '254708374149', amountMinor: 150_000, accountRef: null }));
    const record = w.daraja.stkRequests.at(-1)!;
    const body = await captureStkCallback(w.daraja, record.checkoutRequestId);
    const viaCallback = await w.scope((sc) => handleStkCallback(sc, body));
    expect(viaCallback).toMatchObject({ status: 'succeeded', receipt: record.receipt, paymentReference: record.receipt });
    const again = await w.scope((sc) => handleStkCallback(sc, body));
    const polled = await w.scope((sc) => pollStk(sc, req.id, w.sleeper));
    expect([again!.paymentId, polled.paymentId]).toEqual([viaCallback!.paymentId, viaCallback!.paymentId]);
    const credits = await w.db((db) => db.selectFrom('ledgerEntries').select('id').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(credits).toHaveLength(1);
  });

  it('ends a cancelled prompt (1032) as failed with a code, and nothing is paid', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 1032, pendingQueries: 1 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 100_000, accountRef: null }));
    const done = await w.scope((sc) => pollStk(sc, req.id, w.sleeper));
    expect(done).toMatchObject({ status: 'failed', errorCode: 'stk-cancelled', resultCode: '1032', paymentId: null, paymentReference: null });
  });

  it.each([[1037, 'timeout', 'stk-unreachable'], [2001, 'failed', 'stk-wrong-pin'], [1, 'failed', 'stk-insufficient-funds']] as const)(
    'maps result %i to %s / %s', async (code, status, errorCode) => {
      w.daraja.scriptStk({ resultCode: code, pendingQueries: 0 });
      const req = await w.scope((sc) => requestStk(sc, { subscriberId: null, phone: '0708374149', amountMinor: 100_000, accountRef: 'X1' }));
      expect(await w.scope((sc) => pollStk(sc, req.id, w.sleeper))).toMatchObject({ status, errorCode });
    });

  it('gives up at the poll deadline when Daraja keeps saying "being processed"', async () => {
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 1000 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: null, phone: '0708374149', amountMinor: 100_000, accountRef: 'X2' }));
    const before = w.sleeper.slept;
    const done = await w.scope((sc) => pollStk(sc, req.id, w.sleeper, { intervalMs: 4_000, maxWaitMs: 20_000 }));
    expect(done).toMatchObject({ status: 'timeout', errorCode: 'stk-no-answer', paymentId: null });
    expect(w.sleeper.slept - before).toBe(20_000);
  });

  it('ends a push to a slow Daraja with the timeout code; a retry then succeeds and pays once', async () => {
    const s = await w.subscriber();
    w.daraja.setLatencyMs(500);
    const slow = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }, 50));
    w.daraja.setLatencyMs(0);
    expect(slow).toMatchObject({ status: 'timeout', errorCode: 'timeout', paymentId: null });
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const retry = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    expect(await w.scope((sc) => pollStk(sc, retry.id, w.sleeper))).toMatchObject({ status: 'succeeded' });
    const credits = await w.db((db) => db.selectFrom('ledgerEntries').select('amountMinor').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(credits).toEqual([{ amountMinor: 150_000 }]);
  });

  it('follows a request nobody watches (screen closed): the job records the payment once and renews', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 1 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    const first = await w.scope((sc) => followPendingStk(sc));
    expect(first.ended).toBe(0);
    const second = await w.scope((sc) => followPendingStk(sc));
    expect(second).toMatchObject({ ended: 1, failed: 0 });
    const done = await w.db((db) => db.selectFrom('stkRequests').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow());
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(await payment(done.paymentId!)).toMatchObject({ status: 'applied', subscriberId: s.id, amountMinor: 150_000 });
    expect((await w.scope((sc) => followPendingStk(sc))).checked).toBe(0);
    const credits = await w.db((db) => db.selectFrom('ledgerEntries').select('id').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(credits).toHaveLength(1);
  });

  it('refuses a bad phone or a non-whole amount as field errors, with nothing written', async () => {
    const before = await w.db((db) => db.selectFrom('stkRequests').select('id').execute());
    await expect(w.scope((sc) => requestStk(sc, { subscriberId: null, phone: '12345', amountMinor: 150_050, accountRef: 'X' })))
      .rejects.toMatchObject({ code: 'VALIDATION', fields: { phone: 'invalid-phone', amountMinor: 'invalid-value' } });
    expect(await w.db((db) => db.selectFrom('stkRequests').select('id').execute())).toHaveLength(before.length);
  });
});
