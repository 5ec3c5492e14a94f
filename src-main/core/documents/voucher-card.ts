/**
 * One voucher drawn in a box: business (logo when given), plan, price, validity, code, password when
 * separate, serial and batch, and the QR login code. Every text row is one line of known height
 * (shortened with "…" when too wide; the code and password shrink instead, they must stay whole), so a
 * card's height is known before drawing: grids scale text to fit their cell, rolls size the page.
 */
import { ENGLISH_VOUCHER_LABELS, voucherLoginUrl, type VoucherCard, type VoucherLabels } from '@shared/domain/voucher-print';
import { money } from './display';
import { FONT, FONT_BOLD, type Pdf } from './pdf-output';
import { drawQr, qrMatrix } from './voucher-qr';
import type { Box, GridSpec, RollSpec } from './voucher-layouts';

/** What pdfkit's `openImage` returns; `image()` takes it to reuse one embedded logo on every card. */
export type OpenedImage = Parameters<Pdf['image']>[0];

export interface CardContext {
  doc: Pdf;
  labels: VoucherLabels;
  locale: string;
  logo: OpenedImage | null;
}

/** Line height as a multiple of the font size (DejaVu's ascent + descent is about 1.17 em). */
const LINE = 1.25;
/** DejaVu Sans's ascent in em: where pdfkit puts the baseline below a text's top `y`. */
const ASCENT = 0.93;
/** The smallest fraction of its size a text row shrinks to before it is shortened with "…". */
const MIN_SHRINK = 0.7;
/** Shrunk text aims a hair inside its width, so font-size rounding never tips it into "…". */
const FIT = 0.99;

interface Row {
  kind: 'text' | 'labelled' | 'logo';
  text: string;
  label?: string;
  size: number;
  bold?: boolean;
  /** Plan and validity may take two lines when one would shrink them past reading. */
  wrap?: boolean;
  lines?: number;
}

export function labelsForVouchers(overrides: Partial<VoucherLabels> | undefined): VoucherLabels {
  return { ...ENGLISH_VOUCHER_LABELS, ...overrides };
}

function footerText(card: VoucherCard, L: VoucherLabels): string {
  return `${L.serial} ${card.serial} · ${L.batch} ${card.batchLabel}`;
}

/** The rows of the text: logo, business name, plan, price, validity, code, password; the footer (serial, batch) on rolls. */
function cardRows(ctx: CardContext, business: string, card: VoucherCard, fontPt: number, logoPt: number, nameScale: number, withFooter: boolean): Row[] {
  const L = ctx.labels;
  const rows: Row[] = [];
  if (ctx.logo) rows.push({ kind: 'logo', text: '', size: logoPt / LINE });
  rows.push({ kind: 'text', text: business, size: fontPt * nameScale, bold: true });
  rows.push({ kind: 'text', text: card.planName, size: fontPt, wrap: true });
  rows.push({ kind: 'text', text: money(card.priceMinor, card.currency, ctx.locale), size: fontPt * 1.2, bold: true });
  rows.push({ kind: 'text', text: card.validityText, size: fontPt * 0.9, wrap: true });
  rows.push({ kind: 'labelled', label: card.password === null ? L.code : L.username, text: card.code, size: fontPt * 1.5, bold: true });
  if (card.password !== null) rows.push({ kind: 'labelled', label: L.password, text: card.password, size: fontPt * 1.5, bold: true });
  if (withFooter) rows.push({ kind: 'text', text: footerText(card, L), size: fontPt * 0.85 });
  return rows;
}

function rowsHeight(rows: readonly Row[]): number {
  return rows.reduce((h, r) => h + r.size * LINE * (r.lines ?? 1), 0);
}

/** Decides each wrapping row's line count for a column of `width` (measured at the rows' own sizes). */
function withLines(doc: Pdf, rows: Row[], width: number): Row[] {
  return rows.map((r) => {
    if (!r.wrap) return r;
    setFont(doc, r.size, r.bold);
    return { ...r, lines: doc.widthOfString(r.text) * MIN_SHRINK > width * FIT ? 2 : 1 };
  });
}

function setFont(doc: Pdf, size: number, bold?: boolean): void {
  doc.font(bold ? FONT_BOLD : FONT).fontSize(size);
}

/** The text cut to `width` with a trailing "…" (the whole text when it fits). */
function fitWidth(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Draws one row at y within [x, x + width]; returns the y below it. */
function drawRow(ctx: CardContext, row: Row, x: number, y: number, width: number, align: 'left' | 'center'): number {
  const { doc } = ctx;
  const height = row.size * LINE * (row.lines ?? 1);
  if (row.kind === 'logo') {
    if (ctx.logo) doc.image(ctx.logo, x, y, { fit: [width, height * 0.9], align: align === 'center' ? 'center' : undefined, valign: 'center' });
    return y + height;
  }
  if (row.kind === 'labelled') {
    const labelSize = row.size * 0.55;
    setFont(doc, labelSize);
    const label = `${row.label ?? ''} `;
    const labelWidth = doc.widthOfString(label);
    setFont(doc, row.size, true);
    // The code must print whole: shrink it until it fits beside its label.
    const valueSize = Math.min(row.size, (row.size * (width - labelWidth - 1)) / Math.max(doc.widthOfString(row.text), 1));
    setFont(doc, valueSize, true);
    const valueWidth = doc.widthOfString(row.text);
    const left = align === 'center' ? x + (width - labelWidth - valueWidth) / 2 : x;
    const baseline = y + row.size * ASCENT;
    setFont(doc, labelSize);
    doc.text(label, left, baseline - labelSize * ASCENT, { lineBreak: false });
    setFont(doc, valueSize, true);
    doc.text(row.text, left + labelWidth, baseline - valueSize * ASCENT, { lineBreak: false });
    return y + height;
  }
  if ((row.lines ?? 1) > 1) {
    setFont(doc, row.size, row.bold);
    // pdfkit wraps within the box and ends the last line that fits with "…"; lineGap makes its line
    // height ours (DejaVu's line is 1.164 em).
    doc.text(row.text, x, y, { width, height: height + row.size * 0.2, align, ellipsis: true, lineGap: row.size * (LINE - 1.164) });
    return y + height;
  }
  setFont(doc, row.size, row.bold);
  // Words shrink a little before they are shortened: a validity cut to "24 hours from first l…" says less.
  const full = doc.widthOfString(row.text);
  if (full > width) setFont(doc, row.size * Math.max(MIN_SHRINK, (width * FIT) / full), row.bold);
  const text = fitWidth(doc, row.text, width);
  const textWidth = doc.widthOfString(text);
  doc.text(text, align === 'center' ? x + (width - textWidth) / 2 : x, y, { lineBreak: false });
  return y + height;
}

/**
 * A card in an A4 grid cell: the text column on the left, the QR code on the right, serial and batch
 * across the bottom. Text scales down together when the rows are taller than the cell.
 */
export function drawGridCard(ctx: CardContext, business: string, card: VoucherCard, cell: Box, spec: GridSpec): void {
  const { doc } = ctx;
  const pad = spec.padPt;
  doc.save().lineWidth(0.3).strokeColor('#b0b0b0').dash(2, { space: 2 }).rect(cell.x, cell.y, cell.width, cell.height).stroke().undash().restore();
  doc.fillColor('#000000');

  const footerSize = spec.fontPt * 0.85;
  const innerHeight = cell.height - 2 * pad;
  const bodyHeight = innerHeight - footerSize * LINE;
  const qr = Math.min(spec.qrPt, bodyHeight);
  const textWidth = cell.width - 3 * pad - qr;
  const rows = withLines(doc, cardRows(ctx, business, card, spec.fontPt, spec.logoPt, 1.1, false), textWidth);
  const scale = Math.min(1, bodyHeight / rowsHeight(rows));
  let y = cell.y + pad;
  for (const row of rows) y = drawRow(ctx, { ...row, size: row.size * scale }, cell.x + pad, y, textWidth, 'left');
  drawRow(ctx, { kind: 'text', text: footerText(card, ctx.labels), size: footerSize }, cell.x + pad, cell.y + cell.height - pad - footerSize * LINE, cell.width - 2 * pad, 'left');

  const url = voucherLoginUrl(card.hotspotDnsName, card.code, card.password);
  drawQr(doc, qrMatrix(url), cell.x + cell.width - pad - qr, cell.y + pad + (bodyHeight - qr) / 2, qr);
}

function rollRows(ctx: CardContext, business: string, card: VoucherCard, spec: RollSpec): Row[] {
  return withLines(ctx.doc, cardRows(ctx, business, card, spec.fontPt, spec.logoPt, 1.2, true), spec.pageWidthPt - 2 * spec.marginPt);
}

/** A roll slip's rows (logo, name, details, footer) and its height including the QR code and cut line. */
export function rollCardHeight(ctx: CardContext, business: string, card: VoucherCard, spec: RollSpec): number {
  return rowsHeight(rollRows(ctx, business, card, spec)) + spec.qrPt + 2 * spec.padPt;
}

/** Draws a slip from `y` down, centred in the roll's printable width, and its dashed cut line below; returns the next y. */
export function drawRollCard(ctx: CardContext, business: string, card: VoucherCard, y: number, spec: RollSpec): number {
  const { doc } = ctx;
  const x = spec.marginPt;
  const width = spec.pageWidthPt - 2 * spec.marginPt;
  const rows = rollRows(ctx, business, card, spec);
  let cursor = y;
  const footer = rows.pop()!;
  for (const row of rows) cursor = drawRow(ctx, row, x, cursor, width, 'center');
  const url = voucherLoginUrl(card.hotspotDnsName, card.code, card.password);
  drawQr(doc, qrMatrix(url), x + (width - spec.qrPt) / 2, cursor, spec.qrPt);
  cursor = drawRow(ctx, footer, x, cursor + spec.qrPt, width, 'center');
  cursor += spec.padPt;
  doc.save().lineWidth(0.6).strokeColor('#000000').dash(2, { space: 2 }).moveTo(x, cursor).lineTo(x + width, cursor).stroke().undash().restore();
  doc.fillColor('#000000');
  return cursor + spec.padPt;
}
