import { describe, expect, it } from 'vitest';
import { STK_ERROR_CODES } from '@shared/domain/mpesa-stk';
import { STATEMENT_ROW_ERRORS, STATEMENT_SKIP_REASONS } from '@shared/domain/mpesa-statement';
import { en } from '../../../src-renderer/app/locales/en';
import { summariseSms, summariseStatement, type SmsPreviewRow, type StatementPreview } from '../../../src-renderer/features/mpesa/import-summary';
import { toSettingsInput, valuesOf } from '../../../src-renderer/features/mpesa/settings-values';

const skipped = { withdrawal: 0, 'internal-transfer': 0, reversal: 0, 'not-completed': 0, 'repeated-in-file': 0 };
const preview = (over: Partial<StatementPreview>): StatementPreview => ({
  rows: 0, newCount: 0, duplicateCount: 0, unmatchedCount: 0, errorCount: 0, skipped, issues: [], ...over,
});
const sms = (fate: SmsPreviewRow['fate'], amountMinor: number | null, index: number): SmsPreviewRow => ({
  index, receipt: null, fate, reason: fate === 'ignored' ? 'not-mpesa' : null, amountMinor, paidAt: null, name: null, accountRef: null,
});

describe('statement preview summary', () => {
  it('lists the skip reasons that occurred, largest first, and totals them', () => {
    const s = summariseStatement(preview({ rows: 3, newCount: 2, unmatchedCount: 1, skipped: { ...skipped, reversal: 1, withdrawal: 4 } }));
    expect(s.skipped).toEqual([{ reason: 'withdrawal', count: 4 }, { reason: 'reversal', count: 1 }]);
    expect(s.skippedCount).toBe(5);
    expect(s.nothingToApply).toBe(false);
  });

  it('says there is nothing to apply when every payment is already known (a re-import)', () => {
    expect(summariseStatement(preview({ rows: 2, duplicateCount: 2 })).nothingToApply).toBe(true);
    expect(summariseStatement(preview({ rows: 1, unmatchedCount: 1 })).nothingToApply).toBe(false);
  });

  it('notices when main listed fewer row issues than the file has', () => {
    const issue = { line: 4, receipt: null, code: 'amount-invalid' as const, value: 'abc' };
    expect(summariseStatement(preview({ errorCount: 300, issues: [issue] })).issuesTruncated).toBe(true);
    expect(summariseStatement(preview({ errorCount: 1, issues: [issue] })).issuesTruncated).toBe(false);
  });
});

describe('SMS preview summary', () => {
  it('counts messages by fate and adds up the money that would be written', () => {
    const s = summariseSms([sms('new', 150_000, 0), sms('unmatched', 4_000, 1), sms('duplicate', 9_900, 2), sms('ignored', null, 3)]);
    expect(s).toEqual({ new: 1, duplicate: 1, unmatched: 1, ignored: 1, incomingMinor: 154_000, nothingToApply: false });
    expect(summariseSms([sms('duplicate', 100, 0), sms('ignored', null, 1)]).nothingToApply).toBe(true);
  });
});

describe('M-Pesa settings form values', () => {
  const saved = {
    configured: true, accountType: 'paybill' as const, shortcode: '174379', till: null, environment: 'sandbox' as const, baseUrl: null,
    callbackUrl: null, c2bRejectUnknown: false, hasConsumerKey: true, hasConsumerSecret: true, hasPasskey: true,
  };

  it('keeps sealed secrets by omitting empty secret fields and sends nulls for empty addresses', () => {
    const out = toSettingsInput(valuesOf(saved));
    expect(out.fields).toBeNull();
    expect(out.input).toEqual({ accountType: 'paybill', shortcode: '174379', till: null, environment: 'sandbox', baseUrl: null, callbackUrl: null, c2bRejectUnknown: false });
  });

  it('puts the contract’s messages on the fields at fault', () => {
    const out = toSettingsInput({ ...valuesOf(saved), shortcode: '12', baseUrl: 'not a url', accountType: 'buygoods', passkey: 'p' });
    expect(out.input).toBeNull();
    expect(out.fields).toMatchObject({ shortcode: 'Enter the shortcode (5 to 8 digits)', baseUrl: 'Enter a full http(s) URL', till: 'Required' });
  });

  it('sends a typed secret and the till of a Buy Goods account', () => {
    const out = toSettingsInput({ ...valuesOf(saved), accountType: 'buygoods', till: ' 5550001 ', consumerKey: 'new key' });
    expect(out.input).toMatchObject({ accountType: 'buygoods', till: '5550001', consumerKey: 'new key' });
    expect(out.input).not.toHaveProperty('passkey');
  });
});

describe('M-Pesa words', () => {
  it('has words for every STK error code, statement row error and skip reason', () => {
    for (const c of STK_ERROR_CODES) expect(en.mpesa.stk.result[c]).toBeTruthy();
    for (const c of STATEMENT_ROW_ERRORS) expect(en.mpesa.statement.issue[c]).toBeTruthy();
    for (const c of STATEMENT_SKIP_REASONS) expect(en.mpesa.statement.skipReason[c]).toBeTruthy();
  });
});
