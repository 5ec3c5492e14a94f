import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatement, previewStatement } from '../../../src-main/core/mpesa/statement-import';
import { applySms, previewSms } from '../../../src-main/core/mpesa/sms-import';
import { confirmC2b, validateC2b } from '../../../src-main/core/mpesa/c2b';
import { getMpesaSettings, updateMpesaSettings } from '../../../src-main/core/mpesa/settings';
import { pollStk, requestStk } from '../../../src-main/core/mpesa/stk-flow';
import { makeTempDir } from '../../fixtures/temp-dir';
import { writeStatementCsv } from '../../fixtures/mpesa/make-statement';
import { startMpesaWorld, type MpesaWorld } from './harness';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/mpesa', name);

describe('M-Pesa statement, SMS and C2B imports through the payments pipeline', () => {
  let w: MpesaWorld;
  const temp = makeTempDir('mpesa-import-');
  beforeAll(async () => { w = await startMpesaWorld(); });
  afterAll(async () => { await w.close(); temp.remove(); });

  const countPayments = () => w.db(async (db) => (await db.selectFrom('payments').select('id').execute()).length);

  it('imports a 500-row statement: the preview counts equal what apply does, and a second import adds nothing', async () => {
    const subs = await Promise.all([1, 2, 3, 4].map(() => w.subscriber()));
    const path = join(temp.dir, 'Statements for 174379 from 2026-01-15 to 2026-01-15.csv');
    writeStatementCsv(path, 500, subs.map((s) => s.accountNumber.toLowerCase()));
    const before = await countPayments();
    const preview = await w.scope((s) => previewStatement(s, path));
    expect(preview).toMatchObject({ rows: 500, newCount: 400, unmatchedCount: 100, duplicateCount: 0, errorCount: 0 });
    expect(preview.skipped['internal-transfer']).toBe(10);
    expect(await countPayments()).toBe(before);

    const first = await w.scope((s) => applyStatement(s, path, 'statement.csv'));
    expect(first).toEqual({ applied: 400, unmatched: 100, duplicate: 0, errorCount: 0 });
    expect(await countPayments()).toBe(before + 500);

    const again = await w.scope((s) => previewStatement(s, path));
    expect(again).toMatchObject({ newCount: 0, unmatchedCount: 0, duplicateCount: 500 });
    const second = await w.scope((s) => applyStatement(s, path, 'statement.csv'));
    expect(second).toEqual({ applied: 0, unmatched: 0, duplicate: 500, errorCount: 0 });
    expect(await countPayments()).toBe(before + 500);
  });

  it('refuses a file that is not a statement as a whole and writes nothing', async () => {
    const before = await countPayments();
    await expect(w.scope((s) => applyStatement(s, fixture('not-a-statement.csv'), 'x.csv')))
      .rejects.toMatchObject({ code: 'VALIDATION', key: 'mpesa.statement-rejected', params: { reason: 'not-a-statement' } });
    expect(await countPayments()).toBe(before);
  });

  it('applies the good rows of a statement with bad rows and reports each bad row', async () => {
    const preview = await w.scope((s) => previewStatement(s, fixture('statement-bad-rows.csv')));
    expect(preview.issues.map((i) => i.code)).toEqual(['receipt-missing', 'amount-invalid', 'time-invalid', 'receipt-invalid', 'amount-invalid']);
    expect(await w.scope((s) => applyStatement(s, fixture('statement-bad-rows.csv'), 'bad.csv'))).toEqual({ applied: 0, unmatched: 1, duplicate: 0, errorCount: 5 });
  });

  it('takes a receipt already recorded as voucher-sale income as a duplicate, not a second payment', async () => {
    const s = await w.subscriber();
    const { recordIncome } = await import('../../../src-main/core/payments/other-income');
    await w.scope((sc) => sc.db.transaction().execute((trx) => recordIncome(trx, sc.actor, new Date(), {
      source: 'voucher-sale', method: 'mpesa', reference: 'UAV1XXXX42', amountMinor: 5000, note: null,
    })));
    const path = join(temp.dir, 'voucher-receipt.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, `Receipt No,Completion Time,Details,Transaction Status,Paid In (KSHs),Withdrawn (KSHs),Balance (KSHs)\r\nUAV1XXXX42,15-01-2026 10:00:00,Pay Bill Online from 2547****149 - JOHN DOE Acc. ${s.accountNumber},Completed,"50.00",0.00,"0.00"\r\n`);
    const before = await countPayments();
    expect(await w.scope((sc) => previewStatement(sc, path))).toMatchObject({ newCount: 0, duplicateCount: 1 });
    expect(await w.scope((sc) => applyStatement(sc, path, 'voucher.csv'))).toMatchObject({ applied: 0, unmatched: 0, duplicate: 1 });
    expect(await countPayments()).toBe(before);
  });

  it('links a statement row to the STK payment already credited without a receipt, instead of crediting twice', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    const done = await w.scope((sc) => pollStk(sc, req.id, w.sleeper));
    expect(done.status).toBe('succeeded');
    const when = new Date(Date.parse(done.finishedAt!) + 3 * 3600_000 - 60_000); // a minute before, in EAT
    const stamp = `${String(when.getUTCDate()).padStart(2, '0')}-${String(when.getUTCMonth() + 1).padStart(2, '0')}-${when.getUTCFullYear()} ${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}:00`;
    const path = join(temp.dir, 'stk-twin.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, `Receipt No,Completion Time,Details,Transaction Status,Paid In (KSHs),Withdrawn (KSHs),Balance (KSHs)\r\nUAT1XXXX99,${stamp},Pay Bill Online from 2547****149 - JOHN DOE Acc. ${s.accountNumber},Completed,"1,500.00",0.00,"0.00"\r\n`);
    expect(await w.scope((sc) => previewStatement(sc, path))).toMatchObject({ newCount: 0, duplicateCount: 1 });
    expect(await w.scope((sc) => applyStatement(sc, path, 'twin.csv'))).toMatchObject({ applied: 0, duplicate: 1 });
    const stk = await w.db((db) => db.selectFrom('stkRequests').select('receipt').where('id', '=', req.id).executeTakeFirstOrThrow());
    expect(stk.receipt).toBe('UAT1XXXX99');
    const credits = await w.db((db) => db.selectFrom('ledgerEntries').select('id').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(credits).toHaveLength(1);
  });

  it('previews and applies pasted SMS: money in applied by account or phone, other messages ignored, paste twice adds nothing', async () => {
    const s = await w.subscriber({ phones: ['0700000001'] });
    const paste = [
      `PK3XXXXX39 Confirmed. on 25/11/26 at 6:56 PM Ksh1,500.00 received from JOHN DOE 254711111111.  Account Number ${s.accountNumber} New Utility balance is Ksh5,300.00`,
      'TJF9XXXX8C Confirmed.You have received Ksh300.00 from JOHN DOE 0700000001 on 15/10/26 at 12:16 PM  New M-PESA balance is Ksh123.12.',
      'TCO3V7DGN3 Confirmed. Ksh3,000 sent to FRANCIS KINUNGI on 24/3/25 at 8.02AM',
      'UHSNXXXX4A Confirmed.You have received Ksh1.00 from JANE DOE 0715***897 on 28/8/26 at 10:44 PM New M-PESA balance is Ksh1.00.',
    ].join('\n');
    const preview = await w.scope((sc) => previewSms(sc, paste));
    expect(preview.map((r) => [r.receipt, r.fate, r.reason])).toEqual([
      ['PK3XXXXX39', 'new', null], ['TJF9XXXX8C', 'new', null], ['TCO3V7DGN3', 'ignored', 'not-money-in'], ['UHSNXXXX4A', 'unmatched', null],
    ]);
    expect(await w.scope((sc) => applySms(sc, paste))).toEqual({ applied: 2, unmatched: 1, duplicate: 0, ignored: 1 });
    expect(await w.scope((sc) => applySms(sc, paste))).toEqual({ applied: 0, unmatched: 0, duplicate: 3, ignored: 1 });
    const wallet = await w.db((db) => db.selectFrom('ledgerEntries').select('amountMinor').where('subscriberId', '=', s.id).where('kind', '=', 'credit').execute());
    expect(wallet.map((e) => e.amountMinor).sort()).toEqual([150_000, 30_000].sort());
  });

  it('C2B: confirmation with a hashed MSISDN matches by phone hash; a repeated TransID is not credited twice', async () => {
    const s = await w.subscriber({ phones: ['0708374149'] });
    const payload = {
      TransactionType: 'Pay Bill', TransID: 'UKL51ZDR4F', TransTime: '20261127101325', TransAmount: '1500.00', BusinessShortCode: '174379',
      BillRefNumber: '', InvoiceNumber: '', OrgAccountBalance: '1500.00', ThirdPartyTransID: '',
      MSISDN: createHash('sha256').update('254708374149').digest('hex'), FirstName: 'JOHN',
    };
    expect(await w.scope((sc) => confirmC2b(sc, payload))).toEqual({ ResultCode: 0, ResultDesc: 'Success' });
    expect(await w.scope((sc) => confirmC2b(sc, payload))).toEqual({ ResultCode: 0, ResultDesc: 'Success' });
    const pay = await w.db((db) => db.selectFrom('payments').selectAll().where('reference', '=', 'UKL51ZDR4F').execute());
    expect(pay).toHaveLength(1);
    expect(pay[0]).toMatchObject({ status: 'applied', subscriberId: s.id, channel: 'c2b', paidAt: '2026-11-27T07:13:25.000Z' });
  });

  it('C2B validation accepts everything by default, and rejects unknown accounts (C2B00012) when the tenant says so', async () => {
    const s = await w.subscriber();
    const payload = (bill: string) => ({ TransID: 'UKL51ZDR4G', TransTime: '20261127101325', TransAmount: '10.00', BillRefNumber: bill, MSISDN: '2547 ***** 126', FirstName: 'JOHN' });
    expect(await w.scope((sc) => validateC2b(sc, payload('NOBODY')))).toEqual({ ResultCode: '0', ResultDesc: 'Accepted' });
    const current = await w.scope((sc) => getMpesaSettings(sc));
    await w.scope((sc) => updateMpesaSettings(sc, { ...current, c2bRejectUnknown: true }));
    expect(await w.scope((sc) => validateC2b(sc, payload('NOBODY')))).toEqual({ ResultCode: 'C2B00012', ResultDesc: 'Rejected' });
    expect(await w.scope((sc) => validateC2b(sc, payload(` ${s.accountNumber.toLowerCase()} `)))).toEqual({ ResultCode: '0', ResultDesc: 'Accepted' });
    expect((await w.scope((sc) => getMpesaSettings(sc))).configured).toBe(true);
  });
});
