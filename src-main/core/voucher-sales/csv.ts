import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import { decimal, toCsv, CSV_MAX_ROWS } from '../documents/csv-export';
import { agentStatement } from './agents';
import { revenueReport, stockReport } from './reports';

type Cell = string | number;
const PAGE = 500;

/** Every page of a paged report, up to the CSV cap. */
async function all<T>(read: (page: number) => Promise<{ items: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; out.length < CSV_MAX_ROWS; page++) {
    const p = await read(page);
    out.push(...p.items);
    if (p.items.length < PAGE) break;
  }
  return out.slice(0, CSV_MAX_ROWS);
}

/** The voucher reports as CSV through the one CSV writer of the payments lists (quoting, formula cells kept text). */
export async function exportVoucherCsv(scope: TenantScope, input: ParsedInputOf<'vouchers.export.csv'>): Promise<OutputOf<'vouchers.export.csv'>> {
  const currency = scope.tenant.currency;
  const money = (m: number) => decimal(m, currency);
  if (input.report === 'stock') {
    const rows = await all((page) => stockReport(scope, { page, pageSize: PAGE }));
    const cells: Cell[][] = rows.map((r) => [r.planName, money(r.priceMinor), r.available, r.sold, r.used, r.revoked, r.lowStock ?? '', r.low ? 'yes' : 'no']);
    const day = scope.core.clock.now().toISOString().slice(0, 10);
    return { fileName: `voucher-stock-${day}.csv`, csv: toCsv(['plan', 'price', 'available', 'sold', 'used', 'revoked', 'lowStock', 'low'], cells), rows: cells.length };
  }
  if (input.report === 'revenue') {
    const r = await revenueReport(scope, input);
    const cells: Cell[][] = [
      ...r.rows.map((x) => [input.by, x.label || (input.by === 'agent' ? 'walk-in' : ''), x.count, money(x.listTotalMinor), money(x.totalMinor), currency]),
      ['total', '', r.count, money(r.listTotalMinor), money(r.totalMinor), currency],
    ];
    return { fileName: `voucher-revenue-${input.by}-${input.from}-${input.to}.csv`, csv: toCsv(['group', 'name', 'vouchers', 'listAmount', 'paidAmount', 'currency'], cells), rows: cells.length };
  }
  const first = await agentStatement(scope, { agentId: input.agentId, page: 1, pageSize: PAGE });
  const entries = await all((page) => page === 1 ? Promise.resolve(first.entries) : agentStatement(scope, { agentId: input.agentId, page, pageSize: PAGE }).then((s) => s.entries));
  // Oldest first, as a statement reads.
  const cells: Cell[][] = entries.reverse().map((e) => [e.seq, e.createdAt, e.kind, money(e.amountMinor), money(e.balanceAfterMinor), currency, e.method ?? '', e.reference ?? '', e.reason ?? '', e.actor.name]);
  const slug = first.agent.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'agent';
  return {
    fileName: `agent-statement-${slug}.csv`,
    csv: toCsv(['seq', 'at', 'kind', 'amount', 'balanceAfter', 'currency', 'method', 'reference', 'reason', 'by'], cells), rows: cells.length,
  };
}
