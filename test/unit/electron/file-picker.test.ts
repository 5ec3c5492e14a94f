import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available here: the dialog and ipcMain are mocked, the core is real.
const { handlers, dialogAnswer, showOpenDialog, saveAnswer, showSaveDialog } = vi.hoisted(() => {
  const answer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
  const save: { canceled: boolean; filePath?: string } = { canceled: true };
  return {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    dialogAnswer: answer,
    showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve(answer)),
    saveAnswer: save,
    showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve(save)),
  };
});
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  dialog: { showOpenDialog, showSaveDialog },
  BrowserWindow: { fromWebContents: () => null },
  shell: { openExternal: vi.fn() },
}));

import { PICK_FILE_CHANNEL, registerFilePicker, SAVE_FILE_CHANNEL } from '../../../src-main/electron/file-picker';
import { UPLOAD_PURPOSES } from '@shared/contract/uploads';
import { startTestCore, type TestCore } from '../../fixtures/test-core';
import { makeTempDir } from '../../fixtures/temp-dir';

describe('Electron file picker (binary upload path)', () => {
  let t: TestCore;
  const files = makeTempDir();
  const rendererUrl = `file://${join(import.meta.dirname, '../../../src-main/renderer/')}index.html`;
  let platformToken: string;
  let staffToken: string;

  beforeAll(async () => {
    t = await startTestCore();
    registerFilePicker(t.booted);
    platformToken = t.booted.core.sessions.create({ kind: 'platform', userId: 'p1', mustChangePassword: false }).token;
    staffToken = t.booted.core.sessions.create({ kind: 'staff', userId: 's1', tenantId: 't1', roles: ['ADMIN'], mustChangePassword: false }).token;
  });
  afterAll(async () => {
    await t.close();
    files.remove();
  });
  beforeEach(() => {
    showOpenDialog.mockClear();
    showSaveDialog.mockClear();
  });

  const pick = (purpose: unknown, token: unknown, url = rendererUrl) =>
    handlers.get(PICK_FILE_CHANNEL)!({ senderFrame: { url }, sender: {} }, purpose, token);

  it('keeps the picked path in main and gives the page only an upload id; using it never deletes the user file', async () => {
    const path = join(files.dir, 'alpha.ispdesk');
    writeFileSync(path, 'export bytes');
    Object.assign(dialogAnswer, { canceled: false, filePaths: [path] });
    const env = await pick('tenant-import', platformToken) as { ok: true; data: { uploadId: string; fileName: string; sizeBytes: number } };
    expect(env).toMatchObject({ ok: true, data: { fileName: 'alpha.ispdesk', sizeBytes: 12, uploadId: expect.stringMatching(/^upl_/) } });
    expect(JSON.stringify(env)).not.toContain(files.dir);
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'ispdesk', extensions: ['ispdesk'] }] }));

    // Another session cannot use it; the right one reads the picked file in main.
    await expect(t.booted.core.uploads.use(env.data.uploadId, 'tenant-import', staffToken, () => Promise.resolve(1))).rejects.toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
    const seen = await t.booted.core.uploads.use(env.data.uploadId, 'tenant-import', platformToken, (f) => Promise.resolve(f.path));
    expect(seen).toBe(path);
    expect(existsSync(path)).toBe(true);
    // Used once: the id is gone.
    await expect(t.booted.core.uploads.use(env.data.uploadId, 'tenant-import', platformToken, () => Promise.resolve(1))).rejects.toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
  });

  it('answers null when the dialog is cancelled', async () => {
    Object.assign(dialogAnswer, { canceled: true, filePaths: [] });
    expect(await pick('tenant-import', platformToken)).toEqual({ ok: true, data: null });
  });

  it('shows no dialog without a session, for the wrong role, for an unknown purpose or to a foreign frame', async () => {
    expect(await pick('tenant-import', null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await pick('tenant-import', staffToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await pick('anything', platformToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await pick('tenant-import', platformToken, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses a picked file over the purpose cap without registering it', async () => {
    const path = join(files.dir, 'huge.ispdesk');
    writeFileSync(path, '');
    truncateSync(path, UPLOAD_PURPOSES['tenant-import'].maxBytes + 1); // sparse: no real disk use
    Object.assign(dialogAnswer, { canceled: false, filePaths: [path] });
    const before = t.booted.core.uploads.uploadCount;
    expect(await pick('tenant-import', platformToken)).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'UPLOAD_TOO_LARGE' } });
    expect(t.booted.core.uploads.uploadCount).toBe(before);
  });

  it('saves a download offered to this session where the user chooses, in main; other sessions get nothing', async () => {
    const uploads = t.booted.core.uploads;
    const path = uploads.newTempPath('download');
    writeFileSync(path, 'sealed export');
    const ref = uploads.offer({ path, fileName: 'alpha-net.ispdesk', sizeBytes: 13, token: platformToken });
    const save = (id: unknown, token: unknown, url = rendererUrl) => handlers.get(SAVE_FILE_CHANNEL)!({ senderFrame: { url }, sender: {} }, id, token);

    expect(await save(ref.downloadId, staffToken)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await save(ref.downloadId, platformToken, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(showSaveDialog).not.toHaveBeenCalled();

    const target = join(files.dir, 'saved.ispdesk');
    Object.assign(saveAnswer, { canceled: false, filePath: target });
    expect(await save(ref.downloadId, platformToken)).toEqual({ ok: true, data: { saved: true } });
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'alpha-net.ispdesk' }));
    expect(readFileSync(target, 'utf8')).toBe('sealed export');
  });
});
