import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSqlite } from '../../../src-main/core/db/open-sqlite';
import { formatLedgerReport, verifyLedgerFile } from '../../../src-main/core/payments/verify-file';
import { makeTempDir } from '../../fixtures/temp-dir';
import { mpesa, startPayWorld, type PayWorld } from './harness';

describe('ledger verify: re-derives every wallet and finds a file edited around the guards', () => {
  let w: PayWorld;
  const temp = makeTempDir();
  let subscriberId = '';
  beforeAll(async () => {
    w = await startPayWorld();
    const s = await w.subscriber();
    subscriberId = s.id;
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 170000 }), mpesa({ subscriberId: s.id, amountMinor: 40000 }), mpesa({ accountRef: 'nobody' })]);
  });
  afterAll(async () => {
    await w.close();
    temp.remove();
  });

  const copy = async (name: string): Promise<string> => {
    const file = join(temp.dir, name);
    await w.t.booted.core.tenants.use(w.inst.tenantId, (h) => Promise.resolve(h.raw.prepare('VACUUM INTO ?').run(file)));
    return file;
  };

  it('a healthy tenant file is OK (channel and file agree)', async () => {
    const report = await verifyLedgerFile(await copy('healthy.sqlite'));
    expect(report).toMatchObject({ ok: true, subscribers: 1, entries: 3, payments: 3, problems: [] });
    expect(await w.call('payments.ledger.verify', {})).toEqual(report);
  });

  it('reports an edited balance, a deleted entry (seq gap), a payment credited twice and an applied payment without credit', async () => {
    const file = await copy('corrupt.sqlite');
    const raw = openRawSqlite(file);
    try {
      // What the app's own guards refuse, done the way someone editing the file by hand would.
      raw.exec(`drop trigger ledger_entries_no_update; drop trigger ledger_entries_no_delete; drop index ledger_entries_payment_once;`);
      raw.prepare(`update ledger_entries set balance_after_minor = balance_after_minor + 100 where seq = 2 and subscriber_id = ?`).run(subscriberId);
      const credit = raw.prepare(`select * from ledger_entries where subscriber_id = ? and seq = 1`).get(subscriberId) as Record<string, unknown>;
      raw.prepare(`insert into ledger_entries (id, subscriber_id, seq, kind, amount_minor, balance_after_minor, reference, source, payment_id, reverses_entry_id, reason, actor_type, actor_id, actor_name, created_at)
        values ('0190aaaa-0000-7000-8000-000000000001', ?, 10, 'credit', ?, 0, null, 'payment', ?, null, null, 'system', null, 'x', ?)`)
        .run(subscriberId, credit.amount_minor, credit.payment_id, credit.created_at);
      const unmatched = raw.prepare(`select id from payments where status = 'unmatched'`).get() as { id: string };
      raw.prepare(`update payments set status = 'applied' where id = ?`).run(unmatched.id);
    } finally {
      raw.close();
    }
    const report = await verifyLedgerFile(file);
    expect(report.ok).toBe(false);
    const kinds = report.problems.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['balance-mismatch', 'seq-gap', 'payment-applied-twice', 'applied-without-credit']));
    expect(report.problems.find((p) => p.kind === 'applied-without-credit')?.paymentId).toBeTruthy();
    expect(formatLedgerReport('corrupt.sqlite', report)[0]).toMatch(/^corrupt\.sqlite: \d+ problem\(s\)/);
    // The live tenant was never touched.
    expect((await w.call('payments.ledger.verify', {})).ok).toBe(true);
  });
});
