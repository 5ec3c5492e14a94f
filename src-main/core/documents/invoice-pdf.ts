/**
 * An invoice on A4: business header and logo, bill-to, dates and status, the line items as a table that
 * runs onto as many pages as it needs (page header and column headings repeated), VAT, totals, the
 * payments received and the balance due, "Page n of N" on every page. Issue 10 §6.
 */
import type { InvoiceDoc, InvoiceStatus } from './document-types';
import { dateOnly, money, quantity, rate } from './display';
import { labelsFor, type DocumentLabels } from './labels';
import { A4_PT, logoImage, newPdf, pdfBytes, type Pdf } from './pdf-output';
import { TextCursor, drawText, measureText } from './text-block';

export const INVOICE_LAYOUT = {
  marginPt: 50,
  fontPt: 9.5,
  logoBox: { width: 150, height: 56 },
  /** Kept free at the bottom of every page for the page number. */
  footerPt: 24,
} as const;

const M = INVOICE_LAYOUT.marginPt;
const SIZE = INVOICE_LAYOUT.fontPt;
const WIDTH = A4_PT.width - 2 * M;
const BOTTOM = A4_PT.height - M - INVOICE_LAYOUT.footerPt;
const GUTTER = 8;

interface Cell {
  text: string;
  width: number;
  align: 'left' | 'right';
}

export async function invoicePdf(invoice: InvoiceDoc): Promise<Uint8Array> {
  const L = labelsFor(invoice.labels);
  const doc = newPdf({
    size: [A4_PT.width, A4_PT.height],
    margin: M,
    title: `${L.invoice} ${invoice.invoiceNumber}`,
    createdAt: invoice.issuedAt,
    bufferPages: true,
  });
  new InvoiceWriter(doc, invoice, L).write();
  numberPages(doc, invoice, L);
  return pdfBytes(doc);
}

class InvoiceWriter {
  private y: number = M;
  private readonly fmt: (amountMinor: number) => string;

  constructor(
    private readonly doc: Pdf,
    private readonly inv: InvoiceDoc,
    private readonly L: DocumentLabels,
  ) {
    this.fmt = (amountMinor) => money(amountMinor, inv.currency, inv.locale);
  }

  write(): void {
    this.pageHeader(false);
    this.billToAndDates();
    this.lineItems();
    this.totals();
    this.paymentsReceived();
    if (this.inv.notes) {
      this.ensureSpace(measureText(this.doc, this.inv.notes, WIDTH, { size: SIZE }) + SIZE);
      this.y += SIZE;
      this.y += drawText(this.doc, this.inv.notes, M, this.y, WIDTH, { size: SIZE });
    }
  }

  /** Business (logo left, details right) on every page; the title, or "continued", under it. */
  private pageHeader(continued: boolean): void {
    const { doc, inv, L } = this;
    this.y = M;
    let logoBottom = M;
    if (inv.business.logoPng) {
      const box = INVOICE_LAYOUT.logoBox;
      doc.image(logoImage(inv.business.logoPng), M, M, { fit: [box.width, box.height] });
      logoBottom = M + box.height;
    }
    const right = new TextCursor(doc, { x: M + WIDTH * 0.45, width: WIDTH * 0.55 }, M);
    right.line(inv.business.name, { size: 15, bold: true, align: 'right' });
    const b = inv.business;
    for (const d of [b.address, b.phone, b.email, b.taxPin ? `${L.pin}: ${b.taxPin}` : null]) {
      if (d) right.line(d, { size: SIZE * 0.9, align: 'right' });
    }
    this.y = Math.max(logoBottom, right.y) + 14;
    if (continued) {
      this.y += drawText(doc, `${L.invoice} ${inv.invoiceNumber} (${L.continued})`, M, this.y, WIDTH, { size: SIZE * 1.2, bold: true });
      this.y += 8;
    } else {
      this.y += drawText(doc, L.invoice, M, this.y, WIDTH, { size: 22, bold: true });
      this.y += 6;
    }
  }

  private billToAndDates(): void {
    const { doc, inv, L } = this;
    const left = new TextCursor(doc, { x: M, width: WIDTH * 0.48 }, this.y);
    left.line(L.billTo, { size: SIZE * 0.9, bold: true });
    left.line(inv.billTo.name, { size: SIZE * 1.1, bold: true });
    const t = inv.billTo;
    if (t.accountNumber) left.line(`${L.account}: ${t.accountNumber}`, { size: SIZE });
    for (const d of [t.address, t.phone, t.email, t.taxPin ? `${L.pin}: ${t.taxPin}` : null]) if (d) left.line(d, { size: SIZE });

    const right = new TextCursor(doc, { x: M + WIDTH * 0.55, width: WIDTH * 0.45 }, this.y);
    const day = (iso: string) => dateOnly(iso, inv.timeZone, inv.locale);
    right.pair(L.invoiceNumber, inv.invoiceNumber, { size: SIZE, bold: true });
    right.pair(L.issued, day(inv.issuedAt), { size: SIZE });
    right.pair(L.due, day(inv.dueAt), { size: SIZE, bold: true });
    if (inv.period) right.pair(L.period, `${day(inv.period.from)} – ${day(inv.period.to)}`, { size: SIZE });
    right.pair(L.status, statusLabel(inv.status, L), { size: SIZE, bold: true });
    this.y = Math.max(left.y, right.y) + 16;
  }

  private lineItems(): void {
    const { inv, L } = this;
    const cols = { qty: 45, unit: 95, amount: 95 };
    const description = WIDTH - cols.qty - cols.unit - cols.amount;
    const heading: Cell[] = [
      { text: L.description, width: description, align: 'left' },
      { text: L.quantity, width: cols.qty, align: 'right' },
      { text: L.unitPrice, width: cols.unit, align: 'right' },
      { text: L.amount, width: cols.amount, align: 'right' },
    ];
    this.table(heading, inv.lines.map((l) => [
      { text: l.description, width: description, align: 'left' },
      { text: quantity(l.quantity, inv.locale), width: cols.qty, align: 'right' },
      { text: this.fmt(l.unitPriceMinor), width: cols.unit, align: 'right' },
      { text: this.fmt(l.amountMinor), width: cols.amount, align: 'right' },
    ]));
  }

  private totals(): void {
    const { inv, L } = this;
    const vatRate = rate(inv.vat.rateBasisPoints, inv.locale);
    const rows: { label: string; value: string; bold?: boolean }[] = [{ label: L.subtotal, value: this.fmt(inv.subtotalMinor) }];
    if (inv.vat.mode === 'exclusive') rows.push({ label: L.vatExclusive.replace('{rate}', vatRate), value: this.fmt(inv.vatMinor) });
    rows.push({ label: L.total, value: this.fmt(inv.totalMinor), bold: true });
    if (inv.vat.mode === 'inclusive') rows.push({ label: L.vatInclusive.replace('{rate}', vatRate), value: this.fmt(inv.vatMinor) });
    rows.push({ label: L.paid, value: this.fmt(inv.paidMinor) });
    rows.push({ label: L.balanceDue, value: this.fmt(inv.balanceDueMinor), bold: true });

    this.ensureSpace(rows.length * SIZE * 1.6 + 12);
    const c = new TextCursor(this.doc, { x: M + WIDTH * 0.5, width: WIDTH * 0.5 }, this.y + 6);
    for (const r of rows) {
      c.pair(r.label, r.value, { size: r.bold ? SIZE * 1.1 : SIZE, bold: r.bold });
      c.gap(2);
    }
    this.y = c.y + 14;
  }

  private paymentsReceived(): void {
    const { inv, L } = this;
    if (inv.payments.length === 0) return;
    this.ensureSpace(SIZE * 6);
    this.y += drawText(this.doc, L.paymentsReceived, M, this.y, WIDTH, { size: SIZE * 1.1, bold: true }) + 4;
    const cols = { date: 110, method: 110, amount: 95 };
    const reference = WIDTH - cols.date - cols.method - cols.amount;
    const heading: Cell[] = [
      { text: L.date, width: cols.date, align: 'left' },
      { text: L.paidBy, width: cols.method, align: 'left' },
      { text: L.reference, width: reference, align: 'left' },
      { text: L.amount, width: cols.amount, align: 'right' },
    ];
    this.table(heading, inv.payments.map((p) => [
      { text: dateOnly(p.paidAt, inv.timeZone, inv.locale), width: cols.date, align: 'left' },
      { text: p.method, width: cols.method, align: 'left' },
      { text: p.reference, width: reference, align: 'left' },
      { text: this.fmt(p.amountMinor), width: cols.amount, align: 'right' },
    ]));
  }

  /** Rows under a heading; a row that would cross the bottom goes to a new page under the heading again. */
  private table(heading: Cell[], rows: Cell[][]): void {
    this.row(heading, true);
    for (const cells of rows) {
      const height = this.rowHeight(cells, false);
      if (this.y + height > BOTTOM) {
        this.newPage();
        this.row(heading, true);
      }
      this.row(cells, false);
    }
  }

  private rowHeight(cells: Cell[], bold: boolean): number {
    return Math.max(...cells.map((c) => measureText(this.doc, c.text, c.width - GUTTER / 2, { size: SIZE, bold }))) + 5;
  }

  private row(cells: Cell[], heading: boolean): void {
    const { doc } = this;
    const height = this.rowHeight(cells, heading);
    if (heading) doc.save().rect(M, this.y - 2, WIDTH, height).fill('#eeeeee').restore();
    let x = M;
    for (const c of cells) {
      const inset = c.align === 'right' ? 0 : GUTTER / 2;
      drawText(doc, c.text, x + inset, this.y + 1, c.width - GUTTER / 2, { size: SIZE, bold: heading, align: c.align });
      x += c.width;
    }
    this.y += height;
    doc.save().lineWidth(0.4).strokeColor('#bbbbbb').moveTo(M, this.y - 2).lineTo(M + WIDTH, this.y - 2).stroke().restore();
  }

  private ensureSpace(points: number): void {
    if (this.y + points > BOTTOM) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.pageHeader(true);
  }
}

function statusLabel(status: InvoiceStatus, L: DocumentLabels): string {
  const byStatus: Record<InvoiceStatus, string> = {
    draft: L.statusDraft,
    issued: L.statusIssued,
    partially_paid: L.statusPartiallyPaid,
    paid: L.statusPaid,
    void: L.statusVoid,
  };
  return byStatus[status];
}

/** "Invoice X · Page n of N" in each page's bottom margin, once the page count is known. */
function numberPages(doc: Pdf, inv: InvoiceDoc, L: DocumentLabels): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit start a new page; the footer lives in that margin.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = `${L.invoice} ${inv.invoiceNumber} · ${L.page} ${i - start + 1} ${L.of} ${count}`;
    drawText(doc, text, M, A4_PT.height - M - SIZE, WIDTH, { size: SIZE * 0.85, align: 'center' });
    doc.page.margins.bottom = bottomMargin;
  }
}
