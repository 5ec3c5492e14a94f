/**
 * M-Pesa organisation portal statement → payment rows. Works row by row (the file readers in core stream
 * CSV/XLSX rows into `push`), maps columns by header name (mpesa-ingestion.md §1: "never by position") and
 * never throws: a bad row becomes a row issue, a file with no statement header one file-level issue.
 */
import { normaliseReceipt, parseMpesaAmount, parseStatementTime, splitParty } from './mpesa-values';

export type StatementCell = string | number | boolean | Date | null | undefined;

export interface StatementPayment {
  /** 1-based row number in the file (header and preamble rows counted). */
  line: number;
  receipt: string;
  completedAt: string;
  paidInMinor: number;
  details: string;
  accountRef: string | null;
  phone: string | null;
  phoneMasked: string | null;
  payerName: string | null;
}

export const STATEMENT_ROW_ERRORS = [
  'receipt-missing', 'receipt-invalid', 'amount-invalid', 'time-invalid', 'currency-unknown',
] as const;
export type StatementRowError = (typeof STATEMENT_ROW_ERRORS)[number];

/** Rows that are real statement lines but not money in for a customer. */
export const STATEMENT_SKIP_REASONS = [
  'withdrawal', 'internal-transfer', 'reversal', 'not-completed', 'repeated-in-file',
] as const;
export type StatementSkipReason = (typeof STATEMENT_SKIP_REASONS)[number];

export interface StatementRowIssue { line: number; receipt: string | null; code: StatementRowError; value: string | null }
export interface StatementSkip { line: number; receipt: string; reason: StatementSkipReason }

export type StatementFileError = 'not-a-statement' | 'empty' | 'unsupported-format';

export interface StatementParse {
  payments: StatementPayment[];
  issues: StatementRowIssue[];
  skipped: StatementSkip[];
  fileError: StatementFileError | null;
}

type Field =
  | 'receipt' | 'completed' | 'initiated' | 'details' | 'status' | 'paidIn' | 'withdrawn' | 'otherParty'
  | 'account' | 'currency';

/** Header names seen across the variants (§1a legacy, §1b new template, §1c Mifos / daily files, §2 merchant). */
const HEADERS: Record<string, Field> = {
  'receipt no': 'receipt', 'receipt': 'receipt', 'receipt number': 'receipt', 'receipt_number': 'receipt',
  'completion time': 'completed', 'date': 'completed', 'completion_time': 'completed',
  'initiation time': 'initiated', 'start_timestamp': 'initiated',
  'details': 'details', 'transaction_party_details': 'details',
  'transaction status': 'status', 'status': 'status',
  'paid in': 'paidIn', 'credit_amount': 'paidIn',
  'withdrawn': 'withdrawn', 'debit_amount': 'withdrawn',
  'other party info': 'otherParty', 'other party': 'otherParty',
  'a/c no': 'account', 'account no': 'account', 'account number': 'account',
  'currency': 'currency',
};

/** "Paid In (KSHs)" → "paid in", "Receipt No." → "receipt no", BOM and case dropped. */
export function normaliseHeader(cell: StatementCell): string {
  return cellText(cell).replace(/^\ufeff/, '').replace(/\(.*?\)/g, '').replace(/[.:]+$/, '')
    .replace(/\s+/g, ' ').trim().toLowerCase();
}

function cellText(cell: StatementCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}

/** Header scan gives up after this many rows: the legacy preamble is ~6 rows, a few more tolerated. */
const HEADER_SCAN_ROWS = 40;

/** Paybill Details: `... - JOHN DOE Acc. 12345[ via WEB by ...]`; the account may hold spaces or be empty. */
const DETAILS_ACCOUNT = /\bAcc\.\s*(.*?)(?:\s+via\s+\S+\s+by\b.*)?$/i;
/** Details party: `<type> from|by <party>[ Acc. ...]`. */
const DETAILS_PARTY = /\b(?:from|by)\s+(.+?)(?:\s+(?:Acc\.|Customer Merchant Payment\b).*)?$/i;
/** Sweeps between the organisation's own accounts come as in/out pairs under one receipt (§1b). */
const INTERNAL_TRANSFER = /(?:settlement account|mmf account|utility account to|working account to)/i;
const REVERSAL = /\breversal\b/i;

export class StatementParser {
  private columns: Partial<Record<Field, number>> | null = null;
  private line = 0;
  private sawAnyRow = false;
  private readonly seen = new Set<string>();
  readonly result: StatementParse = { payments: [], issues: [], skipped: [], fileError: null };

  /** One raw row (array of cells) in file order. */
  push(cells: readonly StatementCell[]): void {
    this.line += 1;
    if (cells.every((c) => cellText(c) === '')) return;
    this.sawAnyRow = true;
    if (!this.columns) {
      if (this.line <= HEADER_SCAN_ROWS) this.columns = detectHeader(cells);
      return;
    }
    this.readRow(cells);
  }

  finish(): StatementParse {
    if (!this.columns) this.result.fileError = this.sawAnyRow ? 'not-a-statement' : 'empty';
    return this.result;
  }

  private readRow(cells: readonly StatementCell[]): void {
    const cols = this.columns!;
    const at = (f: Field): StatementCell => (cols[f] === undefined ? undefined : cells[cols[f]]);
    const text = (f: Field): string => cellText(at(f));
    const skip = (receipt: string, reason: StatementSkipReason): void => {
      this.result.skipped.push({ line: this.line, receipt, reason });
    };
    const issue = (code: StatementRowError, value: string | null, receipt: string | null): void => {
      this.result.issues.push({ line: this.line, receipt, code, value });
    };

    const receiptText = text('receipt');
    if (receiptText === '') return issue('receipt-missing', null, null);
    const receipt = normaliseReceipt(receiptText);
    if (!receipt) return issue('receipt-invalid', receiptText.slice(0, 40), null);

    const details = text('details').replace(/\s+/g, ' ');
    const status = text('status');
    if (status !== '' && !/^completed$/i.test(status)) {
      return skip(receipt, 'not-completed');
    }
    const currency = text('currency');
    if (currency !== '' && !/^(?:KES|KSH|KSHS)$/i.test(currency)) return issue('currency-unknown', currency.slice(0, 10), receipt);

    const paidInCell = at('paidIn');
    const paidInMinor = cellText(paidInCell) === '' ? 0 : parseMpesaAmount(paidInCell);
    if (paidInMinor === null) return issue('amount-invalid', cellText(paidInCell).slice(0, 40), receipt);
    const withdrawnCell = at('withdrawn');
    if (cellText(withdrawnCell) !== '' && parseMpesaAmount(withdrawnCell) === null) {
      return issue('amount-invalid', cellText(withdrawnCell).slice(0, 40), receipt);
    }
    if (INTERNAL_TRANSFER.test(details)) return skip(receipt, 'internal-transfer');
    if (REVERSAL.test(details)) return skip(receipt, 'reversal');
    // Charge twins and money leaving have no positive Paid In (Withdrawn negative or a negative Paid In).
    if (paidInMinor <= 0) return skip(receipt, 'withdrawal');

    const completedCell = text('completed') !== '' ? at('completed') : at('initiated');
    const completedAt = parseStatementTime(completedCell);
    if (!completedAt) return issue('time-invalid', cellText(completedCell).slice(0, 40) || null, receipt);

    if (this.seen.has(receipt)) return skip(receipt, 'repeated-in-file');
    this.seen.add(receipt);

    const partyText = text('otherParty');
    const fromDetails = DETAILS_PARTY.exec(details)?.[1] ?? '';
    // Merchant statements name the shop in Other Party; the customer is then only in Details (§2).
    const columnParty = splitParty(partyText);
    const partyFromColumn = columnParty.phone || columnParty.phoneMasked ? columnParty : null;
    const detailsParty = splitParty(fromDetails);
    const party = partyFromColumn ? { ...partyFromColumn, name: partyFromColumn.name ?? detailsParty.name } : detailsParty;
    this.result.payments.push({
      line: this.line,
      receipt,
      completedAt,
      paidInMinor,
      details,
      accountRef: accountOf(at('account'), details),
      phone: party.phone,
      phoneMasked: party.phoneMasked,
      payerName: party.name,
    });
  }
}

function detectHeader(cells: readonly StatementCell[]): Partial<Record<Field, number>> | null {
  const cols: Partial<Record<Field, number>> = {};
  cells.forEach((cell, i) => {
    const field = HEADERS[normaliseHeader(cell)];
    if (field && cols[field] === undefined) cols[field] = i;
  });
  const hasTime = cols.completed !== undefined || cols.initiated !== undefined;
  return cols.receipt !== undefined && cols.paidIn !== undefined && hasTime ? cols : null;
}

/** `A/C No.` wins; a reader may have turned it into `850060.0` (§1a). Else `Acc. …` from Details. */
function accountOf(cell: StatementCell, details: string): string | null {
  let account = typeof cell === 'number' ? String(cell) : cellText(cell);
  account = account.replace(/^(\d+)\.0+$/, '$1').replace(/\s+/g, ' ').trim();
  if (account === '') account = (DETAILS_ACCOUNT.exec(details)?.[1] ?? '').trim();
  return account === '' ? null : account.slice(0, 64);
}

/** Whole-table convenience for tests and small files. */
export function parseStatementRows(rows: Iterable<readonly StatementCell[]>): StatementParse {
  const parser = new StatementParser();
  for (const row of rows) parser.push(row);
  return parser.finish();
}
