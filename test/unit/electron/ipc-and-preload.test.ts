import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';

// The Electron binary is not available here: the thin adapters are tested with electron mocked.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, data: 'from main' });
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  BrowserWindow: class {},
  shell: { openExternal: vi.fn() },
}));

import { registerIpc, INVOKE_CHANNEL } from '../../../src-main/electron/ipc';
import { startTestCore, type TestCore } from '../../fixtures/test-core';

describe('Electron IPC adapter', () => {
  let t: TestCore;
  const rendererDir = join(import.meta.dirname, '../../../src-main/renderer/');
  beforeAll(async () => {
    t = await startTestCore();
    registerIpc(t.booted);
  });
  afterAll(() => t.close());

  const sender = { once: vi.fn(), isDestroyed: () => false, send: vi.fn() };
  const call = (url: string, channel: unknown, input: unknown, token: unknown = null) =>
    handlers.get(INVOKE_CHANNEL)!({ senderFrame: { url }, sender }, channel, input, token);

  it('answers contract channels from our own renderer with the dispatcher envelope', async () => {
    const env = await call(`file://${rendererDir}index.html#/setup`, 'setup.status', {});
    expect(env).toEqual({ ok: true, data: { needsSetup: true } });
  });

  it('refuses frames that are not our renderer', async () => {
    expect(await call('https://evil.example/', 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses channels outside the contract', async () => {
    expect(await call(`file://${rendererDir}index.html`, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates input like the HTTP transport', async () => {
    expect(await call(`file://${rendererDir}index.html`, 'tenants.list', { page: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('sandboxed preload', () => {
  it('exposes only invoke/on/pickFile/saveFile, limited to contract channels and events', async () => {
    await import('../../../src-main/electron/preload');
    const api = exposed.ispDesk as { invoke: (c: string, i: unknown, t?: string) => Promise<unknown>; on: (e: string, cb: () => void) => () => void };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pickFile', 'saveFile']);
    expect(await api.invoke('setup.status', {}, 'tok')).toEqual({ ok: true, data: 'from main' });
    expect(invoked.at(-1)).toEqual(['isp:invoke', 'setup.status', {}, 'tok']);
    const before = invoked.length;
    expect(await api.invoke('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(invoked.length).toBe(before);
    expect(typeof api.on('not.an.event', () => undefined)).toBe('function');
    // File bytes never cross IPC: the page asks main to pick, main answers with an upload id.
    await (exposed.ispDesk as { pickFile: (p: string, t: string) => Promise<unknown> }).pickFile('tenant-import', 'tok');
    expect(invoked.at(-1)).toEqual(['isp:pick-file', 'tenant-import', 'tok']);
  });
});
