/**
 * pdfkit (MIT) documents and their bytes. Text is set in DejaVu Sans, a TrueType font shipped by the
 * `dejavu-fonts-ttf` npm package (Bitstream Vera licence): pdfkit's built-in Helvetica only encodes
 * Latin-1, so a name like "Łukasz" or "Ωmega" came out as garbage. pdfkit embeds only the glyphs used,
 * with a ToUnicode map, so the text stays extractable (tests read it back). Nothing is fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as parseFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

export const FONT = 'Body';
export const FONT_BOLD = 'BodyBold';

const requireFromHere = createRequire(import.meta.url);
let parsedFonts: { regular: Font; bold: Font } | null = null;

/**
 * The fonts, read and parsed once per process (about 1.4 MB; each PDF embeds only a subset). pdfkit
 * takes a parsed fontkit font as a font source; handing it bytes would parse them again for every
 * document, which was most of a receipt's time.
 */
function fonts(): { regular: Font; bold: Font } {
  const load = (file: string) => parseFont(readFileSync(requireFromHere.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  parsedFonts ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return parsedFonts;
}

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
  const doc = new PDFDocument({
    size: o.size,
    margin: o.margin,
    bufferPages: o.bufferPages ?? false,
    compress: true,
    info: { Title: o.title, Producer: 'ISP Desk', Creator: 'ISP Desk', CreationDate: createdAt, ModDate: createdAt },
  });
  const { regular, bold } = fonts();
  // @types/pdfkit lists only file names and bytes, but pdfkit also accepts a parsed fontkit font.
  doc.registerFont(FONT, regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT_BOLD, bold as unknown as PDFKit.Mixins.PDFFontSource);
  return doc.font(FONT);
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
