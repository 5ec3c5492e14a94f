import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { kyselyOver, openRawSqlite } from '../../../src-main/core/db/open-sqlite';
import { mapPage, pageInMemory, pageQuery } from '../../../src-main/core/paging';
import { pageOutput } from '../../../src-shared/contract/common';
import { z } from 'zod';
import { makeTempDir } from '../../fixtures/temp-dir';

interface DB {
  things: { id: string; name: string; size: number; kind: string };
  owners: { id: string; thingId: string; owner: string };
}

let dir: { dir: string; remove(): void };
let db: Kysely<DB>;

beforeEach(async () => {
  dir = makeTempDir();
  db = kyselyOver<DB>(openRawSqlite(join(dir.dir, 'page.sqlite')));
  await db.schema.createTable('things').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text').addColumn('size', 'integer').addColumn('kind', 'text').execute();
  await db.schema.createTable('owners').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('thing_id', 'text').addColumn('owner', 'text').execute();
  // 23 things: sizes repeat (i % 5) so the id tie-breaker decides the order inside equal sizes.
  const rows = Array.from({ length: 23 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, name: `thing ${i}`, size: i % 5, kind: i % 2 ? 'odd' : 'even' }));
  await db.insertInto('things').values(rows).execute();
  await db.insertInto('owners').values(rows.map((r) => ({ id: `o-${r.id}`, thingId: r.id, owner: r.kind === 'odd' ? 'ann' : 'bob' }))).execute();
});
afterEach(async () => {
  await db.destroy();
  dir.remove();
});

const pageSchema = pageOutput(z.object({ id: z.string(), name: z.string(), size: z.number() }));

describe('pageQuery (count-then-page)', () => {
  it('returns the filtered total and the requested window in the contract page shape', async () => {
    const base = db.selectFrom('things').where('kind', '=', 'odd');
    const page = await pageQuery(base, { page: { page: 2, pageSize: 5 }, select: (qb) => qb.select(['id', 'name', 'size']), sort: [{ by: 'id', dir: 'asc' }] });
    expect(pageSchema.parse(page)).toEqual(page);
    expect(page).toMatchObject({ total: 11, page: 2, pageSize: 5 });
    expect(page.items.map((r) => r.id)).toEqual(['t11', 't13', 't15', 't17', 't19']);
  });

  it('walks every row exactly once across pages, ordered by the sort terms with a unique tie-breaker', async () => {
    const seen: string[] = [];
    for (let p = 1; p <= 5; p++) {
      const page = await pageQuery(db.selectFrom('things'), {
        page: { page: p, pageSize: 5 }, select: (qb) => qb.selectAll(), sort: [{ by: 'size', dir: 'desc' }, { by: 'id', dir: 'asc' }],
      });
      expect(page.total).toBe(23);
      seen.push(...page.items.map((r) => `${r.size}:${r.id}`));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(0, 6)).toEqual(['4:t04', '4:t09', '4:t14', '4:t19', '3:t03', '3:t08']);
  });

  it('pages a join and counts the joined rows, and an empty page past the end keeps the total', async () => {
    const base = db.selectFrom('things as t').innerJoin('owners as o', 'o.thingId', 't.id').where('o.owner', '=', 'bob');
    const page = await pageQuery(base, { page: { page: 1, pageSize: 3 }, select: (qb) => qb.select(['t.id', 'o.owner']), sort: [{ by: 't.id', dir: 'desc' }] });
    expect(page).toEqual({ items: [{ id: 't22', owner: 'bob' }, { id: 't20', owner: 'bob' }, { id: 't18', owner: 'bob' }], total: 12, page: 1, pageSize: 3 });
    const past = await pageQuery(base, { page: { page: 9, pageSize: 3 }, select: (qb) => qb.select(['t.id']), sort: [{ by: 't.id', dir: 'asc' }] });
    expect(past).toEqual({ items: [], total: 12, page: 9, pageSize: 3 });
  });

  it('mapPage turns rows into items and keeps the paging numbers', async () => {
    const page = await pageQuery(db.selectFrom('things'), { page: { page: 1, pageSize: 2 }, select: (qb) => qb.select(['id']), sort: [{ by: 'id', dir: 'asc' }] });
    expect(mapPage(page, (r) => r.id.toUpperCase())).toEqual({ items: ['T00', 'T01'], total: 23, page: 1, pageSize: 2 });
  });
});

describe('pageInMemory (router-side lists)', () => {
  it('searches, sorts numerically and pages into the same shape', () => {
    const rows = [{ n: 'ether10', v: 10 }, { n: 'ether2', v: 2 }, { n: 'wlan1', v: 5 }];
    const page = pageInMemory(rows, { page: 1, pageSize: 2, q: 'ETHER' }, { defaultSort: { field: 'n', dir: 'asc' }, searchText: (r) => [r.n], value: (r, f) => r[f as 'n' | 'v'] });
    expect(page).toEqual({ items: [{ n: 'ether2', v: 2 }, { n: 'ether10', v: 10 }], total: 2, page: 1, pageSize: 2 });
  });
});
