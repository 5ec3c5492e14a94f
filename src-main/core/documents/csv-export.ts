/**
 * The payments lists as CSV (issue 10 §7: "CSV export of each list"), made in main for the filters on
 * screen so the file holds every row, not the page shown. One writer for every list: csv-stringify quotes
 * what needs quoting, and cells a spreadsheet would run as a formula are kept text.
 */
import { stringify } from 'csv-stringify/sync';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { PaymentItem } from '@shared/contract/payments';
import { minorDigits } from '@shared/domain/money';
import type { TenantScope } from '../context';
import { dailyCollections } from '../payments/collections';
import { listPayments, type PaymentFilter } from '../payments/payment-repo';
import { receiptNumberOf } from './receipt-number';

type Cell = string | number;
/** The most rows one export holds; a bigger list is narrowed by its filters first. */
export const CSV_MAX_ROWS = 100_000;
const PAGE = 500;

// Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text (OWASP "CSV injection").
function safe(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d/.test(v) ? `'${v}` : v;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify(rows.map((r) => r.map(safe)), { header: true, columns: [...columns] });
}

/** Integer minor units as a plain decimal a spreadsheet sums: 250000 KES → "2500.00". */
export function decimal(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** Every payment of the filter, walked through the paging helper page by page. */
async function allPayments(scope: TenantScope, f: PaymentFilter, order: 'asc' | 'desc'): Promise<PaymentItem[]> {
  const out: PaymentItem[] = [];
  for (let page = 1; out.length < CSV_MAX_ROWS; page++) {
    const p = await listPayments(scope.db, f, { page, pageSize: PAGE }, order);
    out.push(...p.items);
    if (p.items.length < PAGE) break;
  }
  return out.slice(0, CSV_MAX_ROWS);
}

const PAYMENT_COLUMNS = ['receivedAt', 'paidAt', 'method', 'channel', 'reference', 'receiptNumber', 'amount', 'currency', 'status',
  'accountNumber', 'subscriber', 'accountRef', 'phone', 'payer', 'recordedBy', 'note', 'decisionReason'] as const;

function paymentRow(p: PaymentItem, currency: string): Cell[] {
  return [p.receivedAt, p.paidAt, p.provider, p.channel, p.reference, p.status === 'applied' ? receiptNumberOf(p.id) : '',
    decimal(p.amountMinor, currency), currency, p.status, p.accountNumber ?? '', p.subscriberName ?? '', p.accountRef ?? '', p.phone ?? '',
    p.payerName ?? '', p.recordedBy.name, p.note ?? '', p.decisionReason ?? ''];
}

export async function exportPaymentsCsv(scope: TenantScope, input: ParsedInputOf<'payments.export.csv'>): Promise<OutputOf<'payments.export.csv'>> {
  const currency = scope.tenant.currency;
  if (input.list === 'collections') {
    const c = await dailyCollections(scope, { day: input.day });
    const rows: Cell[][] = [
      ...c.byMethod.map((m) => ['method', m.method, m.count, decimal(m.totalMinor, currency), currency]),
      ...c.byStaff.map((s) => ['recordedBy', s.name, s.count, decimal(s.totalMinor, currency), currency]),
      ['total', '', c.count, decimal(c.totalMinor, currency), currency],
      ['unapplied', '', '', decimal(c.unappliedMinor, currency), currency],
    ];
    return { fileName: `collections-${c.day}.csv`, csv: toCsv(['group', 'name', 'count', 'amount', 'currency'], rows), rows: rows.length };
  }
  const day = scope.core.clock.now().toISOString().slice(0, 10);
  const items = input.list === 'unmatched'
    ? await allPayments(scope, { status: 'unmatched' }, 'asc')
    : await allPayments(scope, { from: input.from, to: input.to, provider: input.provider, status: input.status, staffId: input.staffId, subscriberId: input.subscriberId }, 'desc');
  return {
    fileName: `${input.list}-${day}.csv`,
    csv: toCsv(PAYMENT_COLUMNS, items.map((p) => paymentRow(p, currency))),
    rows: items.length,
  };
}
