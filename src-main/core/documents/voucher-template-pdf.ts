/**
 * Editable voucher templates as PDF, through the same pdfkit path as receipts and the built-in cards
 * (fonts, metadata, logo checks, QR drawing, A4 grid and roll geometry). The sanitised HTML is parsed
 * with htmlparser2 once into blocks and paragraphs; each card is then laid out in its box. The subset
 * drawn (README "Voucher templates"): block elements stacked top to bottom with padding, borders,
 * background colour, width, height and top/bottom margins; inline text with colour, size, bold and
 * upper-case; text-align; `{{qr}}` and `{{logo}}` as pictures as wide as their block.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { parseInlineStyle, splitVariables, type ImageVariable } from '@shared/domain/voucher-template';
import type { VoucherCard, VoucherLayout } from '@shared/domain/voucher-print';
import { voucherLoginUrl } from '@shared/domain/voucher-print';
import { A4_PT, FONT, FONT_BOLD, logoImage, newPdf, pdfBytes, type Pdf } from './pdf-output';
import { drawQr, qrMatrix } from './voucher-qr';
import { gridCell, VOUCHER_LAYOUT_SPECS, type Box } from './voucher-layouts';
import { rollPages } from './voucher-pdf';
import type { OpenedImage } from './voucher-card';
import { TEMPLATE_BASE_FONT_PT, TEMPLATE_HEADING_PT, TEMPLATE_LINE_HEIGHT, templateValues, type TemplateBusiness } from './voucher-template-html';

/** DejaVu's own line is 1.164 em; pdfkit's lineGap adds the rest of our line height. */
const DEJAVU_LINE = 1.164;

type Decls = Record<string, string>;
interface Inherited { size: number; bold: boolean; color: string; align: 'left' | 'center' | 'right'; upper: boolean; lineHeight: number }
interface Run { text: string; decls: Decls; bold: boolean; small: boolean }
type Item = { kind: 'block'; tag: string; decls: Decls; items: Item[] } | { kind: 'para'; runs: Run[] } | { kind: 'image'; name: ImageVariable };

const BLOCKS = new Set(['div', 'p', 'h1', 'h2', 'h3', 'h4', 'center', 'hr']);

function declsOf(el: Element): Decls {
  return Object.fromEntries((parseInlineStyle(el.attribs.style ?? '') ?? []).map((d) => [d.property, d.value]));
}

/** Blocks and paragraphs of inline runs; `{{qr}}`/`{{logo}}` split their paragraph around a picture. */
function itemsOf(nodes: readonly ChildNode[]): Item[] {
  const items: Item[] = [];
  let runs: Run[] = [];
  const flush = () => {
    if (runs.some((r) => r.text.trim() !== '')) items.push({ kind: 'para', runs });
    runs = [];
  };
  const inline = (node: ChildNode, decls: Decls, bold: boolean, small: boolean) => {
    if (node.type === 'text') {
      for (const piece of splitVariables(node.data.replace(/\s+/g, ' '), null)) {
        if (piece.kind === 'image') {
          flush();
          items.push({ kind: 'image', name: piece.name });
        } else runs.push({ text: piece.text, decls, bold, small });
      }
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (BLOCKS.has(el.name)) {
      flush();
      items.push({ kind: 'block', tag: el.name, decls: declsOf(el), items: itemsOf(el.children) });
      return;
    }
    if (el.name === 'br') {
      runs.push({ text: '\n', decls, bold, small });
      return;
    }
    const own = { ...decls, ...declsOf(el) };
    for (const c of el.children) inline(c, own, bold || el.name === 'b' || el.name === 'strong', small || el.name === 'small');
  };
  for (const n of nodes) inline(n, {}, false, false);
  flush();
  return items;
}

function length(v: string | undefined, em: number, of: number | null): number | null {
  if (!v) return null;
  const m = /^(\d+(?:\.\d+)?)(px|pt|mm|em|%)?$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'px': return n * 0.75;
    case 'mm': return (n * 72) / 25.4;
    case 'em': return n * em;
    case '%': return of === null ? null : (n / 100) * of;
    default: return n;
  }
}

function colour(v: string | undefined): string | [number, number, number] | null {
  if (!v) return null;
  const m = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : v;
}

interface Side { width: number; color: string | [number, number, number]; dashed: boolean }

function borderOf(v: string | undefined, em: number): Side | null {
  if (!v) return null;
  let width = 0.75;
  let color: Side['color'] = '#000000';
  let style = 'solid';
  for (const p of v.split(/\s+/)) {
    const l = length(p, em, null);
    if (l !== null) width = l;
    else if (/^(none|solid|dashed|dotted)$/.test(p)) style = p;
    else color = colour(p) ?? color;
  }
  return style === 'none' || width <= 0 ? null : { width, color, dashed: style !== 'solid' };
}

function fourLengths(v: string | undefined, em: number): [number, number, number, number] {
  const p = (v ?? '').split(/\s+/).filter(Boolean).map((x) => length(x, em, null) ?? 0);
  if (p.length === 0) return [0, 0, 0, 0];
  const [t, r = t, b = t, l = r] = p as [number, number?, number?, number?];
  return [t, r, b, l];
}

interface BoxModel { pad: [number, number, number, number]; borders: (Side | null)[]; width: number; height: number | null; mt: number; mb: number; bg: Side['color'] | null }

function inherit(parent: Inherited, tag: string, d: Decls): Inherited {
  const size = length(d['font-size'], parent.size, parent.size) ?? TEMPLATE_HEADING_PT[tag] ?? parent.size;
  const lh = d['line-height'];
  return {
    size,
    bold: d['font-weight'] ? /^(bold|[6-9]00)$/.test(d['font-weight']) : parent.bold || tag in TEMPLATE_HEADING_PT,
    color: d.color ?? parent.color,
    align: (d['text-align'] as Inherited['align'] | undefined) ?? (tag === 'center' ? 'center' : parent.align),
    upper: d['text-transform'] ? d['text-transform'] === 'uppercase' : parent.upper,
    lineHeight: lh ? (/^\d(\.\d+)?$/.test(lh) ? Number(lh) : (length(lh, size, null) ?? size * parent.lineHeight) / size) : parent.lineHeight,
  };
}

function boxOf(tag: string, d: Decls, inh: Inherited, outerWidth: number, outerHeight: number | null): BoxModel {
  const pad = fourLengths(d.padding, inh.size);
  (['top', 'right', 'bottom', 'left'] as const).forEach((s, i) => { const v = length(d[`padding-${s}`], inh.size, null); if (v !== null) pad[i] = v; });
  const all = borderOf(d.border, inh.size);
  const borders = (['top', 'right', 'bottom', 'left'] as const).map((s) => (d[`border-${s}`] ? borderOf(d[`border-${s}`], inh.size) : all));
  if (tag === 'hr') borders[0] ??= { width: 0.5, color: '#000000', dashed: false };
  const width = Math.min(outerWidth, length(d.width, inh.size, outerWidth) ?? outerWidth);
  return {
    pad, borders, width, height: length(d.height, inh.size, outerHeight),
    mt: length(d['margin-top'], inh.size, null) ?? (tag === 'hr' ? 3 : 0), mb: length(d['margin-bottom'], inh.size, null) ?? (tag === 'hr' ? 3 : 0),
    bg: colour(d['background-color']),
  };
}

interface CardCtx {
  doc: Pdf;
  /** A tall scratch page where paragraphs are set once to measure them. */
  scratch: Pdf;
  values: Record<string, string>;
  url: string;
  logo: OpenedImage | null;
  /** Nothing is drawn below this y (a grid cell's bottom), so pdfkit never starts a page of its own. */
  bottom: number;
  /** Block heights of this card by box size, measured once. */
  heights: Map<Item, Map<string, number>>;
}

function runText(ctx: CardCtx, r: Run, inh: Inherited): string {
  const t = r.text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (w, n: string) => ctx.values[n] ?? w);
  return (r.decls['text-transform'] ? r.decls['text-transform'] === 'uppercase' : inh.upper) ? t.toUpperCase() : t;
}

/** Sets a paragraph on `doc` at (x, y) and returns its height. */
function setPara(ctx: CardCtx, doc: Pdf, runs: readonly Run[], x: number, y: number, width: number, inh: Inherited): number {
  // As in HTML, white space at the start and end of a paragraph is not shown, whichever runs hold it.
  const texts = runs.map((r) => runText(ctx, r, inh));
  const first = texts.findIndex((t) => t.trim() !== '');
  if (first < 0) return 0;
  texts[first] = texts[first]!.trimStart();
  const last = texts.length - 1 - [...texts].reverse().findIndex((t) => t.trim() !== '');
  texts[last] = texts[last]!.trimEnd();
  const room = doc === ctx.doc && Number.isFinite(ctx.bottom) ? ctx.bottom - y : undefined;
  if (room !== undefined && room <= 0) return 0;
  for (let i = first; i <= last; i++) {
    const r = runs[i]!;
    if (texts[i] === '') continue;
    const own = inherit(inh, 'span', r.decls);
    const size = r.small && !r.decls['font-size'] ? own.size * 0.83 : own.size;
    doc.font(own.bold || r.bold ? FONT_BOLD : FONT).fontSize(size).fillColor(colour(own.color) ?? '#000000');
    const opts: PDFKit.Mixins.TextOptions = { width, align: inh.align, continued: i < last, lineGap: size * (inh.lineHeight - DEJAVU_LINE) };
    if (i === first) doc.text(texts[i]!, x, y, room === undefined ? opts : { ...opts, height: room });
    else doc.text(texts[i]!, opts);
  }
  return doc.y - y;
}

function imageHeight(ctx: CardCtx, name: ImageVariable, width: number): number {
  if (name === 'qr') return width;
  if (!ctx.logo) return 0;
  const { width: w, height: h } = ctx.logo as unknown as { width: number; height: number };
  return (width * h) / w;
}

function insets(box: BoxModel): { top: number; right: number; bottom: number; left: number } {
  const bw = (i: number) => box.borders[i]?.width ?? 0;
  return { top: box.pad[0] + bw(0), right: box.pad[1] + bw(1), bottom: box.pad[2] + bw(2), left: box.pad[3] + bw(3) };
}

/** A block's border-box height: its content (measured, never drawn) with insets, at least its own `height`. */
function blockHeight(ctx: CardCtx, b: Extract<Item, { kind: 'block' }>, box: BoxModel, inh: Inherited): number {
  // Drawing a block needs its height first; its children were measured with the parent, at the same width.
  const key = `${box.width}|${box.height}`;
  const known = ctx.heights.get(b)?.get(key);
  if (known !== undefined) return known;
  const ins = insets(box);
  const inner = box.height === null ? null : box.height - ins.top - ins.bottom;
  const content = flow(ctx, b.items, 0, 0, box.width - ins.left - ins.right, inner, inh, false);
  const h = Math.max(box.height ?? 0, content + ins.top + ins.bottom);
  if (!ctx.heights.has(b)) ctx.heights.set(b, new Map());
  ctx.heights.get(b)!.set(key, h);
  return h;
}

function drawSides(doc: Pdf, box: BoxModel, x: number, y: number, h: number): void {
  const w = box.width;
  const lines: [number, number, number, number][] = [[x, y, x + w, y], [x + w, y, x + w, y + h], [x, y + h, x + w, y + h], [x, y, x, y + h]];
  box.borders.forEach((s, i) => {
    if (!s) return;
    const [x1, y1, x2, y2] = lines[i]!;
    // Inside the box: half the stroke in from the edge.
    const dx = i === 1 ? -s.width / 2 : i === 3 ? s.width / 2 : 0;
    const dy = i === 0 ? s.width / 2 : i === 2 ? -s.width / 2 : 0;
    doc.save().lineWidth(s.width).strokeColor(s.color);
    if (s.dashed) doc.dash(s.width * 2, { space: s.width * 2 });
    doc.moveTo(x1 + dx, y1 + dy).lineTo(x2 + dx, y2 + dy).stroke().undash().restore();
  });
}

/** Space between a `float: right` block and the content beside it. */
const FLOAT_GAP = 4;

/**
 * Lays out items top to bottom from (x, y) and returns their height; draws them when `draw`, else only
 * measures (paragraphs set on the scratch page). A `float: right` block with a width sits at the right
 * edge and everything after it in the same parent is narrowed by its width (README "Voucher templates").
 */
function flow(ctx: CardCtx, items: readonly Item[], x: number, y: number, width: number, height: number | null, inh: Inherited, draw: boolean): number {
  let cursor = y;
  let floatBottom = y;
  let w = width;
  for (const it of items) {
    if (draw && cursor >= ctx.bottom) break;
    if (it.kind === 'para') cursor += setPara(ctx, draw ? ctx.doc : ctx.scratch, it.runs, draw ? x : 0, draw ? cursor : 0, w, inh);
    else if (it.kind === 'image') {
      const h = imageHeight(ctx, it.name, w);
      if (draw && it.name === 'qr') drawQr(ctx.doc, qrMatrix(ctx.url), x, cursor, w);
      else if (draw && ctx.logo) ctx.doc.image(ctx.logo, x, cursor, { width: w, height: h });
      cursor += h;
    } else {
      const own = inherit(inh, it.tag, it.decls);
      const box = boxOf(it.tag, it.decls, own, w, height);
      const floats = it.decls.float === 'right' && box.width < w;
      const top = cursor + box.mt;
      const h = blockHeight(ctx, it, box, own);
      const left = floats ? x + w - box.width : x;
      if (draw) {
        if (box.bg) ctx.doc.save().rect(left, top, box.width, h).fill(box.bg).restore();
        drawSides(ctx.doc, box, left, top, h);
        const ins = insets(box);
        flow(ctx, it.items, left + ins.left, top + ins.top, box.width - ins.left - ins.right, box.height === null ? null : box.height - ins.top - ins.bottom, own, true);
      }
      if (floats) {
        floatBottom = Math.max(floatBottom, top + h + box.mb);
        w -= box.width + FLOAT_GAP;
      } else cursor = top + h + box.mb;
    }
  }
  return Math.max(cursor, floatBottom) - y;
}

export interface TemplatePrintJob {
  /** Sanitised HTML (templateIssues empty, then sanitiseTemplate). */
  html: string;
  business: TemplateBusiness;
  locale: string;
  createdAt: string;
  title: string;
  vouchers: readonly VoucherCard[];
}

const ROOT: Inherited = { size: TEMPLATE_BASE_FONT_PT, bold: false, color: '#000000', align: 'left', upper: false, lineHeight: TEMPLATE_LINE_HEIGHT };
const PER_ROLL_PAGE = 25;
/** Cards measured on one scratch document before it is replaced. */
const SCRATCH_CARDS = 200;

function openImage(doc: Pdf, bytes: Uint8Array): OpenedImage {
  // @types/pdfkit omits openImage; one embedded logo serves every card (see voucher-pdf.ts).
  return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(logoImage(bytes));
}

export async function voucherTemplatePdf(job: TemplatePrintJob, layout: VoucherLayout): Promise<Uint8Array> {
  if (job.vouchers.length === 0) throw new RangeError('no vouchers to print');
  const items = itemsOf(parseDocument(job.html, { lowerCaseTags: true }).children);
  const spec = VOUCHER_LAYOUT_SPECS[layout];
  const scratchWidth = spec.kind === 'grid' ? A4_PT.width : spec.pageWidthPt;
  const newScratch = () => newPdf({ size: [scratchWidth, 14_400], margin: 0, title: '', createdAt: job.createdAt });
  let scratch = newScratch();
  let measured = 0;
  const prices = new Map<string, string>();
  const cardCtx = (doc: Pdf, logo: OpenedImage | null, card: VoucherCard, bottom: number): CardCtx => {
    // A fresh scratch document now and then: what is set on it is kept in memory until it is dropped.
    if (++measured % SCRATCH_CARDS === 0 && doc !== scratch) scratch = newScratch();
    const values = templateValues(card, job.business, job.locale, prices);
    return { doc, scratch, values, url: voucherLoginUrl(card.hotspotDnsName, card.code, card.password), logo, bottom, heights: new Map() };
  };

  if (spec.kind === 'grid') {
    const doc = newPdf({ size: [A4_PT.width, A4_PT.height], margin: 0, title: job.title, createdAt: job.createdAt });
    const logo = job.business.logoPng ? openImage(doc, job.business.logoPng) : null;
    const perPage = spec.columns * spec.rows;
    job.vouchers.forEach((card, i) => {
      if (i > 0 && i % perPage === 0) doc.addPage({ size: [A4_PT.width, A4_PT.height], margin: 0 });
      const cell: Box = gridCell(spec, i);
      doc.save().lineWidth(0.3).strokeColor('#b0b0b0').dash(2, { space: 2 }).rect(cell.x, cell.y, cell.width, cell.height).stroke().undash().restore();
      const inner = { x: cell.x + spec.padPt, y: cell.y + spec.padPt, width: cell.width - 2 * spec.padPt, height: cell.height - 2 * spec.padPt };
      doc.save().rect(inner.x, inner.y, inner.width, inner.height).clip();
      flow(cardCtx(doc, logo, card, inner.y + inner.height), items, inner.x, inner.y, inner.width, inner.height, ROOT, true);
      doc.restore();
    });
    return pdfBytes(doc);
  }

  const width = spec.pageWidthPt - 2 * spec.marginPt;
  // Slips are as tall as their content, measured on the scratch page (with the logo's proportions).
  const scratchLogo = job.business.logoPng ? openImage(scratch, job.business.logoPng) : null;
  const heights = job.vouchers.map((card) => flow(cardCtx(scratch, scratchLogo, card, Infinity), items, 0, 0, width, null, ROOT, false) + 2 * spec.padPt);
  let doc: Pdf | null = null;
  let logo: OpenedImage | null = null;
  for (const page of rollPages(heights, PER_ROLL_PAGE, spec)) {
    const size: [number, number] = [spec.pageWidthPt, page.height];
    if (!doc) {
      doc = newPdf({ size, margin: 0, title: job.title, createdAt: job.createdAt });
      logo = job.business.logoPng ? openImage(doc, job.business.logoPng) : null;
    } else doc.addPage({ size, margin: 0 });
    let y = spec.marginPt;
    for (let i = page.from; i < page.to; i++) {
      flow(cardCtx(doc, logo, job.vouchers[i]!, Infinity), items, spec.marginPt, y + spec.padPt, width, null, ROOT, true);
      y += heights[i]!;
      doc.save().lineWidth(0.6).strokeColor('#000000').dash(2, { space: 2 }).moveTo(spec.marginPt, y).lineTo(spec.marginPt + width, y).stroke().undash().restore();
    }
  }
  return pdfBytes(doc!);
}
