/**
 * Statement import (issue 10 §4a): preview reads the file and says what applying would do (new / duplicate /
 * unmatched counts, per-row issues, skipped rows by reason) without writing; apply feeds the rows through the
 * payments pipeline, keyed by the receipt, so importing the same file again adds nothing. A file that is not a
 * statement is refused whole.
 */
import { AppError } from '@shared/domain/errors';
import type { StatementParse, StatementRowIssue, StatementSkipReason } from '@shared/domain/mpesa-statement';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { applyCandidates, classifyCandidates, type ApplyCounts, type ImportCandidate } from './import-rows';
import { readStatementFile } from './statement-file';

/** Issues returned in a preview; the counts always cover the whole file. */
export const MAX_PREVIEW_ISSUES = 200;

export interface StatementPreview {
  rows: number;
  newCount: number;
  duplicateCount: number;
  unmatchedCount: number;
  errorCount: number;
  skipped: Record<StatementSkipReason, number>;
  issues: StatementRowIssue[];
}

function candidatesOf(parse: StatementParse): ImportCandidate[] {
  return parse.payments.map((p) => ({
    phoneMasked: p.phoneMasked,
    payment: {
      provider: 'mpesa', reference: p.receipt, amountMinor: p.paidInMinor, paidAt: p.completedAt, accountRef: p.accountRef,
      phone: p.phone, phoneHash: null, payerName: p.payerName, channel: 'statement',
    },
  }));
}

async function readOrRefuse(path: string): Promise<StatementParse> {
  const parse = await readStatementFile(path);
  if (parse.fileError) throw new AppError('VALIDATION', 'mpesa.statement-rejected', { params: { reason: parse.fileError } });
  return parse;
}

function skippedCounts(parse: StatementParse): Record<StatementSkipReason, number> {
  const out: Record<StatementSkipReason, number> = { withdrawal: 0, 'internal-transfer': 0, reversal: 0, 'not-completed': 0, 'repeated-in-file': 0 };
  for (const s of parse.skipped) out[s.reason] += 1;
  return out;
}

export async function previewStatement(scope: TenantScope, path: string): Promise<StatementPreview> {
  const parse = await readOrRefuse(path);
  const fates = await classifyCandidates(scope, candidatesOf(parse));
  return {
    rows: parse.payments.length,
    newCount: fates.filter((f) => f === 'new').length,
    duplicateCount: fates.filter((f) => f === 'duplicate').length,
    unmatchedCount: fates.filter((f) => f === 'unmatched').length,
    errorCount: parse.issues.length,
    skipped: skippedCounts(parse),
    issues: parse.issues.slice(0, MAX_PREVIEW_ISSUES),
  };
}

export async function applyStatement(scope: TenantScope, path: string, fileName: string): Promise<ApplyCounts & { errorCount: number }> {
  const parse = await readOrRefuse(path);
  const counts = await applyCandidates(scope, candidatesOf(parse));
  await appendAudit(scope.db, scope.core.clock, scope.actor, {
    action: 'mpesa.statement-imported',
    summary: `M-Pesa statement ${fileName.slice(0, 120)}: ${counts.applied} applied, ${counts.unmatched} unmatched, ${counts.duplicate} already known`,
    targetType: 'mpesa', targetId: 'statement', details: { ...counts, errors: parse.issues.length },
  });
  return { ...counts, errorCount: parse.issues.length };
}
