import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { uuidv7 } from '@shared/domain/ids';
import { DEFAULT_VOUCHER_TEMPLATE } from '@shared/domain/voucher-template';
import { gridCell, VOUCHER_LAYOUT_SPECS } from '../../../src-main/core/documents';
import { addStaff } from '../../fixtures/test-core';
import { renderPdf } from '../../unit/documents/render-pdf';
import { decodeQrIn } from '../../unit/documents/voucher-samples';
import { syncWorld, type SyncWorld } from '../router-sync/harness';

/** A card with the QR on its own row, so each cell's code can be found and decoded. */
const TEMPLATE = `<div style="border: 1pt solid #000000; padding: 3pt">
  <div style="font-weight: bold">{{business}}</div>
  <div>Code {{code}} · PIN {{password}}</div>
  <div style="float: right; width: 58pt">{{qr}}</div>
  <div>{{plan}}</div><div>{{price}}</div><div>No. {{serial}}</div>
</div>`;

describe('editable voucher templates: saved checked, previewed on real vouchers, printed as PDF', () => {
  let w: SyncWorld;
  let call: <K extends Parameters<SyncWorld['t']['call']>[0]>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let batch: OutputOf<'hotspot.batches.create'>;
  let template: OutputOf<'hotspot.templates.create'>;

  beforeAll(async () => {
    w = await syncWorld();
    call = (channel, input) => w.t.call(channel, input, w.inst.adminToken);
    await call('settings.update', { legalName: 'Kilimani WiFi', address: '', phone: '', email: '', taxId: '', vatRateBasisPoints: 1600, receiptFooter: '' });
    const plan = await call('hotspot.plans.create', {
      name: '1 Day', routerId: w.routerId, profileName: 'hs-1d', rateLimit: { rxKbps: 2000, txKbps: 5000 }, limit: { kind: 'validity', seconds: 86_400 }, priceMinor: 5000,
    });
    batch = await call('hotspot.batches.create', {
      planId: plan.id, count: 26, requestKey: uuidv7(), code: { length: 6, prefix: '', charset: 'alnumUpper', mode: 'pin', pinLength: 4 },
    });
  });
  afterAll(() => w.t.close());

  it('refuses a template with a script on save with a field error, and stores nothing', async () => {
    const bad = await w.t.raw('hotspot.templates.create', { name: 'Evil', html: '<div>{{code}}</div><script>fetch("//x")</script>', dnsName: 'wifi.kilimani.net' }, w.inst.adminToken);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'voucher-template.invalid', params: { problem: 'script', detail: '<script>' }, fields: { html: 'template-script' } } });
    const unknown = await w.t.raw('hotspot.templates.create', { name: 'Typo', html: '<b>{{cod}}</b>', dnsName: 'wifi.kilimani.net' }, w.inst.adminToken);
    expect(unknown).toMatchObject({ ok: false, error: { params: { problem: 'unknown-variable', detail: 'cod' }, fields: { html: 'template-unknown-variable' } } });
    const handler = await w.t.raw('hotspot.templates.create', { name: 'Img', html: '<img src=x onerror=alert(1)>', dnsName: 'wifi.kilimani.net' }, w.inst.adminToken);
    expect(handler).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call('hotspot.templates.list', { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('saves (names unique whatever their case) and previews the unsaved HTML on the batch’s first vouchers', async () => {
    template = await call('hotspot.templates.create', { name: 'Shop card', html: TEMPLATE, dnsName: 'WiFi.Kilimani.net' });
    expect(template).toMatchObject({ layout: 'a4-3x8', dnsName: 'wifi.kilimani.net' });
    const clash = await w.t.raw('hotspot.templates.create', { name: 'SHOP CARD', html: '<b>{{code}}</b>', dnsName: 'wifi.kilimani.net' }, w.inst.adminToken);
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'taken' } } });

    const vouchers = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 100, sort: { field: 'createdAt', dir: 'asc' } })).items;
    const preview = await call('hotspot.templates.preview', { html: `${TEMPLATE}<i>{{validity}}</i>`, layout: 'roll80', dnsName: 'wifi.kilimani.net', batchId: batch.id, count: 3 });
    expect(preview.issues).toEqual([]);
    expect(preview.batch).toEqual({ id: batch.id, comment: batch.comment });
    expect(preview.document.match(/class="card"/g)).toHaveLength(3);
    expect(preview.document).toContain('1 day from first login');
    expect(preview.document).toContain('Kilimani WiFi');
    const shown = vouchers.filter((v) => preview.document.includes(`Code ${v.code} · PIN ${v.password}`));
    expect(shown).toHaveLength(3);

    // While typing, a bad template answers with its problems and no document; the newest batch is the default.
    const typing = await call('hotspot.templates.preview', { html: '<div onclick="x()">{{cod}}</div>', layout: 'a4-4x10', dnsName: 'wifi.kil' });
    expect(typing.issues).toEqual([{ problem: 'event-handler', detail: 'onclick' }, { problem: 'unknown-variable', detail: 'cod' }]);
    expect(typing).toMatchObject({ document: '', batch: { id: batch.id } });
  });

  it('prints the batch with the saved template: every voucher’s text, and QR codes that decode to the login URL', async () => {
    const vouchers = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 100 })).items;
    const r = await call('hotspot.templates.pdf', { templateId: template.id, batchId: batch.id });
    expect(r.count).toBe(26);
    expect(r.fileName).toMatch(/^vc-001-.*-Shop-card-a4-3x8\.pdf$|^up-001-.*-Shop-card-a4-3x8\.pdf$/);
    const pages = renderPdf(Buffer.from(r.pdfBase64, 'base64'), 3);
    expect(pages).toHaveLength(2);
    const text = pages.map((p) => p.text).join(' ');
    for (const v of vouchers) expect(text).toContain(`Code ${v.code} · PIN ${v.password}`);
    expect(text.split('Kilimani WiFi').length - 1).toBe(26);
    expect(text).toContain('Ksh 50.00');

    const spec = VOUCHER_LAYOUT_SPECS['a4-3x8'];
    if (spec.kind !== 'grid') throw new Error('grid layout expected');
    for (const i of [0, 1, 23]) {
      const url = decodeQrIn(pages[0]!, gridCell(spec, i));
      const code = /username=([A-Z0-9]+)&password=(\d+)$/.exec(url ?? '');
      expect(url).toMatch(/^http:\/\/wifi\.kilimani\.net\/login\?username=[A-Z0-9]{6}&password=\d{4}$/);
      const v = vouchers.find((x) => x.code === code?.[1]);
      expect(v?.password).toBe(code?.[2]);
      // The QR of cell i belongs to the voucher whose code is printed in that cell.
      expect(pages[0]!.text).toContain(`Code ${v!.code}`);
    }
  });

  it('prints on a roll through the same path, leaving revoked vouchers out', async () => {
    const vouchers = (await call('hotspot.vouchers.list', { batchId: batch.id, page: 1, pageSize: 100 })).items;
    await call('hotspot.vouchers.revoke', { voucherId: vouchers[0]!.id });
    const r = await call('hotspot.templates.pdf', { templateId: template.id, batchId: batch.id, layout: 'roll58' });
    expect(r.count).toBe(25);
    const pages = renderPdf(Buffer.from(r.pdfBase64, 'base64'), 3);
    expect(Math.round(pages[0]!.widthPt)).toBe(Math.round((58 * 72) / 25.4));
    const text = pages.map((p) => p.text).join(' ');
    expect(text).not.toContain(vouchers[0]!.code);
    expect(text).toContain(vouchers[1]!.code);
    expect(decodeQrIn(pages[0]!, { x: 0, y: 0, width: pages[0]!.widthPt, height: Math.min(pages[0]!.heightPt, 150) })).toMatch(/^http:\/\/wifi\.kilimani\.net\/login\?username=/);
  });

  it('edits with the same checks, lets a cashier print but not edit, and deletes', async () => {
    const cashier = await addStaff(w.t, w.inst.adminToken, 'cash@alpha.test', ['CASHIER']);
    expect(await w.t.raw('hotspot.templates.update', { templateId: template.id, html: '<a href="javascript:alert(1)">x</a>' }, w.inst.adminToken))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { html: 'template-element' } } });
    expect((await call('hotspot.templates.get', { templateId: template.id })).html).toBe(TEMPLATE);
    const updated = await call('hotspot.templates.update', { templateId: template.id, html: DEFAULT_VOUCHER_TEMPLATE, layout: 'a4-4x10' });
    expect(updated).toMatchObject({ html: DEFAULT_VOUCHER_TEMPLATE, layout: 'a4-4x10' });
    expect(await w.t.raw('hotspot.templates.update', { templateId: template.id, name: 'Mine' }, cashier.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const printed = await w.t.call('hotspot.templates.pdf', { templateId: template.id, batchId: batch.id }, cashier.token);
    expect(printed.count).toBe(25);
    expect(await call('hotspot.templates.delete', { templateId: template.id })).toEqual({ deleted: true });
    expect(await w.t.raw('hotspot.templates.get', { templateId: template.id }, w.inst.adminToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'voucher-template.not-found' } });
  });
});
