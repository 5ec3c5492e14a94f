import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { addStaff } from '../../fixtures/test-core';
import { gridCell, VOUCHER_LAYOUT_SPECS } from '../../../src-main/core/documents';
import type { GridSpec } from '../../../src-main/core/documents/voucher-layouts';
import { renderPdf } from '../../unit/documents/render-pdf';
import { decodeQrIn } from '../../unit/documents/voucher-samples';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

describe('voucher PDFs: print and reprint by batch, time range or code, audited', () => {
  let w: SyncWorld;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let plan: OutputOf<'hotspot.plans.create'>;
  let batch: OutputOf<'hotspot.batches.create'>;
  let vouchers: OutputOf<'hotspot.vouchers.list'>['items'];
  const pdfOf = (r: { pdfBase64: string }) => Buffer.from(r.pdfBase64, 'base64');
  const audits = () => w.t.booted.core.tenants.use(w.inst.tenantId, (h) => h.db.selectFrom('auditLog').selectAll().where('action', '=', 'voucher.printed').orderBy('id').execute());

  beforeAll(async () => {
    w = await syncWorld();
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
    plan = await call('hotspot.plans.create', {
      name: '3 hours', routerId: w.routerId, profileName: 'hs-3h', rateLimit: { rxKbps: 1000, txKbps: 3000 }, limit: { kind: 'uptime', seconds: 3 * 3600 },
      priceMinor: 3000, dnsName: 'WiFi.Kilimani.net',
    });
    batch = await call('hotspot.batches.create', { planId: plan.id, count: 12, requestKey: uuidv7(), note: 'shop', code: { length: 6, prefix: '', charset: 'alnumUpper', mode: 'pin', pinLength: 5 } });
    vouchers = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 50, sort: { field: 'createdAt', dir: 'asc' } })).items;
  });
  afterAll(() => w.t.close());

  it('keeps the dns-name on the plan, lower-cased', () => {
    expect(plan.dnsName).toBe('wifi.kilimani.net');
  });

  it('prints a whole batch on A4 with code, PIN, serial, price and a QR code that logs in', async () => {
    const r = await call('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: batch.id }, layout: 'a4-3x8' });
    expect(r.count).toBe(12);
    expect(r.fileName).toBe(`vouchers-${batch.comment}-a4-3x8.pdf`);
    const [page, ...more] = renderPdf(pdfOf(r), 3);
    expect(more).toHaveLength(0);
    for (const v of vouchers) {
      expect(page!.text).toContain(v.code);
      expect(page!.text).toContain(v.password);
    }
    expect(page!.text).toContain('3 hours of use');
    expect(page!.text).toContain('Ksh 30.00');
    expect(page!.text).toContain('No. 0001');
    expect(page!.text).toContain('No. 0012');
    // Cards follow generation order: the first cell is the first voucher made.
    const first = [...vouchers].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const spec = VOUCHER_LAYOUT_SPECS['a4-3x8'] as GridSpec;
    expect(decodeQrIn(page!, gridCell(spec, 0))).toBe(`http://wifi.kilimani.net/login?username=${first.code}&password=${first.password}`);
  });

  it('reprints single codes (any case) on an 80 mm roll, keeping their serials in the batch', async () => {
    const picked = vouchers.slice(0, 2);
    const r = await call('hotspot.vouchers.pdf', { select: { by: 'codes', codes: picked.map((v) => v.code.toLowerCase()) }, layout: 'roll80' });
    expect(r.count).toBe(2);
    const pages = renderPdf(pdfOf(r), 3);
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    for (const v of picked) expect(text).toContain(v.code);
    expect(text).not.toContain(vouchers[5]!.code);
    expect(pages[0]!.widthPt).toBeCloseTo(226.77, 1);
    const top = pages[0]!;
    // The first slip's QR code sits in its upper half.
    const qr = decodeQrIn(top, { x: 0, y: 0, width: top.widthPt, height: top.heightPt / 2 });
    expect(qr).toMatch(/^http:\/\/wifi\.kilimani\.net\/login\?username=[A-Z2-9]{6}&password=[2-9]{5}$/);
  });

  it('reprints what was generated in a time range, and says so when nothing matches', async () => {
    const at = Date.parse(batch.createdAt);
    const r = await call('hotspot.vouchers.pdf', { select: { by: 'dates', from: new Date(at - 60_000).toISOString(), to: new Date(at + 60_000).toISOString() }, layout: 'a4-5x13' });
    expect(r.count).toBe(12);
    const none = await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'dates', from: new Date(at - 120_000).toISOString(), to: new Date(at - 60_000).toISOString() } }, w.inst.adminToken);
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'voucher-print.not-found' } });
    const backwards = await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'dates', from: batch.createdAt, to: new Date(at - 1).toISOString() } }, w.inst.adminToken);
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never prints a revoked voucher', async () => {
    await call('hotspot.vouchers.revoke', { voucherId: vouchers[0]!.id });
    const r = await call('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: batch.id }, layout: 'a4-4x10' });
    expect(r.count).toBe(11);
    expect(renderPdf(pdfOf(r), 1)[0]!.text).not.toContain(vouchers[0]!.code);
    const only = await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'codes', codes: [vouchers[0]!.code] } }, w.inst.adminToken);
    expect(only).toMatchObject({ ok: false, error: { key: 'voucher-print.not-found' } });
  });

  it('audits who printed what', async () => {
    const rows = await audits();
    expect(rows).toHaveLength(4);
    expect(rows.every((a) => a.actorKind === 'staff' && a.actorId !== null)).toBe(true);
    expect(rows[0]).toMatchObject({ targetType: 'voucher-batch', targetId: batch.id });
    expect(rows[0]!.summary).toContain(`Printed 12 vouchers (batch ${batch.comment}) as a4-3x8`);
    expect(rows[1]!.summary).toContain('Printed 2 vouchers (codes');
    expect(JSON.parse(rows[2]!.details ?? '{}')).toMatchObject({ count: 12, layout: 'a4-5x13', select: 'dates' });
  });

  it('lets a cashier print, refuses staff without vouchers.sell, and refuses a plan without a dns-name', async () => {
    const cashier = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    expect(await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: batch.id } }, cashier.token)).toMatchObject({ ok: true });
    const tech = await addStaff(w.t, w.inst.adminToken, 'tech@alpha.test', ['TECHNICIAN']);
    expect(await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: batch.id } }, tech.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const bare = await call('hotspot.plans.create', {
      name: 'No DNS', routerId: w.routerId, profileName: 'hs-nodns', rateLimit: { rxKbps: 1000, txKbps: 1000 }, limit: { kind: 'none' }, priceMinor: 100,
    });
    const b = await call('hotspot.batches.create', { planId: bare.id, count: 2, requestKey: uuidv7() });
    const before = (await audits()).length;
    const refused = await w.t.raw('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: b.id } }, w.inst.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'voucher-print.no-dns-name', params: { plans: 'No DNS' } } });
    expect(await audits()).toHaveLength(before);
    await call('hotspot.plans.update', { planId: bare.id, dnsName: 'hotspot.lan' });
    expect(await call('hotspot.vouchers.pdf', { select: { by: 'batch', batchId: b.id }, layout: 'roll58' })).toMatchObject({ count: 2 });
  });
});
