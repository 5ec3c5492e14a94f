/**
 * Issue 10 §8: one M-Pesa payment delivered 100 times at once through every path that can carry it — the STK
 * callback (and a poll of the same request), a statement row, a pasted SMS and a C2B confirmation, interleaved in
 * one Promise.all — plus a statement import of the same receipt in a separate process on the same tenant file.
 * (test/integration/payments/pipeline.test.ts already proves 100 concurrent `ingestPayments` calls; this one goes
 * through each path's own code: its dedupe, its STK claim, its parsing.) Exactly one payment, one credit, one
 * renewal, and the STK request points at that payment.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmC2b } from '../../../src-main/core/mpesa/c2b';
import { applySms } from '../../../src-main/core/mpesa/sms-import';
import { applyStatement } from '../../../src-main/core/mpesa/statement-import';
import { handleStkCallback, pollStk, requestStk } from '../../../src-main/core/mpesa/stk-flow';
import { verifyLedger } from '../../../src-main/core/payments/verify';
import { captureStkCallback } from '../../fixtures/money/capture-callback';
import { startMpesaWorld, type MpesaWorld } from '../mpesa/harness';

const CHILD = join(import.meta.dirname, '../../fixtures/money/money-child.ts');

describe('the same payment 100 times through STK callback, statement, SMS and C2B at once', () => {
  let w: MpesaWorld;
  beforeAll(async () => { w = await startMpesaWorld(); });
  afterAll(() => w.close());

  it('is credited once, renews once, and every path agrees on the one payment', { timeout: 120_000 }, async () => {
    const s = await w.subscriber({ phones: ['0708374149'] });
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 1 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    const record = w.daraja.stkRequests.at(-1)!;
    const callback = await captureStkCallback(w.daraja, record.checkoutRequestId);
    // The receipt exists once the customer paid: read it from the callback Daraja sends.
    const items = (callback as { Body: { stkCallback: { CallbackMetadata: { Item: { Name: string; Value?: unknown }[] } } } }).Body.stkCallback.CallbackMetadata.Item;
    const receipt = String(items.find((i) => i.Name === 'MpesaReceiptNumber')!.Value);
    expect(receipt).toMatch(/^[A-Z0-9]{10}$/);

    const statement = join(w.t.dataDir, 'same-receipt.csv');
    writeFileSync(statement, 'Receipt No,Completion Time,Details,Transaction Status,Paid In (KSHs),Withdrawn (KSHs),Balance (KSHs)\r\n'
      + `${receipt},27-11-2026 11:00:00,Pay Bill Online from 2547****149 - JOHN DOE Acc. ${s.accountNumber},Completed,"1,500.00",0.00,"1,500.00"\r\n`);
    const sms = `${receipt} Confirmed. on 27/11/26 at 11:00 AM Ksh1,500.00 received from JOHN DOE 254708374149.  Account Number ${s.accountNumber} New Utility balance is Ksh1,500.00`;
    const c2b = {
      TransactionType: 'Pay Bill', TransID: receipt, TransTime: '20261127110000', TransAmount: '1500.00', BusinessShortCode: '174379',
      BillRefNumber: s.accountNumber, MSISDN: '254708374149', FirstName: 'JOHN',
    };

    // Another process on the same tenant file imports the statement while this one delivers 100 times.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, w.t.dataDir, w.inst.tenantId, 'statement', statement], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let childOut = '';
    child.stdout.on('data', (b: Buffer) => (childOut += b.toString()));
    child.stderr.on('data', (b: Buffer) => (childOut += b.toString()));
    const childExit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

    const paths = [
      () => w.scope((sc) => handleStkCallback(sc, callback)),
      () => w.scope((sc) => applyStatement(sc, statement, 'same-receipt.csv')),
      () => w.scope((sc) => applySms(sc, sms)),
      () => w.scope((sc) => confirmC2b(sc, c2b)),
      () => w.scope((sc) => pollStk(sc, req.id, w.sleeper)),
    ];
    await Promise.all(Array.from({ length: 100 }, (_, i) => paths[i % paths.length]!()));
    expect(await childExit, childOut).toBe(0);

    const payments = await w.db((db) => db.selectFrom('payments').selectAll().where('reference', '=', receipt).execute());
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'applied', subscriberId: s.id, amountMinor: 150_000 });
    const entries = await w.db((db) => db.selectFrom('ledgerEntries').select(['kind', 'amountMinor', 'paymentId']).where('subscriberId', '=', s.id).orderBy('seq').execute());
    expect(entries).toEqual([
      { kind: 'credit', amountMinor: 150_000, paymentId: payments[0]!.id },
      { kind: 'debit', amountMinor: -150_000, paymentId: null },
    ]);
    const sub = await w.db((db) => db.selectFrom('subscribers').select('expiresAt').where('id', '=', s.id).executeTakeFirstOrThrow());
    expect(sub.expiresAt).toBe('2027-01-27T08:00:00.000Z');
    const renewals = await w.db((db) => db.selectFrom('auditLog').select('id').where('action', '=', 'subscriber.renewed').where('targetId', '=', s.id).execute());
    expect(renewals).toHaveLength(1);
    const stk = await w.db((db) => db.selectFrom('stkRequests').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow());
    expect(stk).toMatchObject({ status: 'succeeded', receipt, paymentReference: receipt, paymentId: payments[0]!.id });
    expect((await w.db((db) => verifyLedger(db))).ok).toBe(true);
  });
});
