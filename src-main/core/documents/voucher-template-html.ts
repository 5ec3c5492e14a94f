/**
 * A checked template filled with vouchers as HTML, for the live preview: the sanitised card once per
 * voucher, text variables HTML-escaped, `{{qr}}` an inline SVG picture and `{{logo}}` the business logo,
 * each card boxed at its layout's size. The renderer shows the result in an iframe with `sandbox=""`
 * (no script runs, no same-origin access) and `srcdoc`.
 */
import QRCode from 'qrcode';
import {
  escapeHtml, isImageVariable, isTextVariable, VARIABLE_PATTERN, type VoucherTemplateValues,
} from '@shared/domain/voucher-template';
import { voucherLoginUrl, type VoucherCard, type VoucherLayout } from '@shared/domain/voucher-print';
import { money } from './display';
import { gridCell, VOUCHER_LAYOUT_SPECS } from './voucher-layouts';

/** The base text of a card, the same in the preview and the PDF (README "Voucher templates"). */
export const TEMPLATE_BASE_FONT_PT = 9;
export const TEMPLATE_LINE_HEIGHT = 1.25;
export const TEMPLATE_HEADING_PT: Readonly<Record<string, number>> = { h1: 16, h2: 13, h3: 11, h4: 10 };

export interface TemplateBusiness {
  name: string;
  logoPng: Uint8Array | null;
}

/** `prices` caches formatted amounts across a batch (formatting builds an Intl formatter each time). */
export function templateValues(card: VoucherCard, business: TemplateBusiness, locale: string, prices?: Map<string, string>): VoucherTemplateValues {
  const priceKey = `${card.priceMinor}|${card.currency}`;
  const price = prices?.get(priceKey) ?? money(card.priceMinor, card.currency, locale);
  prices?.set(priceKey, price);
  return {
    code: card.code,
    password: card.password ?? card.code,
    plan: card.planName,
    price,
    validity: card.validityText,
    serial: card.serial,
    batch: card.batchLabel,
    business: business.name,
    dns_name: card.hotspotDnsName,
    login_url: voucherLoginUrl(card.hotspotDnsName, card.code, card.password),
  };
}

function imageTag(src: string, alt: string): string {
  return `<img alt="${alt}" src="${src}" style="display:block;width:100%;height:auto">`;
}

function logoDataUrl(bytes: Uint8Array): string {
  const type = bytes[0] === 0x89 ? 'image/png' : 'image/jpeg';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** One card: the sanitised HTML (variables only ever sit in text there) with its variables filled in. */
export async function cardHtml(sanitised: string, card: VoucherCard, business: TemplateBusiness, locale: string): Promise<string> {
  const values = templateValues(card, business, locale);
  const qr = sanitised.includes('qr')
    ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(values.login_url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })).toString('base64')}`
    : '';
  return sanitised.replace(VARIABLE_PATTERN, (whole, name: string) => {
    if (name === 'qr') return imageTag(qr, 'QR');
    if (isImageVariable(name)) return business.logoPng ? imageTag(logoDataUrl(business.logoPng), 'Logo') : '';
    return isTextVariable(name) ? escapeHtml(values[name]) : whole;
  });
}

/** The whole preview document: cards at their layout's size, in the fonts and sizes the PDF uses. */
export function previewDocument(cards: readonly string[], layout: VoucherLayout): string {
  const spec = VOUCHER_LAYOUT_SPECS[layout];
  const size = spec.kind === 'grid'
    ? (() => { const c = gridCell(spec, 0); return `width:${c.width.toFixed(1)}pt;height:${c.height.toFixed(1)}pt;padding:${spec.padPt}pt;overflow:hidden`; })()
    : `width:${spec.pageWidthPt.toFixed(1)}pt;padding:${spec.padPt}pt ${spec.marginPt.toFixed(1)}pt`;
  const headings = Object.entries(TEMPLATE_HEADING_PT).map(([h, pt]) => `${h}{font-size:${pt}pt;font-weight:bold}`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
*{box-sizing:border-box;margin:0}div,p,center,h1,h2,h3,h4{display:flow-root}
body{padding:8pt;background:#f1f3f5;font-family:'DejaVu Sans',Verdana,sans-serif;font-size:${TEMPLATE_BASE_FONT_PT}pt;line-height:${TEMPLATE_LINE_HEIGHT};color:#000}
.card{display:inline-block;vertical-align:top;margin:0 6pt 6pt 0;background:#fff;outline:1px dashed #adb5bd;${size}}
center{display:block;text-align:center}hr{border:0;border-top:0.5pt solid #000;margin:3pt 0}${headings}
</style></head><body>${cards.map((c) => `<div class="card">${c}</div>`).join('')}</body></html>`;
}
