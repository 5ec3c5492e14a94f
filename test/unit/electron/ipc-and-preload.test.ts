import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import type { IspDeskBridge } from '@shared/contract/bridge';

// The Electron binary is not available here: the thin adapters are tested with electron mocked. The mock
// wires ipcRenderer to ipcMain in memory, so the real preload talks to the real main-side adapter.
const ipc = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const state = {
    mainHandlers: new Map<string, Fn>(),
    mainListeners: new Map<string, Fn>(),
    rendererListeners: new Map<string, Set<Fn>>(),
    destroyed: new Set<() => void>(),
    exposed: {} as Record<string, unknown>,
    invoked: [] as unknown[][],
    frameUrl: '',
    sender: null as unknown,
  };
  state.sender = {
    once: (name: string, fn: () => void) => {
      if (name === 'destroyed') state.destroyed.add(fn);
    },
    isDestroyed: () => false,
    // main → renderer, cloned like a real IPC message.
    send: (channel: string, ...args: unknown[]) => {
      for (const l of state.rendererListeners.get(channel) ?? []) l({}, ...structuredClone(args));
    },
  };
  return state;
});

vi.mock('electron', () => {
  const event = () => ({ senderFrame: { url: ipc.frameUrl }, sender: ipc.sender });
  return {
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => ipc.mainHandlers.set(channel, fn),
      on: (channel: string, fn: (...args: unknown[]) => unknown) => ipc.mainListeners.set(channel, fn),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { ipc.exposed[key] = api; } },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        ipc.invoked.push([channel, ...args]);
        const h = ipc.mainHandlers.get(channel);
        if (!h) throw new Error(`no handler for ${channel}`);
        return structuredClone(await h(event(), ...structuredClone(args)));
      },
      send: (channel: string, ...args: unknown[]) => ipc.mainListeners.get(channel)?.(event(), ...structuredClone(args)),
      on: (channel: string, fn: (...args: unknown[]) => unknown) => {
        const set = ipc.rendererListeners.get(channel) ?? new Set();
        set.add(fn);
        ipc.rendererListeners.set(channel, set);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => unknown) => ipc.rendererListeners.get(channel)?.delete(fn),
    },
    BrowserWindow: class {},
    shell: { openExternal: vi.fn() },
  };
});

import { registerIpc, INVOKE_CHANNEL } from '../../../src-main/electron/ipc';
import { insertAlert, publishAlert } from '../../../src-main/core/ops/alerts';
import { ADMIN_PASSWORD, PLATFORM_PASSWORD, startTestCore, type TestCore } from '../../fixtures/test-core';
import type { Envelope } from '@shared/domain/errors';

const rendererDir = join(import.meta.dirname, '../../../src-main/renderer/');
const OUR_PAGE = `file://${rendererDir}index.html`;

let t: TestCore;
let bridge: IspDeskBridge;
beforeAll(async () => {
  t = await startTestCore();
  registerIpc(t.booted);
  await import('../../../src-main/electron/preload');
  bridge = ipc.exposed.ispDesk as IspDeskBridge;
  ipc.frameUrl = OUR_PAGE;
});
afterAll(() => t.close());

/** Calls main through the preload, as the renderer does; throws on an error envelope. */
async function invoke<T>(channel: string, input: unknown, token: string | null = null): Promise<T> {
  const env = (await bridge.invoke(channel, input, token)) as Envelope<T>;
  if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.key ?? env.error.message}`);
  return env.data;
}

describe('Electron IPC adapter', () => {
  const call = (url: string, channel: unknown, input: unknown, token: unknown = null) =>
    ipc.mainHandlers.get(INVOKE_CHANNEL)!({ senderFrame: { url }, sender: ipc.sender }, channel, input, token);

  it('answers contract channels from our own renderer with the dispatcher envelope', async () => {
    const env = await call(`${OUR_PAGE}#/setup`, 'setup.status', {});
    expect(env).toEqual({ ok: true, data: { needsSetup: true } });
  });

  it('refuses frames that are not our renderer', async () => {
    expect(await call('https://evil.example/', 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses channels outside the contract', async () => {
    expect(await call(OUR_PAGE, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates input like the HTTP transport', async () => {
    expect(await call(OUR_PAGE, 'auth.sign-in', { scope: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('sandboxed preload', () => {
  it('exposes only invoke/on/pickFile/saveFile/print, limited to contract channels and events', async () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pickFile', 'print', 'saveFile']);
    expect(Object.keys(bridge.print ?? {}).sort()).toEqual(['printPdf', 'printers']);
    expect(await bridge.invoke('setup.status', {}, 'tok')).toMatchObject({ ok: true });
    expect(ipc.invoked.at(-1)).toEqual(['isp:invoke', 'setup.status', {}, 'tok']);
    const before = ipc.invoked.length;
    expect(await bridge.invoke('shell.openExternal', {}, null)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ipc.invoked.length).toBe(before);
    expect(typeof bridge.on('not.an.event', 'tok', () => undefined)).toBe('function');
    expect(ipc.invoked.length).toBe(before);
    // File bytes never cross IPC: the page asks main to pick, main answers with an upload id.
    // (No dialog handler is registered in this test: the call itself is what is checked.)
    await bridge.pickFile('tenant-import', 'tok').catch(() => undefined);
    expect(ipc.invoked.at(-1)).toEqual(['isp:pick-file', 'tenant-import', 'tok']);
    // The print capability goes to main's pdf-printing handlers (tested in pdf-printing.test.ts).
    await bridge.print?.printPdf('JVBERi0=', 'EPSON').catch(() => undefined);
    expect(ipc.invoked.at(-1)).toEqual(['isp:print-pdf', 'JVBERi0=', 'EPSON']);
  });
});

describe('events in a window holding sessions of two tenants', () => {
  interface SignedIn { token: string }
  let platform: string;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let adminB: string;

  beforeAll(async () => {
    // Every session below is opened through this window, as the renderer would.
    const setup = await invoke<{ session: SignedIn; tenantId: string }>('setup.complete', {
      platformAdmin: { fullName: 'Pat Platform', email: 'pat@platform.test', password: PLATFORM_PASSWORD },
      tenant: {
        name: 'Alpha Net', ownerName: 'Olive Owner', ownerEmail: 'olive@alpha.test', ownerPhone: '0712345678',
        admin: { fullName: 'Ada Admin', email: 'ada@alpha.test', password: ADMIN_PASSWORD },
      },
    });
    platform = setup.session.token;
    tenantA = setup.tenantId;
    const b = await invoke<{ id: string }>('tenants.create', {
      name: 'Beta Net', ownerName: 'Bo Owner', ownerEmail: 'bo@beta.test', ownerPhone: '0722000000',
      admin: { fullName: 'Ben Admin', email: 'ben@beta.test', password: ADMIN_PASSWORD },
    }, platform);
    tenantB = b.id;
    adminA = (await invoke<SignedIn>('auth.sign-in', { scope: 'tenant', tenantId: tenantA, email: 'ada@alpha.test', password: ADMIN_PASSWORD })).token;
    adminB = (await invoke<SignedIn>('auth.sign-in', { scope: 'tenant', tenantId: tenantB, email: 'ben@beta.test', password: ADMIN_PASSWORD })).token;
  });

  async function raiseAlert(tenantId: string, title: string): Promise<void> {
    const core = t.booted.core;
    const alert = await core.tenants.use(tenantId, (h) => insertAlert(h.db, core, { severity: 'warning', kind: 'router.down', params: { routerName: title, cause: null }, routerId: null }));
    publishAlert(core, tenantId, alert);
  }

  it("delivers tenant A's alert only to A's listener, and B's only to B's", async () => {
    const gotA: string[] = [];
    const gotB: string[] = [];
    const offA = bridge.on('alerts.created', adminA, (p) => gotA.push((p as { params: { routerName: string } }).params.routerName));
    const offB = bridge.on('alerts.created', adminB, (p) => gotB.push((p as { params: { routerName: string } }).params.routerName));
    await vi.waitFor(() => expect(t.booted.core.events.hasSink(adminA) && t.booted.core.events.hasSink(adminB)).toBe(true));

    await raiseAlert(tenantA, 'Alpha router down');
    await raiseAlert(tenantB, 'Beta router down');
    expect(gotA).toEqual(['Alpha router down']);
    expect(gotB).toEqual(['Beta router down']);

    offA();
    offB();
    // The last listener of a session gone, main stops sending that session's events to the window.
    expect(t.booted.core.events.hasSink(adminA)).toBe(false);
    await raiseAlert(tenantA, 'Nobody listens');
    expect(gotA).toEqual(['Alpha router down']);
  });

  it("tells only the suspended tenant's session that it ended, then reports it gone", async () => {
    const endedA: unknown[] = [];
    const endedB: unknown[] = [];
    let goneB = 0;
    const offA = bridge.on('session.ended', adminA, (p) => endedA.push(p));
    bridge.on('session.ended', adminB, (p) => endedB.push(p), () => { goneB += 1; });
    await vi.waitFor(() => expect(t.booted.core.events.hasSink(adminB)).toBe(true));

    await invoke('tenants.set-status', { tenantId: tenantB, status: 'suspended' }, platform);
    expect(endedB).toEqual([{ reason: 'tenant-suspended' }]);
    expect(goneB).toBe(1);
    expect(endedA).toEqual([]);
    expect(t.booted.core.events.hasSink(adminB)).toBe(false);
    offA();
    await invoke('tenants.set-status', { tenantId: tenantB, status: 'active' }, platform);
  });

  it('refuses to subscribe the window to a session it did not open, or one that no longer exists', async () => {
    // Opened elsewhere (not through this window's IPC): the window may not listen to it.
    const elsewhere = await t.call('auth.sign-in', { scope: 'tenant', tenantId: tenantA, email: 'ada@alpha.test', password: ADMIN_PASSWORD });
    const got: unknown[] = [];
    let gone = 0;
    bridge.on('alerts.created', elsewhere.token, (p) => got.push(p), () => { gone += 1; });
    await vi.waitFor(() => expect(gone).toBe(1));
    expect(t.booted.core.events.hasSink(elsewhere.token)).toBe(false);
    await raiseAlert(tenantA, 'Not for that window');
    expect(got).toEqual([]);

    let goneUnknown = 0;
    bridge.on('alerts.created', 'no-such-token', () => undefined, () => { goneUnknown += 1; });
    await vi.waitFor(() => expect(goneUnknown).toBe(1));
  });

  it('learns new sessions from the dispatcher, not from channel outputs, and forgets them when they end', async () => {
    const fresh = await invoke<SignedIn>('auth.sign-in', { scope: 'tenant', tenantId: tenantA, email: 'ada@alpha.test', password: ADMIN_PASSWORD });
    let gone = 0;
    const off = bridge.on('alerts.created', fresh.token, () => undefined, () => { gone += 1; });
    await vi.waitFor(() => expect(t.booted.core.events.hasSink(fresh.token)).toBe(true));
    await invoke('auth.sign-out', {}, fresh.token);
    expect(t.booted.core.events.hasSink(fresh.token)).toBe(false);
    // A sign-out comes from the page itself: no "gone" notice for it.
    expect(gone).toBe(0);
    off();
    // Signed out, the token cannot be listened to again.
    let goneAgain = 0;
    bridge.on('alerts.created', fresh.token, () => undefined, () => { goneAgain += 1; });
    await vi.waitFor(() => expect(goneAgain).toBe(1));
  });
});
