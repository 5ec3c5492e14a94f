import type { Kysely } from 'kysely';
import type { ParsedInputOf } from '@shared/contract';
import type { InvoiceDetail } from '@shared/contract/invoices';
import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { formatInvoiceNumber, invoiceTotals, type InvoiceLineInput } from '@shared/domain/invoice-totals';
import { addPeriod } from '@shared/domain/billing-period';
import { localDate, startOfLocalDay } from '@shared/domain/time';
import type { TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { allocateWalletCredit } from './allocate';
import { getInvoice } from './invoice-repo';
import { readInvoiceSettings } from './settings';

export interface DraftValues {
  id: string;
  subscriberId: string;
  lines: readonly (InvoiceLineInput & { description: string })[];
  /** UTC instant the invoice is due. */
  dueAt: string;
  notes: string | null;
  period: { key: string; from: string; to: string } | null;
}

/**
 * Writes a draft in the caller's transaction with totals computed from the tenant's VAT rate and mode as they
 * are now (stored, so a later settings change never rewrites an invoice). Returns false when the id or the
 * (subscriber, period) already exists: the monthly job relies on that to insert nothing twice.
 */
export async function insertDraft(trx: Kysely<TenantDB>, scope: TenantScope, v: DraftValues, now: Date): Promise<boolean> {
  const settings = await readInvoiceSettings(trx);
  const t = invoiceTotals(v.lines, { mode: settings.vatMode, rateBasisPoints: settings.vatRateBasisPoints });
  const inserted = await trx.insertInto('invoices').values({
    id: v.id, seq: null, number: null, subscriberId: v.subscriberId, status: 'draft', periodKey: v.period?.key ?? null, periodFrom: v.period?.from ?? null,
    periodTo: v.period?.to ?? null, vatMode: settings.vatMode, vatRateBasisPoints: settings.vatRateBasisPoints, subtotalMinor: t.subtotalMinor,
    vatMinor: t.vatMinor, totalMinor: t.totalMinor, dueAt: v.dueAt, issuedAt: null, notes: v.notes, voidedAt: null, voidReason: null,
    createdAt: now.toISOString(), createdByName: scope.actor.name,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (!inserted) return false;
  await trx.insertInto('invoiceLines').values(v.lines.map((l, i) => ({
    invoiceId: v.id, position: i + 1, description: l.description, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, amountMinor: t.lineAmountsMinor[i]!,
  }))).execute();
  return true;
}

/** Due at the start of the given local day in the tenant zone, else today + the payment terms. */
export async function defaultDueAt(trx: Kysely<TenantDB>, scope: TenantScope, now: Date, dueDate?: string): Promise<string> {
  if (dueDate) return startOfLocalDay(dueDate, scope.tenant.timezone).toISOString();
  const { paymentTermsDays } = await readInvoiceSettings(trx);
  const today = startOfLocalDay(localDate(now, scope.tenant.timezone), scope.tenant.timezone);
  return addPeriod(today, { count: paymentTermsDays, unit: 'days' }, scope.tenant.timezone).toISOString();
}

export async function createDraft(scope: TenantScope, input: ParsedInputOf<'invoices.create'>): Promise<InvoiceDetail> {
  const now = scope.core.clock.now();
  const id = uuidv7(now.getTime());
  await scope.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('subscribers').select(['id', 'accountNumber']).where('id', '=', input.subscriberId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!s) throw notFound('subscriber.not-found');
    const dueAt = await defaultDueAt(trx, scope, now, input.dueDate);
    await insertDraft(trx, scope, { id, subscriberId: s.id, lines: input.lines, dueAt, notes: input.notes ? input.notes : null, period: null }, now);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'invoice.created', summary: `Draft invoice for ${s.accountNumber} (${input.lines.length} line(s))`, targetType: 'invoice', targetId: id,
      details: { subscriberId: s.id },
    });
  });
  return getInvoice(scope.db, id);
}

/**
 * Gives a draft the next number, in the caller's transaction. The counter row is read and bumped here and
 * the tenant file has one writer at a time, so two issues never take the same number; a transaction that
 * fails later rolls the bump back with it, so no number is skipped.
 */
export async function issueInTransaction(trx: Kysely<TenantDB>, scope: TenantScope, invoiceId: string, now: Date): Promise<string> {
  const inv = await trx.selectFrom('invoices').select(['status', 'subscriberId']).where('id', '=', invoiceId).executeTakeFirst();
  if (!inv) throw notFound('invoice.not-found');
  if (inv.status !== 'draft') throw new AppError('CONFLICT', 'invoice.wrong-status', { params: { status: inv.status } });
  const counter = await trx.updateTable('invoiceSettings').set((eb) => ({ nextNumber: eb('nextNumber', '+', 1) })).where('id', '=', 1)
    .returning(['nextNumber', 'prefix']).executeTakeFirstOrThrow();
  const seq = counter.nextNumber - 1;
  const number = formatInvoiceNumber(counter.prefix, seq);
  await trx.updateTable('invoices').set({ status: 'issued', seq, number, issuedAt: now.toISOString() }).where('id', '=', invoiceId).execute();
  await appendAudit(trx, scope.core.clock, scope.actor, {
    action: 'invoice.issued', summary: `Invoice ${number} issued`, targetType: 'invoice', targetId: invoiceId, details: { number, subscriberId: inv.subscriberId },
  });
  // Credit already in the wallet settles it at once (README "Invoices", allocation).
  await allocateWalletCredit(trx, invoiceId, now);
  return number;
}

export async function issueInvoice(scope: TenantScope, invoiceId: string): Promise<InvoiceDetail> {
  const now = scope.core.clock.now();
  await scope.db.transaction().execute((trx) => issueInTransaction(trx, scope, invoiceId, now));
  return getInvoice(scope.db, invoiceId);
}

/** Void keeps the number (the sequence stays gapless on paper) and needs a reason; refused once money is allocated. */
export async function voidInvoice(scope: TenantScope, input: ParsedInputOf<'invoices.void'>): Promise<InvoiceDetail> {
  const now = scope.core.clock.now();
  await scope.db.transaction().execute(async (trx) => {
    const inv = await trx.selectFrom('invoices').select(['status', 'number', 'paidMinor']).where('id', '=', input.invoiceId).executeTakeFirst();
    if (!inv) throw notFound('invoice.not-found');
    if (inv.status === 'void') throw new AppError('CONFLICT', 'invoice.wrong-status', { params: { status: inv.status } });
    if (inv.paidMinor > 0) throw new AppError('CONFLICT', 'invoice.has-payments', { params: { paidMinor: inv.paidMinor } });
    await trx.updateTable('invoices').set({ status: 'void', voidedAt: now.toISOString(), voidReason: input.reason }).where('id', '=', input.invoiceId).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'invoice.voided', summary: `Invoice ${inv.number ?? '(draft)'} voided: ${input.reason}`, targetType: 'invoice', targetId: input.invoiceId,
      details: { number: inv.number, previousStatus: inv.status, reason: input.reason },
    });
  });
  return getInvoice(scope.db, input.invoiceId);
}
