/**
 * Hotspot vouchers as a PDF for printing or reprinting (issue 11 §3): a batch, the vouchers generated in
 * a time range, or codes typed in. Reads the hotspot's rows and business settings; the only write is the
 * audit row saying who printed what (through the auth domain's audit service).
 */
import { AppError, notFound } from '@shared/domain/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { MAX_VOUCHERS_PER_PDF } from '@shared/contract/documents';
import type { VoucherCard, VoucherLayout } from '@shared/domain/voucher-print';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { localeOf, logoBytes } from './receipt-data';
import { voucherPdf } from './voucher-pdf';

type Input = ParsedInputOf<'hotspot.vouchers.pdf'>;

interface PrintRow {
  id: string;
  batchId: string;
  code: string;
  password: string;
  mode: 'same' | 'pin';
  comment: string;
  priceMinor: number;
  planName: string;
  limitKind: 'uptime' | 'validity' | 'none';
  limitSec: number | null;
  limitBytesTotal: number | null;
  dnsName: string | null;
}

function span(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return plural(Math.round(seconds / 60), 'minute');
}

function bytes(n: number): string {
  return n % 1024 ** 3 === 0 ? `${n / 1024 ** 3} GB` : `${Math.round(n / 1024 ** 2)} MB`;
}

/** What ends the voucher, in words for the card: "1 hour of use", "7 days from first login", "2 GB". */
export function validityText(r: Pick<PrintRow, 'limitKind' | 'limitSec' | 'limitBytesTotal'>): string {
  const parts: string[] = [];
  if (r.limitKind === 'uptime' && r.limitSec !== null) parts.push(`${span(r.limitSec)} of use`);
  if (r.limitKind === 'validity' && r.limitSec !== null) parts.push(`${span(r.limitSec)} from first login`);
  if (r.limitBytesTotal !== null) parts.push(bytes(r.limitBytesTotal));
  return parts.length > 0 ? parts.join(' · ') : 'No time limit';
}

async function selectRows(scope: TenantScope, select: Input['select']): Promise<{ rows: PrintRow[]; what: string }> {
  let q = scope.db.selectFrom('vouchers')
    .innerJoin('voucherBatches', 'voucherBatches.id', 'vouchers.batchId')
    .innerJoin('hotspotPlans', 'hotspotPlans.id', 'vouchers.planId')
    .select([
      'vouchers.id', 'vouchers.batchId', 'vouchers.code', 'vouchers.password', 'voucherBatches.mode', 'voucherBatches.comment',
      'voucherBatches.priceMinor', 'hotspotPlans.name as planName', 'hotspotPlans.limitKind', 'hotspotPlans.limitSec',
      'hotspotPlans.limitBytesTotal', 'hotspotPlans.dnsName',
    ])
    .where('vouchers.status', '!=', 'revoked');
  let what: string;
  if (select.by === 'batch') {
    const b = await scope.db.selectFrom('voucherBatches').select('comment').where('id', '=', select.batchId).executeTakeFirst();
    if (!b) throw notFound('voucher-batch.not-found');
    q = q.where('vouchers.batchId', '=', select.batchId);
    what = `batch ${b.comment}`;
  } else if (select.by === 'dates') {
    if (select.planId) {
      const p = await scope.db.selectFrom('hotspotPlans').select('id').where('id', '=', select.planId).executeTakeFirst();
      if (!p) throw notFound('hotspot-plan.not-found');
      q = q.where('vouchers.planId', '=', select.planId);
    }
    q = q.where('vouchers.createdAt', '>=', new Date(select.from).toISOString()).where('vouchers.createdAt', '<', new Date(select.to).toISOString());
    what = `generated ${select.from} – ${select.to}`;
  } else {
    const keys = [...new Set(select.codes.map((c) => c.toLowerCase()))];
    q = q.where('vouchers.codeKey', 'in', keys);
    what = `codes ${select.codes.slice(0, 20).join(', ')}${select.codes.length > 20 ? '…' : ''}`;
  }
  // One over the limit is enough to refuse.
  const rows = await q.orderBy('voucherBatches.serial').orderBy('vouchers.id').limit(MAX_VOUCHERS_PER_PDF + 1).execute();
  if (rows.length > MAX_VOUCHERS_PER_PDF) {
    const n = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    throw new AppError('VALIDATION', 'voucher-print.too-many', { params: { count: Number(n.n), max: MAX_VOUCHERS_PER_PDF } });
  }
  return { rows, what };
}

/** Each voucher's number in its batch (generation order, revoked ones counted), as printed: "0007". */
async function serialsOf(scope: TenantScope, rows: readonly PrintRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batchId of new Set(rows.map((r) => r.batchId))) {
    const ids = await scope.db.selectFrom('vouchers').select('id').where('batchId', '=', batchId).orderBy('id').execute();
    const width = Math.max(4, String(ids.length).length);
    ids.forEach((v, i) => out.set(v.id, String(i + 1).padStart(width, '0')));
  }
  return out;
}

export async function voucherPdfFile(scope: TenantScope, input: Input): Promise<OutputOf<'hotspot.vouchers.pdf'>> {
  const { rows, what } = await selectRows(scope, input.select);
  if (rows.length === 0) throw notFound('voucher-print.not-found');
  const missing = [...new Set(rows.filter((r) => r.dnsName === null).map((r) => r.planName))];
  if (missing.length > 0) throw new AppError('CONFLICT', 'voucher-print.no-dns-name', { params: { plans: missing.join(', ') } });
  const serials = await serialsOf(scope, rows);
  const business = await scope.db.selectFrom('businessSettings').select(['legalName', 'logoDataUrl']).where('id', '=', 1).executeTakeFirstOrThrow();
  const now = scope.core.clock.now();
  const vouchers: VoucherCard[] = rows.map((r) => ({
    planName: r.planName, priceMinor: r.priceMinor, currency: scope.tenant.currency, validityText: validityText(r), code: r.code,
    password: r.mode === 'same' ? null : r.password, serial: serials.get(r.id) ?? '', batchLabel: r.comment, hotspotDnsName: r.dnsName ?? '',
  }));
  const layout: VoucherLayout = input.layout;
  const pdf = await voucherPdf({
    business: { name: business.legalName || scope.tenant.name, logoPng: logoBytes(business.logoDataUrl) },
    locale: localeOf(scope.tenant.country), createdAt: now.toISOString(), vouchers,
  }, layout);
  await appendAudit(scope.db, scope.core.clock, scope.actor, {
    action: 'voucher.printed', summary: `Printed ${rows.length} vouchers (${what}) as ${layout}`, targetType: input.select.by === 'batch' ? 'voucher-batch' : 'voucher',
    targetId: input.select.by === 'batch' ? input.select.batchId : rows[0]!.id,
    details: { count: rows.length, layout, select: input.select.by, batches: [...new Set(rows.map((r) => r.batchId))].slice(0, 50) },
  });
  const stamp = now.toISOString().slice(0, 10);
  const label = input.select.by === 'batch' ? rows[0]!.comment.replace(/[^A-Za-z0-9._-]/g, '_') : `${input.select.by}-${stamp}`;
  return { fileName: `vouchers-${label}-${layout}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64'), count: rows.length };
}
