/**
 * Editable voucher templates (issue 11 §3): saved only when the HTML passes the check (a template with a
 * script is refused with a field error, never stored cleaned — §6), previewed on a batch's first vouchers
 * and printed through the PDF path of receipts.
 */
import { sql, type Selectable, type SqlBool } from 'kysely';
import { AppError, notFound, type FieldCode } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import type { TemplateIssue } from '@shared/domain/voucher-template';
import { isDnsName, type VoucherLayout } from '@shared/domain/voucher-print';
import type { TenantScope } from '../context';
import type { VoucherTemplatesTable } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { containsText } from '../db/query-helpers';
import { pageQuery } from '../paging';
import { sanitiseTemplate, templateIssues } from './voucher-template-sanitize';
import { cardHtml, previewDocument } from './voucher-template-html';
import { voucherTemplatePdf } from './voucher-template-pdf';
import { sampleTemplateBatch, templateBatch } from './voucher-template-data';

type Row = Selectable<VoucherTemplatesTable>;

function toTemplate(r: Row): VoucherTemplate {
  return { id: r.id, name: r.name, html: r.html, layout: r.layout, dnsName: r.dnsName, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

async function findTemplate(scope: TenantScope, id: string): Promise<Row> {
  const r = await scope.db.selectFrom('voucherTemplates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('voucher-template.not-found');
  return r;
}

/** Refuses a template with any problem: the first one names the field error, the count says how many. */
function assertClean(html: string): void {
  const issues = templateIssues(html);
  const first = issues[0];
  if (!first) return;
  throw new AppError('VALIDATION', 'voucher-template.invalid', {
    params: { problem: first.problem, detail: first.detail || 'an empty template', count: issues.length },
    fields: { html: `template-${first.problem}` as FieldCode },
  });
}

async function assertNameFree(scope: TenantScope, name: string, exceptId?: string): Promise<void> {
  const same = await scope.db.selectFrom('voucherTemplates').select('id').where(sql<SqlBool>`name = ${name} collate nocase`).executeTakeFirst();
  if (same && same.id !== exceptId) throw new AppError('CONFLICT', 'voucher-template.name-taken', { params: { name }, fields: { name: 'taken' } });
}

export async function getTemplate(scope: TenantScope, id: string): Promise<VoucherTemplate> {
  return toTemplate(await findTemplate(scope, id));
}

export async function listTemplates(scope: TenantScope, q: ParsedInputOf<'hotspot.templates.list'>): Promise<OutputOf<'hotspot.templates.list'>> {
  let base = scope.db.selectFrom('voucherTemplates');
  if (q.q) base = base.where(containsText('name', q.q));
  const sort = q.sort ?? { field: 'name', dir: 'asc' as const };
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: sort.field, dir: sort.dir }, { by: 'id', dir: 'asc' }] });
  return { ...page, items: page.items.map(toTemplate) };
}

export async function createTemplate(scope: TenantScope, input: ParsedInputOf<'hotspot.templates.create'>): Promise<VoucherTemplate> {
  assertClean(input.html);
  await assertNameFree(scope, input.name);
  const id = uuidv7();
  const now = scope.core.clock.now().toISOString();
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('voucherTemplates').values({
      id, name: input.name, html: input.html, layout: input.layout, dnsName: input.dnsName, createdBy: scope.actor.id, createdAt: now, updatedAt: now,
    }).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-template.created', summary: `Added voucher template ${input.name}`, targetType: 'voucher-template', targetId: id, details: { layout: input.layout },
    });
  });
  return getTemplate(scope, id);
}

export async function updateTemplate(scope: TenantScope, input: ParsedInputOf<'hotspot.templates.update'>): Promise<VoucherTemplate> {
  const before = await findTemplate(scope, input.templateId);
  if (input.html !== undefined) assertClean(input.html);
  if (input.name !== undefined) await assertNameFree(scope, input.name, before.id);
  const next = { name: input.name ?? before.name, html: input.html ?? before.html, layout: input.layout ?? before.layout, dnsName: input.dnsName ?? before.dnsName };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
  if (changed.length === 0) return toTemplate(before);
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('voucherTemplates').set({ ...next, updatedAt: scope.core.clock.now().toISOString() }).where('id', '=', before.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-template.updated', summary: `Edited voucher template ${before.name}: ${changed.join(', ')}`, targetType: 'voucher-template', targetId: before.id,
      details: { fields: changed },
    });
  });
  return getTemplate(scope, before.id);
}

export async function deleteTemplate(scope: TenantScope, id: string): Promise<{ deleted: true }> {
  const before = await findTemplate(scope, id);
  await scope.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('voucherTemplates').where('id', '=', id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'voucher-template.deleted', summary: `Deleted voucher template ${before.name}`, targetType: 'voucher-template', targetId: id,
    });
  });
  return { deleted: true };
}

/**
 * The unsaved HTML as the editor shows it while typing: its problems, or a whole sandboxed document with
 * the first vouchers of the batch (the newest batch when none is named, sample values before any batch).
 */
export async function previewTemplate(scope: TenantScope, input: ParsedInputOf<'hotspot.templates.preview'>): Promise<OutputOf<'hotspot.templates.preview'>> {
  const issues: TemplateIssue[] = templateIssues(input.html);
  // A host the QR code cannot carry is the form's own field error; the preview uses a placeholder meanwhile.
  const dnsName = isDnsName(input.dnsName.trim()) ? input.dnsName.trim().toLowerCase() : 'hotspot.local';
  const batch = (await templateBatch(scope, input.batchId ?? null, dnsName, input.count)) ?? sampleTemplateBatch(scope, dnsName);
  const batchRef = batch.id ? { id: batch.id, comment: batch.comment } : null;
  if (issues.length > 0) return { issues, document: '', batch: batchRef };
  const clean = sanitiseTemplate(input.html);
  const cards = batch.cards.length > 0 ? batch.cards : sampleTemplateBatch(scope, dnsName).cards;
  const html = await Promise.all(cards.slice(0, input.count).map((c) => cardHtml(clean, c, batch.business, batch.locale)));
  return { issues, document: previewDocument(html, input.layout), batch: batchRef };
}

/** Every live voucher of a batch printed with a saved template (re-checked: it is drawn only when clean). */
export async function templatePdf(scope: TenantScope, input: ParsedInputOf<'hotspot.templates.pdf'>): Promise<OutputOf<'hotspot.templates.pdf'>> {
  const t = await findTemplate(scope, input.templateId);
  assertClean(t.html);
  const batch = await templateBatch(scope, input.batchId, t.dnsName);
  if (!batch) throw notFound('voucher-batch.not-found');
  if (batch.cards.length === 0) throw new AppError('CONFLICT', 'voucher-template.no-vouchers');
  const layout: VoucherLayout = input.layout ?? t.layout;
  const bytes = await voucherTemplatePdf({
    html: sanitiseTemplate(t.html), business: batch.business, locale: batch.locale, createdAt: scope.core.clock.now().toISOString(),
    title: `Vouchers ${batch.comment}`, vouchers: batch.cards,
  }, layout);
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'vouchers';
  return { fileName: `${safe(batch.comment)}-${safe(t.name)}-${layout}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64'), count: batch.cards.length };
}
