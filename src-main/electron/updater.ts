import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/ports';

const SIX_HOURS = 6 * 3600_000;

/** Checks for updates in the background; disabled when unpackaged or under tests, and never fatal. */
export function initAutoUpdater(log: Logger): void {
  if (!app.isPackaged || process.env.ISP_DESK_DISABLE_UPDATER === '1' || process.env.NODE_ENV === 'test') {
    log.info('auto-update disabled (unpackaged, test or turned off)');
    return;
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.on('error', (e) => log.warn('update check failed', { error: e }));
  autoUpdater.on('update-downloaded', (info) => log.info('update downloaded; it installs on quit', { version: info.version }));
  const check = () => autoUpdater.checkForUpdates().catch((e: unknown) => log.warn('update check failed', { error: e }));
  void check();
  setInterval(() => void check(), SIX_HOURS).unref();
}
