/**
 * Pasted or forwarded M-Pesa confirmation SMS (issue 10 §4b): the same preview / apply as a statement,
 * keyed by the receipt code. Messages that are not money in (sent, paid, balance, reversal) are listed as
 * ignored with their reason, never applied.
 */
import { parseMpesaSmsBatch, type MpesaSmsRejection } from '@shared/domain/mpesa-sms';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { applyCandidates, classifyCandidates, type ApplyCounts, type ImportCandidate } from './import-rows';

export interface SmsPreviewRow {
  index: number;
  receipt: string | null;
  fate: 'new' | 'duplicate' | 'unmatched' | 'ignored';
  reason: MpesaSmsRejection | null;
  amountMinor: number | null;
  paidAt: string | null;
  name: string | null;
  accountRef: string | null;
}

function read(text: string): { rows: SmsPreviewRow[]; candidates: ImportCandidate[]; at: number[] } {
  const rows: SmsPreviewRow[] = [];
  const candidates: ImportCandidate[] = [];
  const at: number[] = [];
  parseMpesaSmsBatch(text).forEach((r, index) => {
    if (!r.ok) {
      rows.push({ index, receipt: r.receipt, fate: 'ignored', reason: r.reason, amountMinor: null, paidAt: null, name: null, accountRef: null });
      return;
    }
    const s = r.sms;
    at.push(rows.length);
    rows.push({ index, receipt: s.receipt, fate: 'new', reason: null, amountMinor: s.amountMinor, paidAt: s.paidAt, name: s.name, accountRef: s.accountRef });
    candidates.push({
      phoneMasked: s.phoneMasked,
      payment: {
        provider: 'mpesa', reference: s.receipt, amountMinor: s.amountMinor, paidAt: s.paidAt, accountRef: s.accountRef,
        phone: s.phone, phoneHash: null, payerName: s.name, channel: 'sms',
      },
    });
  });
  return { rows, candidates, at };
}

export async function previewSms(scope: TenantScope, text: string): Promise<SmsPreviewRow[]> {
  const { rows, candidates, at } = read(text);
  const fates = await classifyCandidates(scope, candidates);
  fates.forEach((fate, i) => { rows[at[i]!]!.fate = fate; });
  return rows;
}

export async function applySms(scope: TenantScope, text: string): Promise<ApplyCounts & { ignored: number }> {
  const { rows, candidates } = read(text);
  const counts = await applyCandidates(scope, candidates);
  const ignored = rows.filter((r) => r.fate === 'ignored').length;
  await appendAudit(scope.db, scope.core.clock, scope.actor, {
    action: 'mpesa.sms-imported', summary: `M-Pesa SMS: ${counts.applied} applied, ${counts.unmatched} unmatched, ${counts.duplicate} already known, ${ignored} ignored`,
    targetType: 'mpesa', targetId: 'sms', details: { ...counts, ignored },
  });
  return { ...counts, ignored };
}
