/**
 * The receipt of one payment as the PDF renderer takes it, read from the payment, its subscriber, the
 * wallet ledger and the tenant's business settings. Reads only; each of those tables is written by its owner.
 */
import { notFound } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import type { ReceiptDoc } from './document-types';
import { receiptNumberOf } from './receipt-number';

const METHOD_NAMES = { mpesa: 'M-Pesa', cash: 'Cash', bank: 'Bank transfer', card: 'Card' } as const;

/** pdfkit draws PNG and JPEG only; a WebP or SVG logo is left off the receipt rather than failing it. */
export function logoBytes(dataUrl: string | null): Uint8Array | null {
  const m = dataUrl ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl) : null;
  return m?.[2] ? Buffer.from(m[2], 'base64') : null;
}

/** `en-KE` for a Kenyan tenant: dates and amounts read the way the office writes them. */
export function localeOf(country: string): string {
  return /^[A-Z]{2}$/.test(country) ? `en-${country}` : 'en';
}

export async function receiptDocOf(scope: TenantScope, paymentId: string): Promise<ReceiptDoc> {
  const p = await scope.db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
  // A receipt is for money that reached a wallet: an unmatched or set-aside payment has no subscriber to name.
  if (!p || p.status !== 'applied' || !p.subscriberId) throw notFound('payment.not-found');
  const s = await scope.db.selectFrom('subscribers').innerJoin('packages', 'packages.id', 'subscribers.packageId')
    .select(['subscribers.fullName', 'subscribers.accountNumber', 'subscribers.phones', 'subscribers.expiresAt', 'packages.name as packageName'])
    .where('subscribers.id', '=', p.subscriberId).executeTakeFirstOrThrow();
  const business = await scope.db.selectFrom('businessSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

  // The wallet right after this payment and the renewal it paid for: the last entry carrying its reference.
  const credit = await scope.db.selectFrom('ledgerEntries').select(['seq']).where('paymentId', '=', p.id).where('kind', '=', 'credit').executeTakeFirst();
  const after = credit
    ? await scope.db.selectFrom('ledgerEntries').select(['seq', 'balanceAfterMinor']).where('subscriberId', '=', p.subscriberId)
      .where('seq', '>=', credit.seq).where((eb) => eb.or([eb('seq', '=', credit.seq), eb('reference', '=', p.reference)]))
      .orderBy('seq', 'desc').executeTakeFirst()
    : undefined;
  const renewals = credit
    ? await scope.db.selectFrom('ledgerEntries').select((eb) => eb.fn.countAll<number>().as('n')).where('subscriberId', '=', p.subscriberId)
      .where('seq', '>', credit.seq).where('source', '=', 'renewal').where('reference', '=', p.reference).executeTakeFirstOrThrow()
    : { n: 0 };
  // The current expiry is this payment's doing only if no later renewal moved it since.
  const laterRenewal = after
    ? await scope.db.selectFrom('ledgerEntries').select('id').where('subscriberId', '=', p.subscriberId).where('seq', '>', after.seq)
      .where('source', '=', 'renewal').executeTakeFirst()
    : undefined;
  const periods = Number(renewals.n);
  const phones = JSON.parse(s.phones) as unknown;

  return {
    business: {
      name: business.legalName || scope.tenant.name,
      address: business.address || null,
      phone: business.phone || null,
      email: business.email || null,
      taxPin: business.taxId || null,
      logoPng: logoBytes(business.logoDataUrl),
    },
    receiptNumber: receiptNumberOf(p.id),
    issuedAt: p.paidAt,
    timeZone: scope.tenant.timezone,
    locale: localeOf(scope.tenant.country),
    subscriber: { name: s.fullName, accountNumber: s.accountNumber, phone: Array.isArray(phones) && typeof phones[0] === 'string' ? phones[0] : null },
    lines: [{ description: periods > 0 ? `${s.packageName} × ${periods}` : 'Wallet credit', amountMinor: p.amountMinor }],
    totalMinor: p.amountMinor,
    currency: scope.tenant.currency,
    method: METHOD_NAMES[p.provider],
    reference: p.reference,
    cashier: p.recordedByType === 'staff' ? p.recordedByName : null,
    balanceAfterMinor: after?.balanceAfterMinor ?? null,
    newExpiry: periods > 0 && !laterRenewal ? s.expiresAt : null,
    footer: business.receiptFooter || null,
  };
}
