import { describe, expect, it } from 'vitest';
import { moneyBench, runMoneyBench } from '../../bench/money-bench';

describe('bench money.* (statement import, 10k payments, wallet balance)', () => {
  // Listed in test/bench/run.ts; test-tooling/bench-figures checks the listed keys are well-formed and unique.
  it('reports exactly the keys issue 10 names', () => {
    expect(moneyBench.keys).toEqual(['money.statement_import_50k_ms', 'money.statement_reimport_new', 'money.apply_10k_payments_ms', 'money.wallet_balance_p95_ms']);
  });

  it('runs the real measurements at tiny sizes: a re-import applies nothing', async () => {
    const lines: string[] = [];
    const figures = await runMoneyBench((l) => lines.push(l), { statementRows: 60, statementSubscribers: 7, payments: 12, walletEntries: 30, walletReads: 3 });
    expect(figures['money.statement_reimport_new']).toBe(0);
    for (const v of Object.values(figures)) expect(Number.isFinite(v)).toBe(true);
    expect(lines.join('\n')).toContain('60 CSV rows (48 applied, 12 unmatched)');
    // One secret per renewed subscriber, plus the package's PPP profile queued when it was created.
    expect(lines.join('\n')).toContain('12 payments with renewals (13 outbox entries)');
  }, 60_000);
});
