/**
 * The vouchers of a batch as printed cards, for editable templates: read from the hotspot domain's
 * batches, vouchers and plans and the business settings. Reads only; those tables are their owners'.
 */
import { notFound } from '@shared/domain/errors';
import type { VoucherCard } from '@shared/domain/voucher-print';
import type { TenantScope } from '../context';
import { logoBytes, localeOf } from './receipt-data';

export interface TemplateBatch {
  id: string;
  comment: string;
  business: { name: string; logoPng: Uint8Array | null };
  locale: string;
  cards: VoucherCard[];
}

const UNITS: readonly [number, string][] = [[86_400, 'day'], [3_600, 'hour'], [60, 'minute']];

/** "1 day", "3 hours", "90 minutes": the largest unit that divides the seconds. */
function duration(seconds: number): string {
  const [size, unit] = UNITS.find(([s]) => seconds % s === 0) ?? [60, 'minute'];
  const n = Math.max(1, Math.round(seconds / size));
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The plan's limit in words, as the built-in cards print it. */
export function validityText(kind: 'uptime' | 'validity' | 'none', seconds: number | null): string {
  if (kind === 'none' || seconds === null) return 'No time limit';
  return kind === 'uptime' ? `${duration(seconds)} of use` : `${duration(seconds)} from first login`;
}

/**
 * The batch's live vouchers in code order (revoked ones are not printed), at most `limit` of them; the
 * newest batch when `batchId` is null, or null when the tenant has none yet.
 */
export async function templateBatch(scope: TenantScope, batchId: string | null, dnsName: string, limit?: number): Promise<TemplateBatch | null> {
  let q = scope.db.selectFrom('voucherBatches').innerJoin('hotspotPlans', 'hotspotPlans.id', 'voucherBatches.planId')
    .select(['voucherBatches.id', 'voucherBatches.comment', 'voucherBatches.priceMinor', 'hotspotPlans.name as planName', 'hotspotPlans.limitKind', 'hotspotPlans.limitSec']);
  q = batchId ? q.where('voucherBatches.id', '=', batchId) : q.orderBy('voucherBatches.serial', 'desc').limit(1);
  const batch = await q.executeTakeFirst();
  if (!batch) {
    if (batchId) throw notFound('voucher-batch.not-found');
    return null;
  }
  // Serials count every voucher of the batch in the order made, so a revoked one leaves its number unused.
  const all = await scope.db.selectFrom('vouchers').select(['code', 'password', 'status']).where('batchId', '=', batch.id).orderBy('id').execute();
  const width = Math.max(3, String(all.length).length);
  const vouchers = all.map((v, i) => ({ ...v, serial: String(i + 1).padStart(width, '0') })).filter((v) => v.status !== 'revoked').slice(0, limit);
  const business = await scope.db.selectFrom('businessSettings').select(['legalName', 'logoDataUrl']).where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    id: batch.id,
    comment: batch.comment,
    business: { name: business.legalName || scope.tenant.name, logoPng: logoBytes(business.logoDataUrl) },
    locale: localeOf(scope.tenant.country),
    cards: vouchers.map((v) => ({
      planName: batch.planName, priceMinor: batch.priceMinor, currency: scope.tenant.currency, validityText: validityText(batch.limitKind, batch.limitSec),
      code: v.code, password: v.password === v.code ? null : v.password, serial: v.serial, batchLabel: batch.comment,
      hotspotDnsName: dnsName,
    })),
  };
}

/** Made-up values for a preview before the tenant has any batch. */
export function sampleTemplateBatch(scope: TenantScope, dnsName: string): TemplateBatch {
  return {
    id: '', comment: 'vc-001-sample', business: { name: scope.tenant.name, logoPng: null }, locale: localeOf(scope.tenant.country),
    cards: ['K7M9PQ', 'H4TX2W', 'R8BN3C', 'Z5DF6G'].map((code, i) => ({
      planName: '1 Day Unlimited', priceMinor: 5_000, currency: scope.tenant.currency, validityText: '1 day from first login', code, password: null,
      serial: String(i + 1).padStart(3, '0'), batchLabel: 'vc-001-sample', hotspotDnsName: dnsName,
    })),
  };
}
