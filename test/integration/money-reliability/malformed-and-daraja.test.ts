/**
 * Issue 10 §8, the cases test/integration/mpesa/{imports,stk-flow}.test.ts do not already prove:
 * statements applied with comma amounts, a negative Paid In and an unknown currency next to good rows (per-row
 * outcome, only good rows credited); a file refused whole after good rows were read (broken quoting, a picture
 * renamed .csv) writes nothing; Daraja answering the push with an error envelope or not at all, and failing
 * queries while a request is pending, end with a clear code or stay pending, and a retry pays once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatement, previewStatement } from '../../../src-main/core/mpesa/statement-import';
import { getMpesaSettings, updateMpesaSettings } from '../../../src-main/core/mpesa/settings';
import { pollStk, requestStk } from '../../../src-main/core/mpesa/stk-flow';
import { makeTempDir } from '../../fixtures/temp-dir';
import { solidPng } from '../../fixtures/solid-png';
import { startMpesaWorld, type MpesaWorld } from '../mpesa/harness';

const HEADER = 'Receipt No,Completion Time,Details,Transaction Status,Paid In (KSHs),Withdrawn (KSHs),Balance (KSHs),Currency';

describe('malformed statements and a failing Daraja', () => {
  let w: MpesaWorld;
  const temp = makeTempDir('money-malformed-');
  beforeAll(async () => { w = await startMpesaWorld(); });
  afterAll(async () => { await w.close(); temp.remove(); });

  const credits = (subscriberId: string) => w.db((db) => db.selectFrom('ledgerEntries').select(['amountMinor', 'reference']).where('subscriberId', '=', subscriberId).where('kind', '=', 'credit').orderBy('seq').execute());
  const paymentsCount = () => w.db(async (db) => (await db.selectFrom('payments').select('id').execute()).length);
  const write = (name: string, lines: string[]) => {
    const path = join(temp.dir, name);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    return path;
  };
  const row = (receipt: string, account: string, paidIn: string, currency = 'KES') =>
    `${receipt},27-11-2026 10:00:00,Pay Bill Online from 2547****149 - JOHN DOE Acc. ${account},Completed,${paidIn},0.00,"9,000.00",${currency}`;

  it('credits only the good rows: comma amounts read right, a negative Paid In and a foreign currency are not money in', async () => {
    const s = await w.subscriber();
    const path = write('mixed.csv', [
      HEADER,
      row('UKR1AAAA01', s.accountNumber, '"1,250.50"'),
      row('UKR1AAAA02', s.accountNumber, '"-1,500.00"'),
      row('UKR1AAAA03', s.accountNumber, '"1,500.00"', 'USD'),
      row('UKR1AAAA04', s.accountNumber, '"12,3,4.00"'),
      row('UKR1AAAA05', s.accountNumber, '300'),
    ]);
    const preview = await w.scope((sc) => previewStatement(sc, path));
    expect(preview).toMatchObject({ rows: 2, newCount: 2, errorCount: 2 });
    expect(preview.issues.map((i) => [i.receipt, i.code])).toEqual([['UKR1AAAA03', 'currency-unknown'], ['UKR1AAAA04', 'amount-invalid']]);
    expect(preview.skipped.withdrawal).toBe(1);
    expect(await w.scope((sc) => applyStatement(sc, path, 'mixed.csv'))).toEqual({ applied: 2, unmatched: 0, duplicate: 0, errorCount: 2 });
    expect(await credits(s.id)).toEqual([{ amountMinor: 125_050, reference: 'UKR1AAAA01' }, { amountMinor: 30_000, reference: 'UKR1AAAA05' }]);
    const refused = await w.db((db) => db.selectFrom('payments').select('reference').where('reference', 'in', ['UKR1AAAA02', 'UKR1AAAA03', 'UKR1AAAA04']).execute());
    expect(refused).toEqual([]);
  });

  it('refuses a file whose quoting breaks after good rows, and applies none of them', async () => {
    const s = await w.subscriber();
    const path = write('broken.csv', [HEADER, row('UKR1BBBB01', s.accountNumber, '"1,500.00"'), 'UKR1BBBB02,"27-11-2026 10:00:00,"Pay"Bill" "x,Completed']);
    const before = await paymentsCount();
    await expect(w.scope((sc) => applyStatement(sc, path, 'broken.csv'))).rejects.toMatchObject({ code: 'VALIDATION', key: 'mpesa.statement-rejected' });
    expect(await paymentsCount()).toBe(before);
    expect(await credits(s.id)).toEqual([]);
  });

  it('refuses a picture renamed .csv, and writes nothing', async () => {
    const path = join(temp.dir, 'statement.csv');
    writeFileSync(path, solidPng(40, 40, [200, 10, 10]));
    const before = await paymentsCount();
    await expect(w.scope((sc) => applyStatement(sc, path, 'statement.csv'))).rejects.toMatchObject({ code: 'VALIDATION', key: 'mpesa.statement-rejected' });
    expect(await paymentsCount()).toBe(before);
  });

  it('ends a push Daraja answers with spike arrest as failed / busy; the retry pays once', async () => {
    const s = await w.subscriber();
    w.daraja.failNext(1, { status: 429, errorCode: '500.003.02', errorMessage: 'Spike arrest violation' });
    const first = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    expect(first).toMatchObject({ status: 'failed', errorCode: 'busy', paymentId: null, checkoutRequestId: null });
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const retry = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    expect(await w.scope((sc) => pollStk(sc, retry.id, w.sleeper))).toMatchObject({ status: 'succeeded' });
    expect((await credits(s.id)).map((c) => c.amountMinor)).toEqual([150_000]);
  });

  it('keeps a request pending through failing queries, then records the success once', async () => {
    const s = await w.subscriber();
    w.daraja.scriptStk({ resultCode: 0, pendingQueries: 0 });
    const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
    expect(req.status).toBe('pending');
    w.daraja.failNext(3, { status: 429, errorCode: '500.003.02', errorMessage: 'Spike arrest violation' });
    const done = await w.scope((sc) => pollStk(sc, req.id, w.sleeper));
    expect(done).toMatchObject({ status: 'succeeded', errorCode: null });
    expect((await credits(s.id)).map((c) => c.amountMinor)).toEqual([150_000]);
  });

  it('ends a push to an unreachable Daraja as failed / unreachable, with nothing paid', async () => {
    const s = await w.subscriber();
    const current = await w.scope((sc) => getMpesaSettings(sc));
    await w.scope((sc) => updateMpesaSettings(sc, { ...current, baseUrl: 'http://127.0.0.1:1' }));
    try {
      const req = await w.scope((sc) => requestStk(sc, { subscriberId: s.id, phone: '0708374149', amountMinor: 150_000, accountRef: null }));
      expect(req).toMatchObject({ status: 'failed', errorCode: 'unreachable', paymentId: null });
    } finally {
      await w.scope((sc) => updateMpesaSettings(sc, { ...current, baseUrl: w.daraja.url }));
    }
    expect(await credits(s.id)).toEqual([]);
  });
});
