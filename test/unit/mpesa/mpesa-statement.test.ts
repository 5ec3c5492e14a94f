import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatementRows, type StatementCell } from '@shared/domain/mpesa-statement';
import { readStatementFile } from '../../../src-main/core/mpesa/statement-file';
import { makeTempDir } from '../../fixtures/temp-dir';
import { writeLegacyXlsx, writeNewTemplateXlsx } from '../../fixtures/mpesa/statement-xlsx';
import { writeFileSync } from 'node:fs';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/mpesa', name);
const temp = makeTempDir('mpesa-statement-');
afterAll(() => temp.remove());

describe('M-Pesa statement: newer template (CSV, CRLF, text amounts, (KSHs) headers)', () => {
  it('reads customer payments and skips sweeps, bank withdrawals, failed rows and reversals with a reason', async () => {
    const r = await readStatementFile(fixture('Statements for 600000 from 2026-01-01 to 2026-01-01.csv'));
    expect(r.fileError).toBeNull();
    expect(r.issues).toEqual([]);
    expect(r.payments.map((p) => [p.receipt, p.paidInMinor, p.accountRef, p.phone, p.phoneMasked, p.payerName])).toEqual([
      ['UAB7XXXX01', 110_000, 'ACC 1001', '+254700000001', null, 'JOHN DOE'],
      ['UAB7XXXX02', 50_000, '1002', null, '2547****123', 'JANE DOE'],
      ['UAB7XXXX05', 25_000, null, '+254700000005', null, 'ACME LTD'],
      ['UAB7XXXX06', 200_000, '1006', '+254700000006', null, 'EQUITY BANK'],
    ]);
    expect(r.payments[0]!.completedAt).toBe('2026-01-01T15:40:11.000Z');
    expect(r.payments[0]!.line).toBe(2);
    expect(r.skipped.map((s) => [s.receipt, s.reason])).toEqual([
      ['UAB7XXXX03', 'internal-transfer'], ['UAB7XXXX03', 'internal-transfer'], ['UAB7XXXX04', 'withdrawal'],
      ['UAB7XXXX07', 'not-completed'], ['UAB7XXXX08', 'reversal'],
    ]);
  });

  it('reads the same file with a BOM identically', async () => {
    const plain = await readStatementFile(fixture('Statements for 600000 from 2026-01-01 to 2026-01-01.csv'));
    const bom = await readStatementFile(fixture('statement-new-template-bom.csv'));
    expect(bom).toEqual(plain);
  });

  it('reads the all-text XLSX of the template, keeping file line numbers across blank rows', async () => {
    const path = join(temp.dir, 'new.xlsx');
    await writeNewTemplateXlsx(path);
    const r = await readStatementFile(path);
    expect(r.payments.map((p) => [p.receipt, p.paidInMinor, p.completedAt])).toEqual([['UAB7XXXX01', 110_000, '2026-01-01T15:40:11.000Z']]);
    expect(r.skipped).toEqual([{ line: 4, receipt: 'UAB7XXXX04', reason: 'withdrawal' }]);
  });
});

describe('M-Pesa statement: legacy workbook', () => {
  it('finds the header after the preamble, reads numeric cells, masks, `850060.0` and leading-zero accounts', async () => {
    const r = await readStatementFile(fixture('statement-legacy.csv'));
    expect(r.fileError).toBeNull();
    expect(r.payments.map((p) => [p.line, p.receipt, p.paidInMinor, p.accountRef, p.phone, p.phoneMasked, p.payerName])).toEqual([
      [8, 'TAB1XXXX11', 100_000, '850060', null, '25470****111', 'JOHN DOE'],
      [10, 'TAB1XXXX12', 150_050, '0042', null, '010****222', 'jane doe'],
      [11, 'TAB1XXXX13', 45_000, '777', '+254700000013', null, 'PETER DOE'],
    ]);
    expect(r.payments[1]!.completedAt).toBe('2026-01-06T18:05:00.000Z');
    expect(r.skipped.map((s) => [s.receipt, s.reason])).toEqual([['TAB1XXXX11', 'withdrawal'], ['TAB1XXXX14', 'internal-transfer']]);
  });

  it('tolerates extra preamble and blank rows, and rejects an unknown currency per row', async () => {
    const r = await readStatementFile(fixture('statement-legacy-currency.csv'));
    expect(r.payments.map((p) => p.receipt)).toEqual(['TAB2XXXX21']);
    expect(r.issues).toEqual([{ line: 11, receipt: 'TAB2XXXX22', code: 'currency-unknown', value: 'USD' }]);
  });

  it('reads the XLSX workbook: statement sheet found, Date cells and Excel serials as Nairobi time', async () => {
    const path = join(temp.dir, 'legacy.xlsx');
    await writeLegacyXlsx(path);
    const r = await readStatementFile(path);
    expect(r.fileError).toBeNull();
    expect(r.payments.map((p) => [p.receipt, p.completedAt, p.paidInMinor, p.accountRef, p.payerName])).toEqual([
      ['TAX1XXXX01', '2026-01-05T07:20:30.000Z', 100_000, '850060', 'JOHN DOE'],
      ['TAX1XXXX02', '2026-01-06T09:00:00.000Z', 75_025, '0042', 'JANE DOE'],
    ]);
  });

  it('reads a merchant (till) statement: the customer from Details, not the shop in Other Party', async () => {
    const r = await readStatementFile(fixture('statement-merchant.csv'));
    expect(r.payments.map((p) => [p.receipt, p.paidInMinor, p.phoneMasked, p.payerName, p.completedAt])).toEqual([
      ['TAM1XXXX41', 35_000, '254721***933', 'JOHN DOE', '2026-01-03T16:02:11.000Z'],
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['withdrawal']);
  });
});

describe('M-Pesa statement: errors', () => {
  it('gives one issue per malformed row and still reads the good rows', async () => {
    const r = await readStatementFile(fixture('statement-bad-rows.csv'));
    expect(r.fileError).toBeNull();
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'receipt-missing'], [3, 'amount-invalid'], [4, 'time-invalid'], [5, 'receipt-invalid'], [6, 'amount-invalid'],
    ]);
    expect(r.skipped.map((s) => [s.receipt, s.reason])).toEqual([['UAC1XXXX36', 'withdrawal']]);
    expect(r.payments.map((p) => [p.receipt, p.paidInMinor])).toEqual([['UAC1XXXX37', 250_000]]);
  });

  it('refuses a file that is not a statement as a whole, with no rows', async () => {
    const r = await readStatementFile(fixture('not-a-statement.csv'));
    expect(r).toEqual({ payments: [], issues: [], skipped: [], fileError: 'not-a-statement' });
    const bin = join(temp.dir, 'random.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 255, 254, 34, 10, 34, 34, 44]));
    expect((await readStatementFile(bin)).fileError).toBe('not-a-statement');
    const xls = join(temp.dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await readStatementFile(xls)).fileError).toBe('unsupported-format');
    const broken = join(temp.dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect((await readStatementFile(broken)).fileError).toBe('not-a-statement');
  });

  it('never throws on arbitrary cells, and only positive, receipted, dated rows become payments', () => {
    const header: StatementCell[] = ['Receipt No', 'Completion Time', 'Details', 'Transaction Status', 'Paid In (KSHs)', 'Withdrawn (KSHs)', 'A/C No.', 'Currency'];
    const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.date(), fc.constantFrom('UAB7XXXX01', '1,100.00', '-5', 'Completed', '01-01-2026 10:00', 'KES', 'Acc. 12'));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 20 }), fc.boolean(), (rows, withHeader) => {
      const r = parseStatementRows(withHeader ? [header, ...rows] : rows);
      for (const p of r.payments) {
        expect(Number.isSafeInteger(p.paidInMinor) && p.paidInMinor > 0).toBe(true);
        expect(p.receipt).toMatch(/^[A-Z0-9]{8,12}$/);
        expect(Number.isNaN(Date.parse(p.completedAt))).toBe(false);
      }
    }), { numRuns: 300 });
  });
});
