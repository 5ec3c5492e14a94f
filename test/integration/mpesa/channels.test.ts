import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadBytes } from '../../fixtures/uploads';
import { SANDBOX } from '../../fixtures/mpesa/daraja';
import { startMpesaWorld, type MpesaWorld } from './harness';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../../fixtures/mpesa', name));

describe('M-Pesa channels (as the screens call them)', () => {
  let w: MpesaWorld;
  beforeAll(async () => { w = await startMpesaWorld(); });
  afterAll(() => w.close());

  it('settings: secrets never come back, and saving without them keeps what is sealed', async () => {
    const got = await w.call('mpesa.settings.get', {});
    expect(got).toMatchObject({ configured: true, hasPasskey: true });
    expect(JSON.stringify(got)).not.toContain(SANDBOX.consumerSecret);
    const saved = await w.call('mpesa.settings.update', {
      accountType: 'buygoods', shortcode: SANDBOX.shortcode, till: '5550001', environment: 'sandbox', baseUrl: w.daraja.url,
    });
    expect(saved).toMatchObject({ configured: true, accountType: 'buygoods', till: '5550001', hasConsumerKey: true });
    const noTill = await w.t.raw('mpesa.settings.update', { accountType: 'buygoods', shortcode: SANDBOX.shortcode, environment: 'sandbox' }, w.inst.adminToken);
    expect(noTill).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { till: expect.any(String) } } });
    await w.call('mpesa.settings.update', { accountType: 'paybill', shortcode: SANDBOX.shortcode, environment: 'sandbox', baseUrl: w.daraja.url });
  });

  it('STK: request, then status until final, as the screen polls it', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 1 });
    const req = await w.call('mpesa.stk.request', { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null });
    expect(req.status).toBe('pending');
    expect((await w.call('mpesa.stk.status', { stkRequestId: req.id })).status).toBe('pending');
    const done = await w.call('mpesa.stk.status', { stkRequestId: req.id });
    expect(done).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(done.paymentId).not.toBeNull();
  });

  it('statement: the preview keeps the upload, apply reads the same file, a second upload of it adds nothing', async () => {
    const bytes = fixture('Statements for 600000 from 2026-01-01 to 2026-01-01.csv');
    const uploadId = uploadBytes(w.t, w.inst.adminToken, bytes, 'mpesa-statement', 'statement.csv');
    const preview = await w.call('mpesa.statement.preview', { uploadId });
    expect(preview).toMatchObject({ rows: 4, unmatchedCount: 4, errorCount: 0 });
    expect(await w.call('mpesa.statement.apply', { uploadId, confirm: true })).toEqual({ applied: 0, unmatched: 4, duplicate: 0, errorCount: 0 });
    // Apply used the upload up: the same id again is gone (the screen uploads anew).
    expect(await w.t.raw('mpesa.statement.apply', { uploadId, confirm: true }, w.inst.adminToken)).toMatchObject({ ok: false, error: { key: 'upload.gone' } });
    const again = uploadBytes(w.t, w.inst.adminToken, bytes, 'mpesa-statement', 'statement.csv');
    expect(await w.call('mpesa.statement.apply', { uploadId: again, confirm: true })).toMatchObject({ applied: 0, unmatched: 0, duplicate: 4 });
    const wrong = uploadBytes(w.t, w.inst.adminToken, fixture('not-a-statement.csv'), 'mpesa-statement', 'x.csv');
    expect(await w.t.raw('mpesa.statement.preview', { uploadId: wrong }, w.inst.adminToken))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'mpesa.statement-rejected', params: { reason: 'not-a-statement' } } });
  });

  it('SMS: preview then apply', async () => {
    const text = 'UJ2XXXXXM3 Confirmed.on 2/10/26 at 7:37 PMKSH40.00 received from 254700000001 JOHN DOE. New Account balance is KSH1,090.05.';
    expect((await w.call('mpesa.sms.preview', { text })).rows.map((r) => r.fate)).toEqual(['unmatched']);
    expect(await w.call('mpesa.sms.apply', { text, confirm: true })).toEqual({ applied: 0, unmatched: 1, duplicate: 0, ignored: 0 });
  });
});
