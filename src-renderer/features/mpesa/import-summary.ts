import type { OutputOf } from '@shared/contract';

/**
 * What a statement or SMS preview says, reduced to the few numbers the screen words. Kept pure so the
 * counting (skipped rows by reason, messages by fate) is unit-tested apart from the components.
 */
export type StatementPreview = OutputOf<'mpesa.statement.preview'>;
export type SmsPreviewRow = OutputOf<'mpesa.sms.preview'>['rows'][number];

export interface StatementSummary {
  newCount: number;
  duplicateCount: number;
  unmatchedCount: number;
  errorCount: number;
  skippedCount: number;
  /** Skip reasons that occurred, largest first, for "12 withdrawals, 1 reversal". */
  skipped: { reason: string; count: number }[];
  /** Nothing would be written: every payment is already known and there is nothing new or unmatched. */
  nothingToApply: boolean;
  /** Issues listed are fewer than the file has (main returns at most 200). */
  issuesTruncated: boolean;
}

export function summariseStatement(p: StatementPreview): StatementSummary {
  const skipped = Object.entries(p.skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return {
    newCount: p.newCount,
    duplicateCount: p.duplicateCount,
    unmatchedCount: p.unmatchedCount,
    errorCount: p.errorCount,
    skippedCount: skipped.reduce((n, s) => n + s.count, 0),
    skipped,
    nothingToApply: p.newCount + p.unmatchedCount === 0,
    issuesTruncated: p.issues.length < p.errorCount,
  };
}

export interface SmsSummary {
  new: number;
  duplicate: number;
  unmatched: number;
  ignored: number;
  /** Total money in the messages that would be written (new + unmatched). */
  incomingMinor: number;
  nothingToApply: boolean;
}

export function summariseSms(rows: readonly SmsPreviewRow[]): SmsSummary {
  const out: SmsSummary = { new: 0, duplicate: 0, unmatched: 0, ignored: 0, incomingMinor: 0, nothingToApply: true };
  for (const r of rows) {
    out[r.fate] += 1;
    if ((r.fate === 'new' || r.fate === 'unmatched') && r.amountMinor !== null) out.incomingMinor += r.amountMinor;
  }
  out.nothingToApply = out.new + out.unmatched === 0;
  return out;
}
