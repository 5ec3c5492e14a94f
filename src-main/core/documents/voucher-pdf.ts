/**
 * Hotspot vouchers as one PDF (issue 11 §3): A4 grids of three densities, or thermal rolls where a page
 * is one strip of `perRollPage` slips, as long as its content and never splitting a slip. Same PDF path
 * as receipts (fonts, metadata, logo checks in pdf-output.ts).
 */
import type { VoucherLayout, VoucherPrintJob } from '@shared/domain/voucher-print';
import { A4_PT, logoImage, newPdf, pdfBytes, type Pdf } from './pdf-output';
import { drawGridCard, drawRollCard, labelsForVouchers, rollCardHeight, type CardContext, type OpenedImage } from './voucher-card';
import { gridCell, MAX_ROLL_PAGE_PT, VOUCHER_LAYOUT_SPECS, type RollSpec } from './voucher-layouts';

const DEFAULT_PER_ROLL_PAGE = 25;

export async function voucherPdf(job: VoucherPrintJob, layout: VoucherLayout): Promise<Uint8Array> {
  if (job.vouchers.length === 0) throw new RangeError('no vouchers to print');
  const spec = VOUCHER_LAYOUT_SPECS[layout];
  const business = job.business.name;
  const title = `Vouchers ${job.vouchers[0]!.batchLabel}`;

  if (spec.kind === 'grid') {
    // Margin 0: cards are placed absolutely, and pdfkit must never start a page of its own.
    const doc = newPdf({ size: [A4_PT.width, A4_PT.height], margin: 0, title, createdAt: job.createdAt });
    const ctx = context(doc, job);
    const perPage = spec.columns * spec.rows;
    job.vouchers.forEach((card, i) => {
      if (i > 0 && i % perPage === 0) doc.addPage({ size: [A4_PT.width, A4_PT.height], margin: 0 });
      drawGridCard(ctx, business, card, gridCell(spec, i), spec);
    });
    return pdfBytes(doc);
  }

  const perPage = job.perRollPage ?? DEFAULT_PER_ROLL_PAGE;
  if (!Number.isSafeInteger(perPage) || perPage < 1) throw new RangeError(`perRollPage must be a whole number from 1: ${perPage}`);
  // Heights only depend on the fonts and the logo's presence, measured on a scratch document.
  const measure = context(newPdf({ size: [spec.pageWidthPt, 100], margin: 0, title: '', createdAt: job.createdAt }), job);
  const heights = job.vouchers.map((card) => rollCardHeight(measure, business, card, spec));
  const pages = rollPages(heights, perPage, spec);

  let doc: Pdf | null = null;
  let ctx: CardContext | null = null;
  for (const page of pages) {
    const size: [number, number] = [spec.pageWidthPt, page.height];
    if (!doc) {
      doc = newPdf({ size, margin: 0, title, createdAt: job.createdAt });
      ctx = context(doc, job);
    } else doc.addPage({ size, margin: 0 });
    let y = spec.marginPt;
    for (let i = page.from; i < page.to; i++) y = drawRollCard(ctx!, business, job.vouchers[i]!, y, spec);
  }
  return pdfBytes(doc!);
}

function context(doc: Pdf, job: VoucherPrintJob): CardContext {
  const bytes = job.business.logoPng;
  return { doc, labels: labelsForVouchers(job.labels), locale: job.locale, logo: bytes ? openImage(doc, logoImage(bytes)) : null };
}

/**
 * Embeds the logo once per document: pdfkit embeds a Buffer passed to `image()` again on every call
 * (only file paths are cached), which for 1,000 cards made a PDF a thousand logos heavy.
 */
function openImage(doc: Pdf, bytes: Buffer): OpenedImage {
  // @types/pdfkit omits openImage; image() accepts what it returns (it checks for width and height).
  return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(bytes);
}

/** Slips grouped into pages: at most `perPage` slips and never taller than a PDF page may be. */
export function rollPages(heights: readonly number[], perPage: number, spec: RollSpec): { from: number; to: number; height: number }[] {
  const pages: { from: number; to: number; height: number }[] = [];
  // Slack so rounding never pushes the last slip past the page's bottom edge.
  const base = 2 * spec.marginPt + 2;
  let from = 0;
  let height = base;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!;
    if (h + base > MAX_ROLL_PAGE_PT) throw new RangeError(`voucher ${i + 1} is too tall to print on a roll`);
    if (i > from && (i - from === perPage || height + h > MAX_ROLL_PAGE_PT)) {
      pages.push({ from, to: i, height: Math.ceil(height) });
      from = i;
      height = base;
    }
    height += h;
  }
  pages.push({ from, to: heights.length, height: Math.ceil(height) });
  return pages;
}
