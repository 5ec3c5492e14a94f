/**
 * A cursor that lays text down a column and knows where it is: every helper draws at `y` and moves it
 * by the height pdfkit measured for the same text and width, so a measuring pass and the drawing pass
 * agree to the point (rolls size their page from it; the invoice breaks pages on it).
 */
import { FONT, FONT_BOLD, type Pdf } from './pdf-output';

export interface Column {
  x: number;
  width: number;
}

export class TextCursor {
  constructor(
    readonly doc: Pdf,
    readonly column: Column,
    public y: number,
  ) {}

  gap(points: number): void {
    this.y += points;
  }

  /** Text across the column, wrapped within it (long words are split rather than run past the edge). */
  line(text: string, o: { size: number; bold?: boolean; align?: 'left' | 'center' | 'right' }): void {
    this.y += drawText(this.doc, text, this.column.x, this.y, this.column.width, o);
  }

  /** A label on the left and its value right-aligned on the same row; either wraps in its own share. */
  pair(label: string, value: string, o: { size: number; bold?: boolean; valueShare?: number }): void {
    const { doc, column } = this;
    setFont(doc, o.size, o.bold);
    const gutter = o.size * 0.6;
    const maxValue = column.width * (o.valueShare ?? 0.62);
    const valueWidth = Math.min(doc.widthOfString(value) + 1, maxValue);
    const labelWidth = column.width - valueWidth - gutter;
    const hLabel = drawText(doc, label, column.x, this.y, labelWidth, { ...o, align: 'left' });
    const hValue = drawText(doc, value, column.x + column.width - valueWidth, this.y, valueWidth, { ...o, align: 'right' });
    this.y += Math.max(hLabel, hValue);
  }

  /** A horizontal rule; dashed on thermal rolls as printed slips usually are. */
  rule(o: { dashed: boolean; space: number }): void {
    const { doc, column } = this;
    this.y += o.space;
    doc.save().lineWidth(0.6).strokeColor('#000000');
    if (o.dashed) doc.dash(2, { space: 2 });
    doc.moveTo(column.x, this.y).lineTo(column.x + column.width, this.y).stroke();
    doc.undash().restore();
    this.y += o.space;
  }
}

export function setFont(doc: Pdf, size: number, bold?: boolean): void {
  doc.font(bold ? FONT_BOLD : FONT).fontSize(size);
}

/** Draws text in a box of `width` at (x, y) and returns the height it took. */
export function drawText(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  o: { size: number; bold?: boolean; align?: 'left' | 'center' | 'right' },
): number {
  if (text === '') return 0;
  const height = measureText(doc, text, width, o);
  doc.fillColor('#000000').text(text, x, y, { width, align: o.align ?? 'left', lineGap: o.size * 0.15 });
  return height;
}

/** The height `drawText` will take for the same text, width and size (and sets that font). */
export function measureText(doc: Pdf, text: string, width: number, o: { size: number; bold?: boolean }): number {
  if (text === '') return 0;
  setFont(doc, o.size, o.bold);
  return doc.heightOfString(text, { width, lineGap: o.size * 0.15 });
}
