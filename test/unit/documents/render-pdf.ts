/**
 * Reads a PDF back the way a person would see it: MuPDF (WASM, no native build) gives each page's size
 * in points and its text, and renders it to a PNG; the pixel checks decode that PNG again, so they look
 * at exactly the image a viewer or printer driver would get.
 */
import * as mupdf from 'mupdf';

export interface RenderedPage {
  widthPt: number;
  heightPt: number;
  /** The page's text with every run of white space (line breaks, no-break spaces) as one space. */
  text: string;
  /** Renders the page to PNG (on first use: text-only checks skip the cost) and decodes it again. */
  raster(): { png: Uint8Array; image: RasterImage };
}

export interface RasterImage {
  width: number;
  height: number;
  /** Pixels per point. */
  scale: number;
  /** True when the pixel is not (near) white. */
  isInked(x: number, y: number): boolean;
  rgb(x: number, y: number): [number, number, number];
}

/** `scale` is pixels per point: 2 for narrow rolls, 1 is plenty for A4. */
export function renderPdf(bytes: Uint8Array, scale = 2): RenderedPage[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pages: RenderedPage[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i);
    const [x0, y0, x1, y1] = page.getBounds();
    const text = page.toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' ').trim();
    let raster: { png: Uint8Array; image: RasterImage } | null = null;
    pages.push({
      widthPt: x1 - x0,
      heightPt: y1 - y0,
      text,
      raster: () => {
        if (!raster) {
          const png = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
          raster = { png, image: decodePng(png, scale) };
        }
        return raster;
      },
    });
  }
  return pages;
}

function decodePng(png: Uint8Array, scale: number): RasterImage {
  const pix = new mupdf.Image(png).toPixmap();
  const width = pix.getWidth();
  const height = pix.getHeight();
  const n = pix.getNumberOfComponents() + (pix.getAlpha() ? 1 : 0);
  const stride = pix.getStride();
  const samples = pix.getPixels();
  const rgb = (x: number, y: number): [number, number, number] => {
    const o = y * stride + x * n;
    return [samples[o]!, samples[o + 1]!, samples[o + 2]!];
  };
  return {
    width,
    height,
    scale,
    rgb,
    isInked: (x, y) => {
      const o = y * stride + x * n;
      return samples[o]! < 235 || samples[o + 1]! < 235 || samples[o + 2]! < 235;
    },
  };
}

/** Inked pixels in a rectangle given in points (inclusive of partial pixels at its edges). */
export function inkedPixels(img: RasterImage, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let count = 0;
  const px0 = Math.max(0, Math.floor(box.x0 * img.scale));
  const px1 = Math.min(img.width, Math.ceil(box.x1 * img.scale));
  const py0 = Math.max(0, Math.floor(box.y0 * img.scale));
  const py1 = Math.min(img.height, Math.ceil(box.y1 * img.scale));
  for (let y = py0; y < py1; y++) for (let x = px0; x < px1; x++) if (img.isInked(x, y)) count++;
  return count;
}
