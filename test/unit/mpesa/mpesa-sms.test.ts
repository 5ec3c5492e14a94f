import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMpesaSms, parseMpesaSmsBatch } from '@shared/domain/mpesa-sms';
import { IGNORED_SMS, RECEIVED_SMS } from '../../fixtures/mpesa/sms-samples';

describe('M-Pesa confirmation SMS parser', () => {
  for (const sample of RECEIVED_SMS) {
    it(`reads ${sample.kind}`, () => {
      const result = parseMpesaSms(sample.text);
      expect(result).toEqual({ ok: true, sms: sample.expect });
    });
  }

  it('ignores money going out, balance and reversal messages, with the reason', () => {
    const reasons = IGNORED_SMS.map((text) => { const r = parseMpesaSms(text); return r.ok ? 'parsed' : r.reason; });
    expect(reasons).toEqual(['not-money-in', 'not-money-in', 'not-money-in', 'not-money-in', 'not-money-in', 'not-mpesa']);
  });

  it('splits a paste of several messages and keeps each receipt', () => {
    const paste = [RECEIVED_SMS[0]!.text, IGNORED_SMS[0]!, RECEIVED_SMS[1]!.text, RECEIVED_SMS[4]!.text].join('\n\n');
    const results = parseMpesaSmsBatch(paste);
    expect(results.map((r) => (r.ok ? r.sms.receipt : `skip:${r.receipt}`)))
      .toEqual(['PK3XXXXX39', 'skip:TCO3V7DGN3', 'QAI1XXXX7Z', 'TJF9XXXX8C']);
  });

  it('reads a received message whose date or amount is broken as unreadable, not as a payment', () => {
    const r = parseMpesaSms('QAI1XXXX7Z Confirmed.on 31/2/22 at 3:57 PMKsh40.00 received from 254700000001 JOHN DOE.');
    expect(r).toEqual({ ok: false, reason: 'unreadable', receipt: 'QAI1XXXX7Z' });
    const zero = parseMpesaSms('QAI1XXXX7Z Confirmed.on 1/2/22 at 3:57 PMKsh0.00 received from 254700000001 JOHN DOE.');
    expect(zero.ok).toBe(false);
  });

  it('never throws on arbitrary text, and every payment it reads has a positive amount and a receipt', () => {
    const pieces = fc.constantFrom('Confirmed.', ' received from ', 'Ksh1,0', '00.00', ' on 1/2/26 at 9:15 AM', 'JOHN', ' 0715***897', 'Account Number ', ' New Utility balance', 'UJ2XXXXXM3 ', '\n', '*', '(');
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), pieces), { maxLength: 12 }), (parts) => {
      for (const r of parseMpesaSmsBatch(parts.join(''))) {
        if (r.ok) {
          expect(r.sms.amountMinor).toBeGreaterThan(0);
          expect(r.sms.receipt).toMatch(/^[A-Z0-9]{8,12}$/);
          expect(Number.isNaN(Date.parse(r.sms.paidAt))).toBe(false);
        }
      }
    }), { numRuns: 500 });
  });
});
