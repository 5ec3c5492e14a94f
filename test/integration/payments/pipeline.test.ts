import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneHashOf } from '../../../src-main/core/payments/match';
import { mpesa, startPayWorld, type PayWorld } from './harness';

describe('ingestPayments: one idempotent pipeline from payment to renewal', () => {
  let w: PayWorld;
  beforeAll(async () => {
    w = await startPayWorld();
  });
  afterAll(() => w.close());

  const ledger = (subscriberId: string) => w.db((db) => db.selectFrom('ledgerEntries').selectAll().where('subscriberId', '=', subscriberId).orderBy('seq').execute());
  const sub = (id: string) => w.db((db) => db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

  it('matches by account number (any case, spaces), credits, buys one month from the current expiry and queues the secret', async () => {
    const s = await w.subscriber();
    const ref = ` ${s.accountNumber.slice(0, 2)} ${s.accountNumber.slice(2).toLowerCase()} `;
    const outboxBefore = await w.db((db) => db.selectFrom('routerOutbox').select('id').execute());
    const [o] = await w.ingest([mpesa({ accountRef: ref, amountMinor: 170000 })]);
    expect(o).toMatchObject({ status: 'applied', subscriberId: s.id });
    const entries = await ledger(s.id);
    expect(entries.map((e) => [e.seq, e.kind, e.amountMinor, e.balanceAfterMinor, e.paymentId])).toEqual([
      [1, 'credit', 170000, 170000, o!.paymentId],
      [2, 'debit', -150000, 20000, null],
    ]);
    expect(entries[0]).toMatchObject({ actorType: 'system', actorId: 'system:mpesa' });
    // Early payment stacks on the expiry still ahead: same local time one month later.
    expect((await sub(s.id)).expiresAt).toBe('2027-01-27T08:00:00.000Z');
    const outboxAfter = await w.db((db) => db.selectFrom('routerOutbox').select('id').execute());
    expect(outboxAfter.length).toBeGreaterThan(outboxBefore.length);
    const pay = await w.db((db) => db.selectFrom('payments').selectAll().where('id', '=', o!.paymentId).executeTakeFirstOrThrow());
    expect(pay).toMatchObject({ status: 'applied', subscriberId: s.id, recordedById: 'system:mpesa' });
  });

  it('keeps partial payments in the wallet until they cover a whole period', async () => {
    const s = await w.subscriber();
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 100000 })]);
    expect((await sub(s.id)).expiresAt).toBe('2026-12-27T08:00:00.000Z');
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 60000 })]);
    expect((await sub(s.id)).expiresAt).toBe('2027-01-27T08:00:00.000Z');
    expect((await ledger(s.id)).at(-1)).toMatchObject({ kind: 'debit', balanceAfterMinor: 10000 });
  });

  it('reconnects an expired subscriber from now, with the secret enabled again in the desired state', async () => {
    const s = await w.subscriber({ expiresAt: '2026-11-01T08:00:00.000Z' });
    expect((await sub(s.id)).status).toBe('expired');
    await w.ingest([mpesa({ subscriberId: s.id, amountMinor: 300000 })]);
    const after = await sub(s.id);
    expect(after).toMatchObject({ status: 'active', expiresAt: '2027-01-27T08:00:00.000Z' });
    const secret = await w.db((db) => db.selectFrom('routerObjects').selectAll().where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow());
    expect(JSON.parse(secret.desired!)).toMatchObject({ disabled: 'no' });
  });

  it('extends but does not reconnect a subscriber staff suspended', async () => {
    const s = await w.subscriber();
    await w.call('subscribers.suspend', { subscriberId: s.id, reason: 'abuse' });
    await w.ingest([mpesa({ subscriberId: s.id })]);
    expect(await sub(s.id)).toMatchObject({ status: 'suspended', expiresAt: '2027-01-27T08:00:00.000Z' });
    const secret = await w.db((db) => db.selectFrom('routerObjects').selectAll().where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow());
    expect(JSON.parse(secret.desired!)).toMatchObject({ disabled: 'yes' });
  });

  it('matches by phone, then by the hashed MSISDN; a phone shared by two subscribers stays unmatched', async () => {
    const a = await w.subscriber({ phones: ['0711000001'] });
    const b = await w.subscriber({ phones: ['0711000002'] });
    await w.subscriber({ phones: ['0711000003'] });
    await w.subscriber({ phones: ['0711000003'] });
    const out = await w.ingest([
      mpesa({ phone: '254711000001', accountRef: 'nothing-like-it' }),
      mpesa({ phoneHash: phoneHashOf('+254711000002').toUpperCase() }),
      mpesa({ phone: '+254711000003' }),
    ]);
    expect(out.map((o) => [o.status, o.subscriberId])).toEqual([['applied', a.id], ['applied', b.id], ['unmatched', null]]);
    expect(phoneHashOf('+254708374149')).toBe('bbff37cea44ac0b2d964ee0dfb8d2df8513dc7ba1b36129a929fc3fbd6dd4af4');
  });

  it('a payment delivered again (any channel) is a duplicate and writes nothing', async () => {
    const s = await w.subscriber();
    const p = mpesa({ subscriberId: s.id });
    const [first] = await w.ingest([p]);
    const before = await w.db(async (db) => [(await db.selectFrom('ledgerEntries').select('id').execute()).length, (await db.selectFrom('auditLog').select('id').execute()).length]);
    const again = await w.ingest([{ ...p, channel: 'statement', subscriberId: null }, { ...p, channel: 'sms', reference: ` ${p.reference}` }]);
    expect(again).toEqual([
      { paymentId: first!.paymentId, status: 'duplicate', subscriberId: s.id },
      { paymentId: first!.paymentId, status: 'duplicate', subscriberId: s.id },
    ]);
    const after = await w.db(async (db) => [(await db.selectFrom('ledgerEntries').select('id').execute()).length, (await db.selectFrom('auditLog').select('id').execute()).length]);
    expect(after).toEqual(before);
  });

  it('the same payment 100 times concurrently through different channels credits exactly once', async () => {
    const s = await w.subscriber();
    const p = mpesa({ accountRef: s.accountNumber });
    const channels = ['stk', 'statement', 'sms', 'c2b'] as const;
    const outs = await Promise.all(Array.from({ length: 100 }, (_, i) => w.ingest([{ ...p, channel: channels[i % 4]! }])));
    const flat = outs.flat();
    expect(flat.filter((o) => o.status === 'applied')).toHaveLength(1);
    expect(flat.filter((o) => o.status === 'duplicate')).toHaveLength(99);
    expect(new Set(flat.map((o) => o.paymentId)).size).toBe(1);
    const credits = (await ledger(s.id)).filter((e) => e.kind === 'credit');
    expect(credits).toHaveLength(1);
    expect((await sub(s.id)).expiresAt).toBe('2027-01-27T08:00:00.000Z');
  });

  it('several payments to one subscriber in one call stack in order, one period each; a repeat inside the list is a duplicate', async () => {
    const s = await w.subscriber();
    const p1 = mpesa({ subscriberId: s.id });
    const out = await w.ingest([p1, mpesa({ accountRef: s.accountNumber }), { ...p1, channel: 'sms' }, mpesa({ subscriberId: s.id, amountMinor: 100000 })]);
    expect(out.map((o) => o.status)).toEqual(['applied', 'applied', 'duplicate', 'applied']);
    expect(out[2]!.paymentId).toBe(out[0]!.paymentId);
    expect((await ledger(s.id)).map((e) => [e.seq, e.kind, e.balanceAfterMinor])).toEqual([
      [1, 'credit', 150000], [2, 'debit', 0], [3, 'credit', 150000], [4, 'debit', 0], [5, 'credit', 100000],
    ]);
    expect((await sub(s.id)).expiresAt).toBe('2027-02-27T08:00:00.000Z');
    const secret = await w.db((db) => db.selectFrom('routerObjects').selectAll().where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirstOrThrow());
    const queued = await w.db((db) => db.selectFrom('routerOutbox').select('version').where('objectId', '=', secret.id).orderBy('version').execute());
    expect(queued.map((q) => q.version).slice(-2)).toEqual([secret.version - 1, secret.version]);
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['action']).where((eb) => eb.or([eb('targetId', '=', s.id), eb('targetId', 'in', out.map((o) => o.paymentId))]))
      .where('action', 'in', ['payment.applied', 'subscriber.renewed']).orderBy('id').execute());
    expect(audit.map((a) => a.action)).toEqual(['subscriber.renewed', 'payment.applied', 'subscriber.renewed', 'payment.applied', 'payment.applied']);
  });

  it('a failing payment is thrown after the ones before it committed; it and the ones after it write nothing', async () => {
    const s = await w.subscriber();
    const ok = mpesa({ subscriberId: s.id });
    const bad = mpesa({ subscriberId: s.id, amountMinor: 0 });
    const after = mpesa({ subscriberId: s.id });
    await expect(w.ingest([ok, bad, after])).rejects.toThrow(RangeError);
    const refs = await w.db((db) => db.selectFrom('payments').select('reference').where('reference', 'in', [ok.reference, bad.reference, after.reference]).execute());
    expect(refs.map((r) => r.reference)).toEqual([ok.reference]);
    expect((await ledger(s.id)).map((e) => e.kind)).toEqual(['credit', 'debit']);
    expect((await sub(s.id)).expiresAt).toBe('2027-01-27T08:00:00.000Z');
  });

  it('the ledger refuses UPDATE and DELETE (append-only in the database)', async () => {
    await expect(w.db((db) => db.updateTable('ledgerEntries').set({ amountMinor: 1 }).execute())).rejects.toThrow(/append-only/);
    await expect(w.db((db) => db.deleteFrom('ledgerEntries').execute())).rejects.toThrow(/append-only/);
  });
});
