import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@shared/domain/ids';
import { pppoePackage, startSubsWorld, type SubsWorld } from './harness';

/**
 * The list's text search goes through a trigram index (subscribers_search) and must find exactly what a
 * plain LIKE scan finds, including after renames, soft and hard deletes, odd characters and short text.
 */
const ROWS = 3_000;
const NAMES = ['Wanjiku Kamau', 'Ómar Ñandú', 'ÉMILE Ochieng', 'Mary O"Brien', 'Percent 50% Off', 'under_score Otieno', 'back\\slash Njeri', 'Zoë Akinyi'];

describe('subscriber text search through the trigram index', () => {
  let w: SubsWorld;
  beforeAll(async () => {
    w = await startSubsWorld();
    const pkg = (await w.call('packages.create', pppoePackage([w.routerA]))).id;
    const now = w.t.clock.now().getTime();
    await w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => {
      const insert = h.raw.prepare(`INSERT INTO subscribers (id, account_number, full_name, phones, router_id, package_id, service_type, username,
        expires_at, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pppoe', ?, ?, 'active', ?, ?)`);
      h.raw.transaction(() => {
        for (let i = 0; i < ROWS; i++) {
          const at = new Date(now - i * 1000).toISOString();
          insert.run(uuidv7(now - i), `AC${String(10_000 + i)}`, `${NAMES[i % NAMES.length]} ${(i * 7919) % ROWS}`,
            JSON.stringify([`+2547${String(10_000_000 + i * 37).slice(-8)}`]), w.routerA, pkg, i % 4 === 0 ? null : `user${i}`,
            new Date(now + 86_400_000).toISOString(), at, at);
        }
        // The triggers keep the index in step with renames, soft deletes and hard deletes.
        h.raw.prepare("UPDATE subscribers SET full_name = 'Renamed Kiprono ' || account_number WHERE account_number LIKE 'AC1001%'").run();
        h.raw.prepare("UPDATE subscribers SET phones = '[\"+254799999999\"]', username = NULL WHERE account_number LIKE 'AC1002%'").run();
        h.raw.prepare("UPDATE subscribers SET deleted_at = ? WHERE account_number LIKE 'AC1003%'").run(new Date(now).toISOString());
        h.raw.prepare("DELETE FROM subscribers WHERE account_number LIKE 'AC1004%'").run();
      })();
    });
  });
  afterAll(() => w.close());

  /** Every account the list returns for `q`, across pages. */
  async function listed(q: string): Promise<string[]> {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const r = await w.call('subscribers.list', { page, pageSize: 500, q, sort: { field: 'accountNumber', dir: 'asc' } });
      out.push(...r.items.map((s) => s.accountNumber));
      if (out.length >= r.total) {
        expect(out).toHaveLength(r.total);
        return out;
      }
    }
  }

  /** The same search as a plain scan: LIKE over the four columns, no index. */
  async function scanned(q: string): Promise<string[]> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/\s/g, '');
    const tail = /^0\d{5,}$/.test(digits) ? `%${digits.slice(1)}%` : null;
    return w.t.booted.core.tenants.use(w.inst.tenantId, async (h) =>
      (h.raw.prepare(`SELECT account_number FROM subscribers WHERE deleted_at IS NULL AND (account_number LIKE @like ESCAPE '\\'
        OR full_name LIKE @like ESCAPE '\\' OR phones LIKE @like ESCAPE '\\' OR username LIKE @like ESCAPE '\\'
        OR (@tail IS NOT NULL AND phones LIKE @tail ESCAPE '\\')) ORDER BY account_number`).all({ like, tail }) as { account_number: string }[])
        .map((r) => r.account_number));
  }

  it('finds exactly what a plain scan finds', async () => {
    const queries = ['123', '1234', 'kamau', 'KAMAU', 'wanjiku kamau 1', 'ómar', 'ÓMAR', 'ñandú', 'émile', 'o"brien', '50%', '% of',
      'under_score', 'r_s', 'back\\slash', 'zoë', 'renamed kiprono', 'kiprono', 'ac1003', 'ac1004', '799999999', '0799 999 999',
      '0712345', 'user12', 'user', '"', 'AC1', 'ka', '7', '+2547', 'no such text anywhere'];
    for (const q of queries) {
      const expected = await scanned(q);
      expect({ q, accounts: await listed(q) }).toEqual({ q, accounts: expected });
    }
    // The cases above are not all empty: the comparison means something.
    expect((await scanned('kamau')).length).toBeGreaterThan(100);
    expect(await scanned('ac1003')).toEqual([]);
    expect((await scanned('renamed kiprono')).length).toBeGreaterThan(5);
  });

  it('keeps the index consistent with the table', async () => {
    await w.t.booted.core.tenants.use(w.inst.tenantId, async (h) => {
      // Throws (SQLITE_CORRUPT_VTAB) when the index and the subscribers rows disagree.
      expect(() => h.raw.prepare("INSERT INTO subscribers_search (subscribers_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    });
  });
});
