import { copyFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { isAppError, type Envelope } from '@shared/domain/errors';
import { UPLOAD_PURPOSES, type UploadRef } from '@shared/contract/uploads';
import type { BootedCore } from '../core/boot';
import { authorizeUpload } from '../core/uploads/authorize';
import { tooLarge } from '../core/uploads/upload-store';
import { isTrustedUrl } from './windows';

export const PICK_FILE_CHANNEL = 'isp:pick-file';
export const SAVE_FILE_CHANNEL = 'isp:save-file';

/**
 * Electron's side of the binary upload path: the user picks a file in a native dialog shown by main,
 * main keeps the path and hands the page only an upload id (null when cancelled). The bytes never cross
 * IPC; the channel that takes the id reads the file in main.
 */
export function registerFilePicker(booted: BootedCore): void {
  ipcMain.handle(PICK_FILE_CHANNEL, async (event, purpose: unknown, token: unknown): Promise<Envelope<UploadRef | null>> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    try {
      // Authorised before the dialog opens: a page without the right session gets no dialog at all.
      const auth = authorizeUpload(booted.core, typeof token === 'string' ? token : null, typeof purpose === 'string' ? purpose : '');
      const def = UPLOAD_PURPOSES[auth.purpose];
      const win = BrowserWindow.fromWebContents(event.sender);
      const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: def.extensions.join(', '), extensions: [...def.extensions] }] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = picked.filePaths[0];
      if (picked.canceled || !path) return { ok: true, data: null };
      const st = statSync(path);
      if (!st.isFile()) return { ok: false, error: { code: 'VALIDATION', message: 'Choose a file.', fields: { uploadId: 'Choose a file' } } };
      const cap = booted.core.uploads.capOf(auth.purpose);
      if (st.size > cap) return { ok: false, error: tooLarge(cap).toBody() };
      const ref = booted.core.uploads.register({
        purpose: auth.purpose, path, owned: false, fileName: basename(path), sizeBytes: st.size, token: auth.session.token,
      });
      return { ok: true, data: ref };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toBody() };
      booted.core.log.error('file picker failed', { error: e });
      return { ok: false, error: { code: 'INTERNAL', message: 'The file could not be opened.' } };
    }
  });

  // A file core offered as a download (e.g. a tenant export) is copied where the user chooses, in main.
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, downloadId: unknown, token: unknown): Promise<Envelope<{ saved: boolean }>> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    const found = typeof downloadId === 'string' && typeof token === 'string' ? booted.core.uploads.download(downloadId, token) : null;
    if (!found) return { ok: false, error: { code: 'NOT_FOUND', message: 'This download is not available.' } };
    try {
      const win = BrowserWindow.fromWebContents(event.sender);
      const options: Electron.SaveDialogOptions = { defaultPath: found.fileName };
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { ok: true, data: { saved: false } };
      await copyFile(found.path, chosen.filePath);
      return { ok: true, data: { saved: true } };
    } catch (e) {
      booted.core.log.error('saving a download failed', { error: e });
      return { ok: false, error: { code: 'INTERNAL', message: 'The file could not be saved.' } };
    }
  });
}
