/**
 * A QR code drawn into a PDF as vector squares: `qrcode` (MIT) computes the modules, pdfkit fills them,
 * so the code stays sharp at any printer resolution and costs a few hundred path operations instead of
 * an embedded image per voucher (1,000 vouchers make one PDF).
 */
import QRCode from 'qrcode';
import type { Pdf } from './pdf-output';

/** Light modules the code needs around it to be found; the standard asks 4, scanners manage with 2. */
export const QR_QUIET_MODULES = 2;

export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

/**
 * Error correction M (15 % of the code may be lost) suits a printed slip that gets creased or scratched
 * while keeping a 70-character login URL at version 4–5, large enough modules on the smallest grid.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * Draws the code with its quiet zone inside the square at (x, y) of side `sizePt`. Each row's runs of
 * dark modules become one rectangle, all filled at once.
 */
export function drawQr(doc: Pdf, matrix: QrMatrix, x: number, y: number, sizePt: number): void {
  const modulePt = sizePt / (matrix.size + 2 * QR_QUIET_MODULES);
  const x0 = x + QR_QUIET_MODULES * modulePt;
  const y0 = y + QR_QUIET_MODULES * modulePt;
  doc.save();
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      doc.rect(x0 + start * modulePt, y0 + row * modulePt, (col - start) * modulePt, modulePt);
    }
  }
  doc.fillColor('#000000').fill();
  doc.restore();
}
