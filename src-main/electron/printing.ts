import { BrowserWindow } from 'electron';
import { rendererUrl } from './windows';

export interface PrintOptions {
  /** Renderer route such as `#/print/receipt?id=…`. */
  route: string;
  pageSize?: 'A4' | 'A5' | { width: number; height: number };
}

/** Renders a print route in a hidden, sandboxed window and returns it as a PDF. */
export async function printRouteToPdf(opts: PrintOptions): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await win.loadURL(`${rendererUrl()}${opts.route}`);
    return await win.webContents.printToPDF({ pageSize: opts.pageSize ?? 'A4', printBackground: true });
  } finally {
    win.destroy();
  }
}

/** Sends a print route to a printer (thermal receipt printers use `silent` with a device name). */
export async function printRoute(opts: PrintOptions & { silent?: boolean; deviceName?: string }): Promise<void> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await win.loadURL(`${rendererUrl()}${opts.route}`);
    await new Promise<void>((resolve, reject) => {
      win.webContents.print({ silent: opts.silent ?? false, deviceName: opts.deviceName, printBackground: true }, (ok, reason) =>
        ok ? resolve() : reject(new Error(reason)),
      );
    });
  } finally {
    win.destroy();
  }
}
