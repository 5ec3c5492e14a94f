/**
 * Electron's print capability (IspDeskBridge.print): list this computer's printers and print a PDF that a
 * document channel produced (receipts on A4 or a thermal roll). The PDF is written to a private temp file
 * and shown by Chromium's built-in PDF viewer in a hidden window, which then prints. Printing a loaded PDF
 * gave blank pages until Electron fixed it (electron/electron#30947, fixed by #43309 in 30.x and later).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import type { Envelope } from '@shared/domain/errors';
import type { PrinterChoice } from '@shared/contract/bridge';
import type { Logger } from '../core/ports';
import { isTrustedUrl } from './windows';

export const PRINTERS_CHANNEL = 'isp:printers';
export const PRINT_PDF_CHANNEL = 'isp:print-pdf';
/** A receipt is a few KB and a long invoice a few hundred; anything near this is not one of ours. */
export const MAX_PRINT_PDF_BYTES = 8 * 1024 * 1024;

const untrusted = { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } } as const;

export interface PdfPrinter {
  /** Loads the PDF file and prints it; resolves false when the user cancelled the system dialog. */
  print(fileUrl: string, deviceName: string | null): Promise<boolean>;
}

/** A hidden, sandboxed window with the PDF viewer (plugins) and nothing else. */
export const hiddenWindowPrinter: PdfPrinter = {
  async print(fileUrl, deviceName) {
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    try {
      await win.loadURL(fileUrl);
      return await new Promise<boolean>((resolve, reject) => {
        // With a chosen printer it prints at once; without one the system dialog lets the user choose.
        win.webContents.print({ silent: deviceName !== null, ...(deviceName !== null && { deviceName }), printBackground: true }, (ok, reason) => {
          if (ok) resolve(true);
          else if (/cancel/i.test(reason)) resolve(false);
          else reject(new Error(reason));
        });
      });
    } finally {
      win.destroy();
    }
  },
};

function decodePdf(pdfBase64: unknown): Buffer | null {
  if (typeof pdfBase64 !== 'string' || pdfBase64.length > Math.ceil(MAX_PRINT_PDF_BYTES / 3) * 4) return null;
  const bytes = Buffer.from(pdfBase64, 'base64');
  // Only a PDF goes to the viewer: never HTML or anything else a page could run.
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? bytes : null;
}

export function registerPdfPrinting(log: Logger, printer: PdfPrinter = hiddenWindowPrinter): void {
  const trusted = (event: { senderFrame?: { url: string } | null }) => isTrustedUrl(event.senderFrame?.url ?? '');

  ipcMain.handle(PRINTERS_CHANNEL, async (event): Promise<Envelope<PrinterChoice[]>> => {
    if (!trusted(event)) return untrusted;
    try {
      const list = await (event.sender as WebContents).getPrintersAsync();
      return { ok: true, data: list.map((p) => ({ name: p.name, displayName: p.displayName || p.name })) };
    } catch (e) {
      log.error('listing printers failed', { error: e });
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The printers could not be listed.' } };
    }
  });

  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, pdfBase64: unknown, deviceName: unknown): Promise<Envelope<{ printed: boolean }>> => {
    if (!trusted(event)) return untrusted;
    const bytes = decodePdf(pdfBase64);
    if (!bytes) return { ok: false, error: { code: 'VALIDATION', message: 'Not a PDF document.' } };
    if (deviceName !== null && (typeof deviceName !== 'string' || deviceName === '' || deviceName.length > 300)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Choose a printer.' } };
    }
    const dir = await mkdtemp(join(tmpdir(), 'ispdesk-print-'));
    try {
      const file = join(dir, 'document.pdf');
      await writeFile(file, bytes, { mode: 0o600 });
      return { ok: true, data: { printed: await printer.print(pathToFileURL(file).href, deviceName) } };
    } catch (e) {
      log.error('printing failed', { error: e });
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The document could not be printed.' } };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
