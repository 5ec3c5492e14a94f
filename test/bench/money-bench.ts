/**
 * Money figures (issue 10 §9), each on its own fresh tenant file in a temp dir:
 * - `money.statement_import_50k_ms` (goal < 5,000): a 50,000-row CSV statement imported and applied
 *   (parse, dedupe, match, credit, renewals, router outbox, audit);
 * - `money.statement_reimport_new` (goal 0): rows newly applied when the same file is imported again;
 * - `money.apply_10k_payments_ms` (goal < 5,000): 10,000 payments through the pipeline, each buying a
 *   renewal (ledger credit + debit, expiry, outbox entry);
 * - `money.wallet_balance_p95_ms` (goal < 5): the wallet (balance + first page) of a subscriber with
 *   10,000 ledger entries, p95 over repeated reads.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemActor } from '../../src-main/core/context';
import { withTenantScope } from '../../src-main/core/tenancy/scope';
import { applyStatement } from '../../src-main/core/mpesa/statement-import';
import { ingestPayments, type IncomingPayment } from '../../src-main/core/payments/pipeline';
import { appendEntries, type NewEntry } from '../../src-main/core/payments/ledger';
import { getWallet } from '../../src-main/core/payments/wallet';
import { makeTempDir } from '../fixtures/temp-dir';
import { writeStatementCsv } from '../fixtures/mpesa/make-statement';
import { bootMoneyCore, PRICE_MINOR, seedMoneyTenant } from '../fixtures/money/money-tenant';
import { defineBench, type Log } from './figures';

export interface MoneySizes {
  statementRows: number;
  statementSubscribers: number;
  payments: number;
  walletEntries: number;
  walletReads: number;
}

export const FULL_SIZES: MoneySizes = { statementRows: 50_000, statementSubscribers: 5_000, payments: 10_000, walletEntries: 10_000, walletReads: 200 };

const actor = systemActor('system:mpesa');

async function withMoneyTenant<T>(subscribers: number, fn: (run: <R>(f: Parameters<typeof withTenantScope<R>>[3]) => Promise<R>, t: Awaited<ReturnType<typeof seedMoneyTenant>>, dir: string) => Promise<T>): Promise<T> {
  const temp = makeTempDir('isp-desk-money-bench-');
  try {
    const booted = await bootMoneyCore(temp.dir);
    try {
      const t = await seedMoneyTenant(booted, { subscribers, expiresAt: (_i, now) => new Date(now.getTime() + 5 * 86_400_000).toISOString() });
      return await fn((f) => withTenantScope(booted.core, t.tenantId, actor, f), t, temp.dir);
    } finally {
      await booted.close();
    }
  } finally {
    temp.remove();
  }
}

/** Imports a statement of `rows` rows over `subscribers` accounts, then the same file again. */
export async function measureStatementImport(rows: number, subscribers: number): Promise<{ ms: number; applied: number; unmatched: number; reimportNew: number }> {
  return withMoneyTenant(subscribers, async (run, t, dir) => {
    const path = join(dir, 'statement.csv');
    writeStatementCsv(path, rows, t.subscribers.map((s) => s.accountNumber));
    const t0 = performance.now();
    const first = await run((s) => applyStatement(s, path, 'statement.csv'));
    const ms = performance.now() - t0;
    if (first.applied + first.unmatched !== rows) throw new Error(`statement import applied ${first.applied} + unmatched ${first.unmatched} of ${rows} rows`);
    const again = await run((s) => applyStatement(s, path, 'statement.csv'));
    return { ms, applied: first.applied, unmatched: first.unmatched, reimportNew: again.applied + again.unmatched };
  });
}

/** `n` payments of one period's price each, to `n` different subscribers: each renews and queues its secret. */
export async function measureApplyPayments(n: number): Promise<{ ms: number; outbox: number }> {
  return withMoneyTenant(n, async (run, t) => {
    const list: IncomingPayment[] = t.subscribers.map((s, i) => ({
      provider: 'mpesa', reference: `BNC${String(i).padStart(7, '0')}`, amountMinor: PRICE_MINOR, paidAt: '2026-11-27T07:00:00.000Z',
      accountRef: s.accountNumber, phone: null, phoneHash: null, payerName: 'BENCH PAYER', channel: 'c2b',
    }));
    const t0 = performance.now();
    const out = await run((s) => ingestPayments(s, list));
    const ms = performance.now() - t0;
    const applied = out.filter((o) => o.status === 'applied').length;
    if (applied !== n) throw new Error(`only ${applied} of ${n} payments applied`);
    const outbox = await run(async (s) => Number((await s.db.selectFrom('routerOutbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    return { ms, outbox };
  });
}

/** p95 of reading the wallet (balance + newest page) of one subscriber with `entries` ledger entries. */
export async function measureWalletBalanceP95(entries: number, reads: number): Promise<{ p95: number; balanceMinor: number }> {
  return withMoneyTenant(1, async (run, t) => {
    const sub = t.subscribers[0]!;
    const list: NewEntry[] = Array.from({ length: entries }, (_, i) => (i % 2 === 0
      ? { kind: 'credit', amountMinor: 10_000 + i, source: 'manual', reference: `B${i}` }
      : { kind: 'debit', amountMinor: -10_000, source: 'renewal', reference: `B${i}` }));
    await run((s) => s.db.transaction().execute((trx) => appendEntries(trx, sub.id, list, actor, s.core.clock.now())));
    const times: number[] = [];
    let balanceMinor = 0;
    for (let i = 0; i < reads + 5; i++) {
      const t0 = performance.now();
      const w = await run((s) => getWallet(s, { subscriberId: sub.id, page: 1, pageSize: 20 }));
      if (i >= 5) times.push(performance.now() - t0); // the first reads warm the file and statement caches
      balanceMinor = w.balanceMinor;
    }
    times.sort((a, b) => a - b);
    return { p95: times[Math.min(times.length - 1, Math.floor(0.95 * times.length))]!, balanceMinor };
  });
}

export async function runMoneyBench(log: Log, sizes: MoneySizes = FULL_SIZES): Promise<Record<'money.statement_import_50k_ms' | 'money.statement_reimport_new' | 'money.apply_10k_payments_ms' | 'money.wallet_balance_p95_ms', number>> {
  const imp = await measureStatementImport(sizes.statementRows, sizes.statementSubscribers);
  log(`  statement import, ${sizes.statementRows.toLocaleString()} CSV rows (${imp.applied} applied, ${imp.unmatched} unmatched): ${imp.ms.toFixed(0)} ms ${imp.ms < 5000 ? '(goal met)' : '(GOAL MISSED)'}`);
  log(`  same file again: ${imp.reimportNew} rows newly applied ${imp.reimportNew === 0 ? '(goal met)' : '(GOAL MISSED)'}`);
  const pay = await measureApplyPayments(sizes.payments);
  log(`  ${sizes.payments.toLocaleString()} payments with renewals (${pay.outbox} outbox entries): ${pay.ms.toFixed(0)} ms ${pay.ms < 5000 ? '(goal met)' : '(GOAL MISSED)'}`);
  const wal = await measureWalletBalanceP95(sizes.walletEntries, sizes.walletReads);
  log(`  wallet of a subscriber with ${sizes.walletEntries.toLocaleString()} entries, p95 of ${sizes.walletReads}: ${wal.p95.toFixed(2)} ms ${wal.p95 < 5 ? '(goal met)' : '(GOAL MISSED)'}`);
  return {
    'money.statement_import_50k_ms': Math.round(imp.ms),
    'money.statement_reimport_new': imp.reimportNew,
    'money.apply_10k_payments_ms': Math.round(pay.ms),
    'money.wallet_balance_p95_ms': Math.round(wal.p95 * 1000) / 1000,
  };
}

export const moneyBench = defineBench({
  title: 'Money: statement import, payments with renewals, wallet balance',
  keys: ['money.statement_import_50k_ms', 'money.statement_reimport_new', 'money.apply_10k_payments_ms', 'money.wallet_balance_p95_ms'],
  run: (log) => runMoneyBench(log),
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMoneyBench((l) => console.log(l)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
