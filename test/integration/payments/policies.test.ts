import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../fixtures/test-core';
import { pppoePackage } from '../subscribers/harness';
import { startPayWorld, type PayWorld } from './harness';

describe('installation fee, package change policy, cashier shifts', () => {
  let w: PayWorld;
  let cashier: { id: string; token: string };
  let viewer: { id: string; token: string };
  let cheap: string;
  let fast: string;
  beforeAll(async () => {
    w = await startPayWorld();
    cashier = await addStaff(w.t, w.inst.adminToken, 'cora@alpha.test', ['CASHIER']);
    viewer = await addStaff(w.t, w.inst.adminToken, 'vic@alpha.test', ['VIEWER']);
    cheap = (await w.call('packages.create', pppoePackage([w.routerA], { name: 'Home 5M', priceMinor: 50000, pppProfile: { mode: 'managed', name: 'home-5m' } }))).id;
    fast = (await w.call('packages.create', pppoePackage([w.routerA], { name: 'Home 20M', priceMinor: 300000, pppProfile: { mode: 'managed', name: 'home-20m' } }))).id;
  });
  afterAll(() => w.close());

  const ledger = (subscriberId: string) => w.db((db) => db.selectFrom('ledgerEntries').selectAll().where('subscriberId', '=', subscriberId).orderBy('seq').execute());
  const sub = (id: string) => w.db((db) => db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const outboxCount = async () => (await w.db((db) => db.selectFrom('routerOutbox').select('id').execute())).length;

  it('an installation fee is a debit the next payments cover before any period is bought', async () => {
    const s = await w.subscriber({ expiresAt: '2026-11-20T08:00:00.000Z' });
    const fee = await w.t.call('wallet.installation-fee', { subscriberId: s.id, amountMinor: 50000, reason: 'Installation and cabling' }, cashier.token);
    expect(fee).toMatchObject({ balanceMinor: -50000, entry: { kind: 'debit', amountMinor: -50000, source: 'installation-fee', reason: 'Installation and cabling' } });
    expect((await sub(s.id)).expiresAt).toBe('2026-11-20T08:00:00.000Z');
    // 1,500.00 against a 500.00 debt leaves 1,000.00: short of the 1,500.00 month, nothing bought.
    expect(await w.t.call('payments.cash.record', { subscriberId: s.id, amountMinor: 150000, method: 'cash' }, cashier.token)).toMatchObject({ periods: 0, balanceMinor: 100000 });
    expect(await w.t.call('payments.cash.record', { subscriberId: s.id, amountMinor: 50000, method: 'cash' }, cashier.token)).toMatchObject({ periods: 1, balanceMinor: 0, expiresAt: '2026-12-27T08:00:00.000Z' });
    expect((await ledger(s.id)).map((e) => [e.kind, e.amountMinor, e.balanceAfterMinor, e.source])).toEqual([
      ['debit', -50000, -50000, 'installation-fee'], ['credit', 150000, 100000, 'payment'], ['credit', 50000, 150000, 'payment'], ['debit', -150000, 0, 'renewal'],
    ]);
    const denied = await w.t.raw('wallet.installation-fee', { subscriberId: s.id, amountMinor: 100, reason: 'Installation' }, viewer.token);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await w.call('audit.list', { page: 1, pageSize: 50 });
    expect(audit.items.map((e) => e.action)).toContain('wallet.installation-fee');
    expect((await w.call('payments.ledger.verify', {})).ok).toBe(true);
  });

  it('"at next renewal" switches the package now, moves no money and keeps the expiry; the next period costs the new price', async () => {
    const s = await w.subscriber();
    const out = await w.call('wallet.package-change.apply', { subscriberId: s.id, packageId: fast, policy: 'next-renewal' });
    expect(out).toMatchObject({ creditMinor: 0, periods: 0, balanceAfterMinor: 0, expiresAtAfter: '2026-12-27T08:00:00.000Z', to: { id: fast, priceMinor: 300000 } });
    expect(await sub(s.id)).toMatchObject({ packageId: fast, expiresAt: '2026-12-27T08:00:00.000Z' });
    expect(await ledger(s.id)).toEqual([]);
    const paid = await w.t.call('payments.cash.record', { subscriberId: s.id, amountMinor: 300000, method: 'cash' }, cashier.token);
    expect(paid).toMatchObject({ periods: 1, balanceMinor: 0, expiresAt: '2027-01-27T08:00:00.000Z' });
  });

  it('"now with pro-rata credit": preview writes nothing; apply credits the unused half month, buys the new package from now, one transaction', async () => {
    // Paid 12 Nov → 12 Dec (30 days); now 27 Nov 08:00: 15 of 30 days unused of 1,500.00 = 750.00.
    const s = await w.subscriber({ expiresAt: '2026-12-12T08:00:00.000Z' });
    const outboxBefore = await outboxCount();
    const preview = await w.call('wallet.package-change.preview', { subscriberId: s.id, packageId: cheap, policy: 'now-pro-rata' });
    const expected = {
      subscriberId: s.id, policy: 'now-pro-rata', balanceBeforeMinor: 0, creditMinor: 75000, periods: 1, debitMinor: 50000, balanceAfterMinor: 25000,
      expiresAtBefore: '2026-12-12T08:00:00.000Z', expiresAtAfter: '2026-12-27T08:00:00.000Z', shortMinor: 0,
    };
    expect(preview).toMatchObject(expected);
    expect(await ledger(s.id)).toEqual([]);
    expect(await sub(s.id)).toMatchObject({ packageId: w.packageId, expiresAt: '2026-12-12T08:00:00.000Z' });
    expect(await outboxCount()).toBe(outboxBefore);

    expect(await w.call('wallet.package-change.apply', { subscriberId: s.id, packageId: cheap, policy: 'now-pro-rata' })).toEqual(preview);
    expect((await ledger(s.id)).map((e) => [e.kind, e.amountMinor, e.balanceAfterMinor, e.source])).toEqual([
      ['adjustment', 75000, 75000, 'package-change'], ['debit', -50000, 25000, 'renewal'],
    ]);
    expect(await sub(s.id)).toMatchObject({ packageId: cheap, expiresAt: '2026-12-27T08:00:00.000Z', status: 'active' });
    expect(await outboxCount()).toBeGreaterThan(outboxBefore);
    const audit = await w.call('audit.list', { page: 1, pageSize: 50 });
    expect(audit.items.find((e) => e.action === 'subscriber.package-changed' && e.targetId === s.id)).toBeTruthy();
    expect((await w.call('payments.ledger.verify', {})).ok).toBe(true);
  });

  it('refuses an upgrade the wallet cannot pay for (it would cut the subscriber off), the same package, and a cashier', async () => {
    const s = await w.subscriber({ expiresAt: '2026-12-12T08:00:00.000Z' });
    expect(await w.call('wallet.package-change.preview', { subscriberId: s.id, packageId: fast, policy: 'now-pro-rata' })).toMatchObject({ creditMinor: 75000, periods: 0, shortMinor: 225000 });
    const refused = await w.t.raw('wallet.package-change.apply', { subscriberId: s.id, packageId: fast, policy: 'now-pro-rata' }, w.inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'package-change.balance-short', params: { shortMinor: 225000 } } });
    expect(await ledger(s.id)).toEqual([]);
    expect(await sub(s.id)).toMatchObject({ packageId: w.packageId, expiresAt: '2026-12-12T08:00:00.000Z' });
    const same = await w.t.raw('wallet.package-change.apply', { subscriberId: s.id, packageId: w.packageId, policy: 'next-renewal' }, w.inst.adminToken);
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'package-change.same-package' } });
    const cashierTry = await w.t.raw('wallet.package-change.apply', { subscriberId: s.id, packageId: cheap, policy: 'next-renewal' }, cashier.token);
    expect(cashierTry).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a cashier shift: expected = float + cash this cashier took during it; difference at close; audited; one open at a time', async () => {
    w.t.clock.advance(60_000);
    const s = await w.subscriber();
    const asCashier = <K extends Parameters<typeof w.t.call>[0]>(channel: K, input: Parameters<typeof w.t.call<K>>[1]) => w.t.call(channel, input, cashier.token);
    expect(await asCashier('shifts.current', {})).toMatchObject({ shift: null });
    const opened = await asCashier('shifts.open', { openingFloatMinor: 500000 });
    expect(opened).toMatchObject({ staffId: cashier.id, openingFloatMinor: 500000, cashMinor: 0, expectedMinor: 500000, closedAt: null });
    expect(await w.t.raw('shifts.open', { openingFloatMinor: 0 }, cashier.token)).toMatchObject({ ok: false, error: { key: 'shift.already-open' } });

    w.t.clock.advance(60_000);
    await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 150000, method: 'cash' });
    // Not cash, or not this cashier's: not in the drawer.
    await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 5000, method: 'bank' });
    await w.call('payments.cash.record', { subscriberId: s.id, amountMinor: 10000, method: 'cash' });
    // Recorded twice by mistake, then reversed: the drawer never had it.
    const twice = await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 20000, method: 'cash' });
    const entry = (await ledger(s.id)).find((e) => e.paymentId === twice.payment.id)!;
    await asCashier('wallet.reverse', { entryId: entry.id, reason: 'Recorded twice' });
    expect((await asCashier('shifts.current', {})).shift).toMatchObject({ cashMinor: 150000, cashCount: 1, expectedMinor: 650000 });

    w.t.clock.advance(60_000);
    const closed = await asCashier('shifts.close', { countedMinor: 640000, note: 'short 100' });
    expect(closed).toMatchObject({ expectedMinor: 650000, countedMinor: 640000, differenceMinor: -10000, closedAt: w.t.clock.now().toISOString(), note: 'short 100' });
    // Cash after the close belongs to no shift.
    w.t.clock.advance(60_000);
    await asCashier('payments.cash.record', { subscriberId: s.id, amountMinor: 7000, method: 'cash' });
    expect(await asCashier('shifts.current', {})).toMatchObject({ shift: null, last: { id: opened.id, expectedMinor: 650000, cashMinor: 150000, differenceMinor: -10000 } });
    expect(await w.t.raw('shifts.close', { countedMinor: 1 }, cashier.token)).toMatchObject({ ok: false, error: { key: 'shift.not-open' } });
    expect(await w.t.raw('shifts.open', { openingFloatMinor: 1 }, viewer.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await w.call('audit.list', { page: 1, pageSize: 50 });
    expect(audit.items.filter((e) => e.targetId === opened.id).map((e) => e.action).sort()).toEqual(['shift.closed', 'shift.opened']);
  });
});
