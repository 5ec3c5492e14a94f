/**
 * pdfkit (MIT) documents and their bytes. Only the standard 14 fonts are used: their metrics ship
 * inside pdfkit, so nothing is read or fetched at run time and the text stays extractable (tests read
 * it back). They cover Latin-1 (WinAnsi), which is what our names, amounts and M-Pesa codes use.
 */
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';

/** PostScript points per millimetre (72 pt per inch, 25.4 mm per inch). */
export const PT_PER_MM = 72 / 25.4;

export const A4_PT = { width: 595.28, height: 841.89 } as const;

export function mm(millimetres: number): number {
  return millimetres * PT_PER_MM;
}

export interface NewPdfOptions {
  size: [number, number];
  margin: number;
  title: string;
  /** The document's own instant, so the same input gives the same metadata. */
  createdAt: string;
  bufferPages?: boolean;
}

export function newPdf(o: NewPdfOptions): Pdf {
  const createdAt = new Date(o.createdAt);
  return new PDFDocument({
    size: o.size,
    margin: o.margin,
    bufferPages: o.bufferPages ?? false,
    compress: true,
    info: { Title: o.title, Producer: 'ISP Desk', Creator: 'ISP Desk', CreationDate: createdAt, ModDate: createdAt },
  });
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.end();
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/**
 * The logo as pdfkit wants it. A logo that is neither PNG nor JPEG is refused with a clear message
 * (pdfkit's own error names no field); settings validate uploads, so this is a programming error.
 */
export function logoImage(bytes: Uint8Array): Buffer {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (!starts(PNG_SIGNATURE) && !starts(JPEG_SIGNATURE)) throw new TypeError('business.logoPng is not a PNG or JPEG image');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
