import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInTransaction } from '../../../src-main/core/invoices/issue';
import { startInvoiceWorld, type InvoiceWorld } from './harness';

describe('invoice numbers: gapless, allocated when issuing, never for drafts', () => {
  let w: InvoiceWorld;
  beforeAll(async () => {
    w = await startInvoiceWorld();
  });
  afterAll(() => w.close());

  const numbers = () => w.db((db) => db.selectFrom('invoices').select(['seq', 'number', 'status']).where('seq', 'is not', null).orderBy('seq').execute());

  it('a draft has no number; issuing takes the next one with the prefix, and an issued invoice cannot be issued again', async () => {
    const s = await w.subscriber();
    const d = await w.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'Router', quantity: 2, unitPriceMinor: 350000 }] });
    expect(d).toMatchObject({ status: 'draft', number: null, issuedAt: null, totalMinor: 700000, balanceDueMinor: 0 });
    const i = await w.call('invoices.issue', { invoiceId: d.id });
    expect(i).toMatchObject({ status: 'issued', number: 'INV-00001', issuedAt: w.t.clock.now().toISOString(), balanceDueMinor: 700000 });
    const again = await w.t.raw('invoices.issue', { invoiceId: d.id }, w.inst.adminToken);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'invoice.wrong-status', params: { status: 'issued' } } });
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['action', 'targetId']).where('targetId', '=', d.id).orderBy('id').execute());
    expect(audit.map((a) => a.action)).toEqual(['invoice.created', 'invoice.issued']);
  });

  it('twenty drafts issued concurrently get twenty consecutive numbers, none twice', async () => {
    const s = await w.subscriber();
    const drafts = await Promise.all(Array.from({ length: 20 }, (_, k) => w.call('invoices.create', { subscriberId: s.id, lines: [{ description: `Item ${k}`, quantity: 1, unitPriceMinor: 100 }] })));
    const issued = await Promise.all(drafts.map((d) => w.call('invoices.issue', { invoiceId: d.id })));
    expect(new Set(issued.map((i) => i.number)).size).toBe(20);
    const seqs = (await numbers()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
    expect(seqs.length).toBe(21);
  });

  it('a transaction that fails after taking a number gives it back: the next invoice gets it, no gap', async () => {
    const s = await w.subscriber();
    const d = await w.call('invoices.create', { subscriberId: s.id, lines: [{ description: 'Install', quantity: 1, unitPriceMinor: 500 }] });
    const before = (await numbers()).length;
    await expect(w.scope((scope) => scope.db.transaction().execute(async (trx) => {
      await issueInTransaction(trx, scope, d.id, scope.core.clock.now());
      throw new Error('power cut between number and commit');
    }))).rejects.toThrow('power cut');
    expect((await w.call('invoices.get', { invoiceId: d.id })).status).toBe('draft');
    const i = await w.call('invoices.issue', { invoiceId: d.id });
    expect(i.number).toBe(`INV-${String(before + 1).padStart(5, '0')}`);
    expect((await numbers()).map((r) => r.seq)).toEqual(Array.from({ length: before + 1 }, (_, k) => k + 1));
  });

  it('void keeps the number and the reason, is audited, and is refused twice; the sequence goes on after it', async () => {
    const s = await w.subscriber();
    const a = await w.issued(s.id, 1000);
    const v = await w.call('invoices.void', { invoiceId: a.id, reason: 'raised twice by mistake' });
    expect(v).toMatchObject({ status: 'void', number: a.number, voidReason: 'raised twice by mistake', voidedAt: w.t.clock.now().toISOString(), balanceDueMinor: 0 });
    expect(await w.t.raw('invoices.void', { invoiceId: a.id, reason: 'again please' }, w.inst.adminToken)).toMatchObject({ ok: false, error: { key: 'invoice.wrong-status' } });
    const audit = await w.db((db) => db.selectFrom('auditLog').select(['action', 'details']).where('targetId', '=', a.id).where('action', '=', 'invoice.voided').executeTakeFirstOrThrow());
    expect(JSON.parse(audit.details!)).toMatchObject({ number: a.number, reason: 'raised twice by mistake' });
    const b = await w.issued(s.id, 1000);
    expect(Number(b.number.slice(4))).toBe(Number(a.number.slice(4)) + 1);
    const bad = await w.t.raw('invoices.void', { invoiceId: b.id, reason: '' }, w.inst.adminToken);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await w.call('invoices.get', { invoiceId: b.id })).status).toBe('issued');
  });

  it('uses the prefix in settings at the time of issue', async () => {
    await w.call('invoices.settings.update', { prefix: 'KE/', vatMode: 'exclusive', paymentTermsDays: 7 });
    const s = await w.subscriber();
    const i = await w.issued(s.id, 1000);
    expect(i.number).toMatch(/^KE\/\d{5}$/);
    await w.call('invoices.settings.update', { prefix: 'INV-', vatMode: 'exclusive', paymentTermsDays: 14 });
  });
});
