import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import type { TenantDB } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';

export type InvoiceSettings = OutputOf<'invoices.settings.get'>;

/** Numbering and VAT mode (this domain) with the VAT rate of the business settings (tenancy owns that row). */
export async function readInvoiceSettings(db: Kysely<TenantDB>): Promise<InvoiceSettings> {
  const s = await db.selectFrom('invoiceSettings').select(['prefix', 'nextNumber', 'vatMode', 'paymentTermsDays']).where('id', '=', 1).executeTakeFirstOrThrow();
  const b = await db.selectFrom('businessSettings').select('vatRateBasisPoints').where('id', '=', 1).executeTakeFirstOrThrow();
  return { ...s, vatRateBasisPoints: b.vatRateBasisPoints };
}

export async function updateInvoiceSettings(scope: TenantScope, input: ParsedInputOf<'invoices.settings.update'>): Promise<InvoiceSettings> {
  await scope.db.transaction().execute(async (trx) => {
    const before = await readInvoiceSettings(trx);
    await trx.updateTable('invoiceSettings').set({ ...input, updatedAt: scope.core.clock.now().toISOString() }).where('id', '=', 1).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'invoice.settings-updated', summary: `Invoice settings changed: prefix "${input.prefix}", VAT ${input.vatMode}, terms ${input.paymentTermsDays} days`,
      targetType: 'settings', details: { before: { prefix: before.prefix, vatMode: before.vatMode, paymentTermsDays: before.paymentTermsDays }, after: input },
    });
  });
  return readInvoiceSettings(scope.db);
}
