import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available here: ipcMain and BrowserWindow are mocked; the PDF is a real one.
const e = vi.hoisted(() => ({
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  windows: [] as { options: unknown; loaded: string | null; loadedBytes: Buffer | null; printOptions: unknown; destroyed: boolean }[],
  printAnswer: { ok: true, reason: '' },
  printers: [{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20', description: '', options: {} }, { name: 'office', displayName: '', description: '', options: {} }],
}));
vi.mock('electron', () => {
  class BrowserWindow {
    private readonly rec: (typeof e.windows)[number];
    webContents: { print: (opts: unknown, cb: (ok: boolean, reason: string) => void) => void };
    constructor(options: unknown) {
      const rec = { options, loaded: null as string | null, loadedBytes: null as Buffer | null, printOptions: null as unknown, destroyed: false };
      this.rec = rec;
      e.windows.push(rec);
      this.webContents = {
        print: (opts, cb) => {
          rec.printOptions = opts;
          cb(e.printAnswer.ok, e.printAnswer.reason);
        },
      };
    }
    loadURL(url: string) {
      this.rec.loaded = url;
      // What the viewer would show: the file as it is when loaded.
      this.rec.loadedBytes = readFileSync(fileURLToPath(url));
      return Promise.resolve();
    }
    destroy() {
      this.rec.destroyed = true;
    }
  }
  return { ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => e.handlers.set(channel, fn) }, BrowserWindow };
});

import { MAX_PRINT_PDF_BYTES, PRINT_PDF_CHANNEL, PRINTERS_CHANNEL, registerPdfPrinting } from '../../../src-main/electron/pdf-printing';
import { silentLogger } from '../../../src-main/core/ports';
import { receiptPdf } from '../../../src-main/core/documents';
import { sampleReceipt } from '../documents/document-samples';

const rendererUrl = `file://${join(import.meta.dirname, '../../../src-main/renderer/')}index.html`;
const sender = { getPrintersAsync: () => Promise.resolve(e.printers) };

describe('Electron print capability (printers, print a PDF in a hidden window)', () => {
  registerPdfPrinting(silentLogger);
  const printers = (url = rendererUrl) => e.handlers.get(PRINTERS_CHANNEL)!({ senderFrame: { url }, sender });
  const print = (pdf: unknown, printer: unknown, url = rendererUrl) => e.handlers.get(PRINT_PDF_CHANNEL)!({ senderFrame: { url }, sender }, pdf, printer);

  beforeEach(() => {
    e.windows.length = 0;
    Object.assign(e.printAnswer, { ok: true, reason: '' });
  });

  it('lists the printers by OS name with a display name; a foreign frame gets nothing', async () => {
    expect(await printers()).toEqual({ ok: true, data: [{ name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20' }, { name: 'office', displayName: 'office' }] });
    expect(await printers('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('prints the receipt PDF on the chosen printer from a hidden sandboxed window, then removes the window and the file', async () => {
    const pdf = Buffer.from(await receiptPdf(sampleReceipt(), 'roll80'));
    expect(await print(pdf.toString('base64'), 'EPSON_TM_T20')).toEqual({ ok: true, data: { printed: true } });
    expect(e.windows).toHaveLength(1);
    const w = e.windows[0]!;
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(w.loaded).toMatch(/^file:\/\/.*\.pdf$/);
    expect(w.loadedBytes!.equals(pdf)).toBe(true);
    expect(w.printOptions).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20' });
    expect(w.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(w.loaded!))).toBe(false);
  });

  it('without a printer opens the system dialog; cancelling there is not an error', async () => {
    const pdf = Buffer.from(await receiptPdf(sampleReceipt(), 'a4')).toString('base64');
    Object.assign(e.printAnswer, { ok: false, reason: 'Print job canceled' });
    expect(await print(pdf, null)).toEqual({ ok: true, data: { printed: false } });
    expect(e.windows[0]!.printOptions).toMatchObject({ silent: false });
    expect(e.windows[0]!.printOptions).not.toHaveProperty('deviceName');
    Object.assign(e.printAnswer, { ok: false, reason: 'Invalid deviceName provided' });
    expect(await print(pdf, 'gone')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(e.windows.every((w) => w.destroyed && !existsSync(fileURLToPath(w.loaded!)))).toBe(true);
  });

  it('opens no window for anything but a PDF, an oversized body, a bad printer name or a foreign frame', async () => {
    const pdf = Buffer.from(await receiptPdf(sampleReceipt(), 'a4')).toString('base64');
    expect(await print(Buffer.from('<html><script>alert(1)</script>').toString('base64'), null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await print(`JVBERi0${'A'.repeat(Math.ceil(MAX_PRINT_PDF_BYTES / 3) * 4)}`, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await print(42, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await print(pdf, 7)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await print(pdf, 'EPSON_TM_T20', 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(e.windows).toHaveLength(0);
  });
});
