/**
 * The built-in voucher templates' geometry (issue 11 §3). A4 grids keep an 8 mm margin, inside what
 * office printers reach, and are cut along light dashed guides; thermal rolls print within the head's
 * width (72 mm of an 80 mm roll, 48 mm of a 58 mm roll, as receipts do) and size each page to content.
 */
import type { VoucherLayout } from '@shared/domain/voucher-print';
import { A4_PT, mm } from './pdf-output';

/** Text sizes derive from `fontPt`; `qrPt` is the QR square with its quiet zone; `logoPt` the logo's height. */
interface TextSizes {
  fontPt: number;
  qrPt: number;
  logoPt: number;
  padPt: number;
}

export interface GridSpec extends TextSizes {
  kind: 'grid';
  columns: number;
  rows: number;
  marginPt: number;
}

export interface RollSpec extends TextSizes {
  kind: 'roll';
  pageWidthPt: number;
  marginPt: number;
}

export type VoucherLayoutSpec = GridSpec | RollSpec;

const A4_MARGIN = mm(8);

export const VOUCHER_LAYOUT_SPECS: Record<VoucherLayout, VoucherLayoutSpec> = {
  'a4-3x8': { kind: 'grid', columns: 3, rows: 8, marginPt: A4_MARGIN, fontPt: 7.5, qrPt: 76, logoPt: 12, padPt: 6 },
  'a4-4x10': { kind: 'grid', columns: 4, rows: 10, marginPt: A4_MARGIN, fontPt: 6, qrPt: 60, logoPt: 9, padPt: 5 },
  'a4-5x13': { kind: 'grid', columns: 5, rows: 13, marginPt: A4_MARGIN, fontPt: 5, qrPt: 46, logoPt: 6, padPt: 4 },
  roll80: { kind: 'roll', pageWidthPt: mm(80), marginPt: mm(4), fontPt: 9, qrPt: mm(34), logoPt: 36, padPt: 8 },
  roll58: { kind: 'roll', pageWidthPt: mm(58), marginPt: mm(5), fontPt: 7.5, qrPt: mm(28), logoPt: 28, padPt: 6 },
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell of the `index`-th voucher on its A4 page (row by row, left to right). */
export function gridCell(spec: GridSpec, index: number): Box {
  const perPage = spec.columns * spec.rows;
  const onPage = index % perPage;
  const width = (A4_PT.width - 2 * spec.marginPt) / spec.columns;
  const height = (A4_PT.height - 2 * spec.marginPt) / spec.rows;
  return { x: spec.marginPt + (onPage % spec.columns) * width, y: spec.marginPt + Math.floor(onPage / spec.columns) * height, width, height };
}

/**
 * The tallest page we make for a roll: 14,400 pt (200 in) is the largest page size PDF readers accept
 * (ISO 32000-1, Annex C "implementation limits"), so a long strip starts a new page rather than break.
 */
export const MAX_ROLL_PAGE_PT = 14_400;
