import { app, BrowserWindow } from 'electron';
import { activateTenants, bootCore, type BootedCore } from '../core/boot';
import { consoleLogger } from '../core/ports';
import { startPortalListeners, type PortalListeners } from '../headless/portal-listeners';
import { registerIpc } from './ipc';
import { registerFilePicker } from './file-picker';
import { registerPdfPrinting } from './pdf-printing';
import { createDesktopSecretBox } from './safe-storage';
import { initAutoUpdater } from './updater';
import { createMainWindow } from './windows';

const log = consoleLogger('info');
let booted: BootedCore | null = null;
let portal: PortalListeners | null = null;

// A router or network fault must never take the app down.
process.on('uncaughtException', (e) => log.error('uncaught exception', { error: e, stack: e.stack }));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', { error: e }));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    booted = await bootCore({ dataDir, secrets: createDesktopSecretBox(dataDir, log), log });
    registerIpc(booted);
    registerFilePicker(booted);
    registerPdfPrinting(log);
    await activateTenants(booted.core);
    // The captive portal's LAN routes (plain node:http, shared with the headless root) while the app runs.
    portal = startPortalListeners(booted.core, log);
    createMainWindow();
    initAutoUpdater(log);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  }).catch((e: unknown) => {
    log.error('start-up failed', { error: e });
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('before-quit', (e) => {
    if (closing || !booted) return;
    e.preventDefault();
    closing = true;
    const stopPortal = portal ? portal.close() : Promise.resolve();
    stopPortal.then(() => booted?.close()).finally(() => app.exit(0));
  });
}
