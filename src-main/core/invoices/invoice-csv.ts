import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { InvoiceSummary } from '@shared/contract/invoices';
import type { TenantScope } from '../context';
import { CSV_MAX_ROWS, decimal, toCsv } from '../documents/csv-export';
import { listInvoices } from './invoice-repo';

const PAGE = 500;
const COLUMNS = ['number', 'status', 'accountNumber', 'subscriber', 'period', 'issuedAt', 'dueAt', 'subtotal', 'vat', 'total', 'paid', 'balanceDue', 'currency', 'createdAt'] as const;

function row(i: InvoiceSummary, currency: string): (string | number)[] {
  return [i.number ?? '', i.status, i.accountNumber, i.subscriberName, i.periodKey ?? '', i.issuedAt ?? '', i.dueAt, decimal(i.subtotalMinor, currency),
    decimal(i.vatMinor, currency), decimal(i.totalMinor, currency), decimal(i.paidMinor, currency), decimal(i.balanceDueMinor, currency), currency, i.createdAt];
}

/**
 * The invoices list as CSV for the filters on screen (issue 10 §7), through the one CSV writer of
 * core/documents; every row of the filter, walked page by page through the same list query the screen uses.
 */
export async function exportInvoicesCsv(scope: TenantScope, input: ParsedInputOf<'invoices.export.csv'>): Promise<OutputOf<'invoices.export.csv'>> {
  const items: InvoiceSummary[] = [];
  for (let page = 1; items.length < CSV_MAX_ROWS; page++) {
    const p = await listInvoices(scope.db, { page, pageSize: PAGE, ...input });
    items.push(...p.items);
    if (p.items.length < PAGE) break;
  }
  const currency = scope.tenant.currency;
  const rows = items.slice(0, CSV_MAX_ROWS);
  const day = scope.core.clock.now().toISOString().slice(0, 10);
  return { fileName: `invoices-${day}.csv`, csv: toCsv(COLUMNS, rows.map((i) => row(i, currency))), rows: rows.length };
}
