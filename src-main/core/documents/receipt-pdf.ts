/**
 * A payment receipt as one PDF page: on A4, or on an 80 mm / 58 mm thermal roll whose page is as tall as
 * its content (a roll has no pages, and a receipt torn in two is useless at the counter). Issue 10 §6.
 */
import type { ReceiptDoc, ReceiptLayout } from './document-types';
import { dateTime, money } from './display';
import { labelsFor } from './labels';
import { A4_PT, logoImage, mm, newPdf, pdfBytes, type Pdf } from './pdf-output';
import { TextCursor, setFont } from './text-block';

interface ReceiptLayoutSpec {
  pageWidthPt: number;
  /** Fixed page height, or null when the page is as tall as the receipt (rolls). */
  pageHeightPt: number | null;
  marginPt: number;
  fontPt: number;
  titlePt: number;
  logoMaxHeightPt: number;
  dashedRules: boolean;
}

/**
 * Thermal heads print 72 mm of an 80 mm roll and 48 mm of a 58 mm roll (the usual ESC/POS printers'
 * printable width), hence margins of 4 mm and 5 mm; nothing may be drawn outside them.
 */
export const RECEIPT_LAYOUTS: Record<ReceiptLayout, ReceiptLayoutSpec> = {
  a4: { pageWidthPt: A4_PT.width, pageHeightPt: A4_PT.height, marginPt: 56, fontPt: 11, titlePt: 18, logoMaxHeightPt: 64, dashedRules: false },
  roll80: { pageWidthPt: mm(80), pageHeightPt: null, marginPt: mm(4), fontPt: 8.5, titlePt: 12, logoMaxHeightPt: 44, dashedRules: true },
  roll58: { pageWidthPt: mm(58), pageHeightPt: null, marginPt: mm(5), fontPt: 7.5, titlePt: 10, logoMaxHeightPt: 34, dashedRules: true },
};

/** The longest roll receipt we print: a metre of paper, some 25 times a usual receipt. */
const MEASURE_HEIGHT_PT = mm(1000);
/** The smallest text scale an A4 receipt shrinks to before it is refused. */
const MIN_A4_SCALE = 0.45;

export async function receiptPdf(receipt: ReceiptDoc, layout: ReceiptLayout): Promise<Uint8Array> {
  const spec = RECEIPT_LAYOUTS[layout];
  const { height, scale } = fitReceipt(receipt, spec);
  const doc = newPdf({
    size: [spec.pageWidthPt, spec.pageHeightPt ?? height],
    margin: spec.marginPt,
    title: `${labelsFor(receipt.labels).receipt} ${receipt.receiptNumber}`,
    createdAt: receipt.issuedAt,
  });
  drawReceipt(doc, receipt, spec, scale);
  return pdfBytes(doc);
}

/** Page height for a roll (content + margins), or the text scale that keeps an A4 receipt on one page. */
function fitReceipt(receipt: ReceiptDoc, spec: ReceiptLayoutSpec): { height: number; scale: number } {
  const available = spec.pageHeightPt === null ? null : spec.pageHeightPt - 2 * spec.marginPt;
  // The measuring page is as tall as the longest receipt we accept, so a longer one stops at the first
  // line past it instead of being laid out in full (text scales about linearly, so on A4 that bound is
  // the page at the smallest scale).
  const probeHeight = available === null ? MEASURE_HEIGHT_PT : available / MIN_A4_SCALE + 2 * spec.marginPt;
  const tooLong = () => new RangeError(`receipt ${receipt.receiptNumber} is too long to print on one page`);
  const contentHeight = (scale: number) => {
    const probe = newPdf({ size: [spec.pageWidthPt, probeHeight], margin: spec.marginPt, title: '', createdAt: receipt.issuedAt });
    probe.on('pageAdded', () => {
      throw tooLong();
    });
    return drawReceipt(probe, receipt, spec, scale) - spec.marginPt;
  };
  const measured = contentHeight(1);
  if (available === null) {
    // A little slack so rounding never pushes the last line past the bottom margin onto a second page.
    return { height: Math.ceil(measured + 2 * spec.marginPt + 2), scale: 1 };
  }
  let scale = 1;
  let height = measured;
  while (height > available) {
    scale *= (available / height) * 0.98;
    if (scale < MIN_A4_SCALE) throw tooLong();
    height = contentHeight(scale);
  }
  return { height: spec.pageHeightPt ?? height, scale };
}

/** Draws the receipt from the top margin down and returns the y below its last line. */
function drawReceipt(doc: Pdf, r: ReceiptDoc, spec: ReceiptLayoutSpec, scale: number): number {
  const L = labelsFor(r.labels);
  const size = spec.fontPt * scale;
  const small = size * 0.88;
  const column = { x: spec.marginPt, width: spec.pageWidthPt - 2 * spec.marginPt };
  const c = new TextCursor(doc, column, spec.marginPt);
  const rule = () => c.rule({ dashed: spec.dashedRules, space: size * 0.5 });
  const fmt = (amountMinor: number) => money(amountMinor, r.currency, r.locale);

  if (r.business.logoPng) {
    const logoHeight = spec.logoMaxHeightPt * scale;
    doc.image(logoImage(r.business.logoPng), column.x, c.y, { fit: [column.width, logoHeight], align: 'center', valign: 'center' });
    c.gap(logoHeight + size * 0.4);
  }
  c.line(r.business.name, { size: spec.titlePt * scale, bold: true, align: 'center' });
  for (const detail of businessLines(r, L.pin)) c.line(detail, { size: small, align: 'center' });
  rule();

  c.line(L.receipt, { size: spec.titlePt * scale * 0.9, bold: true, align: 'center' });
  c.gap(size * 0.3);
  c.pair(L.receiptNumber, r.receiptNumber, { size, bold: true });
  c.pair(L.date, dateTime(r.issuedAt, r.timeZone, r.locale), { size });
  c.gap(size * 0.3);
  c.line(r.subscriber.name, { size, bold: true });
  c.pair(L.account, r.subscriber.accountNumber, { size });
  if (r.subscriber.phone) c.pair(L.phone, r.subscriber.phone, { size });
  rule();

  // One amount column for every line and the total, as wide as the widest amount.
  setFont(doc, size, true);
  const amounts = r.lines.map((l) => fmt(l.amountMinor));
  const amountShare = Math.min(0.5, (Math.max(doc.widthOfString(fmt(r.totalMinor)), ...amounts.map((a) => doc.widthOfString(a))) + 2) / column.width);
  r.lines.forEach((l, i) => c.pair(l.description, amounts[i]!, { size, valueShare: amountShare }));
  rule();
  c.pair(L.total, fmt(r.totalMinor), { size: size * 1.15, bold: true, valueShare: 0.6 });
  c.gap(size * 0.3);
  c.pair(L.paidBy, r.method, { size });
  c.pair(L.reference, r.reference, { size, bold: true });
  if (r.cashier) c.pair(L.cashier, r.cashier, { size });
  if (r.balanceAfterMinor !== undefined && r.balanceAfterMinor !== null) c.pair(L.balance, fmt(r.balanceAfterMinor), { size });
  if (r.newExpiry) c.pair(L.validUntil, dateTime(r.newExpiry, r.timeZone, r.locale), { size, bold: true });
  if (r.footer) {
    rule();
    c.line(r.footer, { size: small, align: 'center' });
  }
  return c.y;
}

function businessLines(r: ReceiptDoc, pinLabel: string): string[] {
  const b = r.business;
  return [b.address, b.phone, b.email, b.taxPin ? `${pinLabel}: ${b.taxPin}` : null].filter((s): s is string => !!s);
}
