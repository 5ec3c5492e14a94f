import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { InputOf } from '@shared/contract';
import { pppoePackage, startSubsWorld, staticPackage, type SubsWorld } from './harness';

const DAY = 86_400_000;

describe('subscriber list, bulk actions and CSV', () => {
  let w: SubsWorld;
  let ppp: string;
  let pppB: string;
  let stat: string;
  beforeAll(async () => {
    w = await startSubsWorld();
    ppp = (await w.call('packages.create', pppoePackage([w.routerA, w.routerB]))).id;
    pppB = (await w.call('packages.create', pppoePackage([w.routerB], { name: 'Business B', pppProfile: { mode: 'managed', name: 'biz-b' } }))).id;
    stat = (await w.call('packages.create', staticPackage([{ routerId: w.routerA, cidr: '10.9.0.0/24' }]))).id;
    const now = w.t.clock.now().getTime();
    // 12 subscribers: expiries 1..12 days ahead, tags alternate, every third static.
    for (let i = 1; i <= 12; i += 1) {
      await w.call('subscribers.create', {
        accountNumber: `AC${String(i).padStart(3, '0')}`, fullName: `Person ${String.fromCharCode(76 - i)} ${i}`, phones: [`07120000${String(i).padStart(2, '0')}`],
        routerId: w.routerA, packageId: i % 3 === 0 ? stat : ppp, expiresAt: new Date(now + i * DAY).toISOString(), tags: i % 2 === 0 ? ['even', 'vip'] : ['odd'],
      });
    }
  });
  afterAll(() => w.close());

  const accounts = async (q: Omit<InputOf<'subscribers.list'>, 'page' | 'pageSize'>) =>
    (await w.call('subscribers.list', { page: 1, pageSize: 50, ...q })).items.map((s) => s.accountNumber);

  it('filters by status, package, tags, expiring window and text (name, phone in local form, account)', async () => {
    await w.call('subscribers.suspend', { subscriberId: (await w.call('subscribers.list', { page: 1, pageSize: 1, q: 'AC005' })).items[0]!.id });
    expect(await accounts({ status: 'suspended' })).toEqual(['AC005']);
    expect(await accounts({ packageId: stat })).toEqual(['AC003', 'AC006', 'AC009', 'AC012']);
    expect(await accounts({ tags: ['vip'] })).toEqual(['AC002', 'AC004', 'AC006', 'AC008', 'AC010', 'AC012']);
    expect(await accounts({ expiringWithinDays: 3 })).toEqual(['AC001', 'AC002', 'AC003']);
    expect(await accounts({ q: '0712 000 007' })).toEqual(['AC007']);
    expect(await accounts({ q: 'person k 1' })).toEqual(['AC001']);
    expect(await accounts({ routerId: w.routerB })).toEqual([]);
  });

  it('sorts and pages on the main side', async () => {
    const byName = await w.call('subscribers.list', { page: 2, pageSize: 5, sort: { field: 'fullName', dir: 'asc' } });
    expect(byName.total).toBe(12);
    // Names run "Person K 1" … "Person @ 12" (descending letters): ascending by name reverses the accounts.
    expect(byName.items.map((s) => s.accountNumber)).toEqual(['AC007', 'AC006', 'AC005', 'AC004', 'AC003']);
    const byExpiry = await w.call('subscribers.list', { page: 1, pageSize: 3, sort: { field: 'expiresAt', dir: 'desc' } });
    expect(byExpiry.items.map((s) => s.accountNumber)).toEqual(['AC012', 'AC011', 'AC010']);
  });

  it('bulk preview lists exactly the rows and values that apply then changes', async () => {
    const input = { filter: { tags: ['odd'] }, operation: { action: 'extend' as const, count: 7, unit: 'days' as const } };
    const preview = await w.call('subscribers.bulk.preview', input);
    expect(preview.total).toBe(6);
    expect(preview.changing).toBe(6);
    const ac1 = preview.rows.find((r) => r.accountNumber === 'AC001')!;
    const before = await w.call('subscribers.get', { subscriberId: ac1.subscriberId });
    expect(ac1.changes).toEqual([{ field: 'expiresAt', before: before.expiresAt, after: new Date(Date.parse(before.expiresAt) + 7 * DAY).toISOString() }]);
    const progress: unknown[] = [];
    const off = w.t.booted.core.events.subscribe({ token: w.inst.adminToken, send: (name, payload) => name === 'subscribers.bulk-progress' && progress.push(payload) });
    const res = await w.call('subscribers.bulk.apply', { ...input, token: preview.token });
    off();
    expect(res).toEqual({ applied: 6, skipped: 0 });
    expect(progress).toEqual([{ token: preview.token, done: 6, total: 6 }]);
    const after = await w.call('subscribers.list', { page: 1, pageSize: 50, tags: ['odd'] });
    for (const row of preview.rows) {
      const now = after.items.find((s) => s.id === row.subscriberId)!;
      expect(now.expiresAt).toBe(row.changes.find((c) => c.field === 'expiresAt')!.after);
    }
    const history = await w.call('subscribers.history', { subscriberId: ac1.subscriberId });
    expect(history.items[0]!.action).toBe('subscriber.bulk-applied');
  });

  it('bulk apply refuses a stale preview and skips rows that cannot change, saying why', async () => {
    const ids = (await w.call('subscribers.list', { page: 1, pageSize: 3, sort: { field: 'accountNumber', dir: 'asc' } })).items.map((s) => s.id);
    const input = { ids, operation: { action: 'changePackage' as const, packageId: pppB } };
    const preview = await w.call('subscribers.bulk.preview', input);
    expect(preview.rows.map((r) => r.skip)).toEqual(['package-other-router', 'package-other-router', 'package-other-router']);
    const move = { ids: ids.slice(0, 2), operation: { action: 'moveRouter' as const, routerId: w.routerB, packageId: pppB } };
    const p2 = await w.call('subscribers.bulk.preview', move);
    expect(p2.rows.map((r) => r.changes.map((c) => `${c.field}:${c.before}->${c.after}`))).toEqual([
      ['packageId:Home 10M->Business B', 'routerId:Tower A->Tower B'], ['packageId:Home 10M->Business B', 'routerId:Tower A->Tower B'],
    ]);
    await w.call('subscribers.update', { subscriberId: ids[0]!, notes: 'changed meanwhile' });
    const stale = await w.t.raw('subscribers.bulk.apply', { ...move, token: p2.token }, w.inst.adminToken);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'subscriber.bulk-stale' } });
    expect((await w.call('subscribers.get', { subscriberId: ids[1]! })).routerId).toBe(w.routerA);
    const fresh = await w.call('subscribers.bulk.preview', move);
    expect(await w.call('subscribers.bulk.apply', { ...move, token: fresh.token })).toEqual({ applied: 2, skipped: 0 });
    const secrets = await w.db((db) => db.selectFrom('routerObjects').select(['routerId', 'desired']).where('ownerId', '=', ids[0]!).where('menu', '=', '/ppp/secret').execute());
    expect(secrets.find((o) => o.routerId === w.routerA)!.desired).toBeNull();
    expect(JSON.parse(secrets.find((o) => o.routerId === w.routerB)!.desired!)).toMatchObject({ profile: 'biz-b' });
  });

  it('exports CSV and imports it back into another tenant-like state: preview reports row errors, apply takes only valid rows', async () => {
    const exported = await w.call('subscribers.export', { packageId: ppp });
    expect(exported.rows).toBe(6);
    const rows = parse(exported.csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ accountNumber: 'AC004', router: 'Tower A', package: 'Home 10M', phones: '+254712000004', tags: 'even;vip' });
    expect(exported.csv).not.toMatch(/password/i);

    // Delete them, then import the same file plus three broken lines (AC001 was moved to Business B and still exists).
    for (const r of (await w.call('subscribers.list', { page: 1, pageSize: 50, packageId: ppp })).items) await w.call('subscribers.delete', { subscriberId: r.id });
    const broken = '\nZZ1,Bad Phone,0812345678,,,,,Tower A,Home 10M,pppoe,,,,,,active,,\nAC001,Duplicate In File,0712999999,,,,,Tower A,Home 10M,pppoe,,,,,,active,,\nZZ2,No Such Router,0712999998,,,,,Tower Z,Home 10M,pppoe,,,,,,active,,';
    const csv = exported.csv.trimEnd() + broken;
    const preview = await w.call('subscribers.import.preview', { csv });
    expect(preview).toMatchObject({ valid: 6, invalid: 3 });
    expect(preview.rows.filter((r) => Object.keys(r.errors).length > 0).map((r) => [r.line, r.errors])).toEqual([
      [8, { phones: 'invalid-phone' }], [9, { accountNumber: 'taken', username: 'taken' }], [10, { router: 'unknown-router' }],
    ]);
    expect((await w.call('subscribers.list', { page: 1, pageSize: 50, packageId: ppp })).total).toBe(0);

    expect(await w.call('subscribers.import.apply', { csv, confirm: true })).toEqual({ created: 6, skipped: 3 });
    const again = await w.call('subscribers.export', { packageId: ppp });
    const strip = (text: string) => (parse(text, { columns: true }) as Record<string, string>[]).map(({ username: _u, ...r }) => r);
    expect(strip(again.csv)).toEqual(strip(exported.csv));
    const imported = (await w.call('subscribers.list', { page: 1, pageSize: 1, q: 'AC004' })).items[0]!;
    expect(imported).toMatchObject({ hasPassword: true, syncState: 'pending' });
  });
});
