/**
 * The one fixture every e2e spec uses. `e2eSpec()` gives a spec its own headless server (own temp data
 * dir, so no spec depends on another's state or order), a browser page, page-error collection and a
 * screenshot of the page a test failed on. State a spec needs but does not test (installation, tenant,
 * staff, routers) is prepared through the RPC contract over HTTP — typed by the contract — rather than
 * by clicking through the UI; only what a spec tests is driven through the UI.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { launchBrowser, screenshotFailures, screenshotter, startServer, type BrowserSession, type RunningServer } from './harness';

export type Rpc = <K extends ChannelName>(channel: K, input: InputOf<K>, token?: string) => Promise<OutputOf<K>>;

export interface E2eSpec {
  readonly server: RunningServer;
  readonly browser: BrowserSession;
  readonly page: Page;
  /** Numbered screenshots in test/artifacts/e2e/<spec>/. */
  shot(page: Page, step: string): Promise<string>;
  /** Uncaught errors of the spec's pages (`watch()` adds more pages). */
  readonly pageErrors: string[];
  watch(page: Page): void;
  /** A contract call to this spec's server over HTTP; throws on an error envelope. */
  rpc: Rpc;
  /**
   * Stops the server (the app is off), runs `whileStopped`, then starts it again on the same data
   * directory. The new server listens on another port: `server.url` changes, pages must navigate again.
   */
  restartServer(whileStopped?: () => Promise<void>): Promise<void>;
}

export interface E2eSpecOptions {
  /** Extra arguments of the headless server, e.g. ['--demo']. */
  serverArgs?: string[];
  /** Runs after the server is up and before the browser starts: prepare state through `spec.rpc`. */
  prepare?: (spec: Pick<E2eSpec, 'rpc' | 'server'>) => Promise<void>;
}

export function rpcClient(baseUrl: () => string): Rpc {
  return async (channel, input, token) => {
    const res = await fetch(new URL(`rpc/${channel}`, baseUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${channel} failed (${res.status}): ${JSON.stringify(body.error)}`);
    return body.data as OutputOf<typeof channel>;
  };
}

/** Registers the spec's lifecycle hooks in the enclosing suite (call it in a describe, or at module level). */
export function e2eSpec(name: string, opts: E2eSpecOptions = {}): E2eSpec {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  const pageErrors: string[] = [];
  const shot = screenshotter(name);
  const rpc = rpcClient(() => need(server, 'server').url);
  const watch = (p: Page) => p.on('pageerror', (e) => pageErrors.push(e.message));

  beforeAll(async () => {
    server = await startServer({ args: opts.serverArgs });
    await opts.prepare?.({ rpc, server });
    browser = await launchBrowser();
    watch(browser.page);
  });

  screenshotFailures(shot, () => browser?.page);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      return need(server, 'server');
    },
    get browser() {
      return need(browser, 'browser');
    },
    get page() {
      return need(browser, 'browser').page;
    },
    shot,
    pageErrors,
    watch,
    rpc,
    async restartServer(whileStopped) {
      const old = need(server, 'server');
      server = undefined;
      await old.stop({ keepData: true });
      try {
        await whileStopped?.();
      } finally {
        // Started again even when a step failed, so afterAll stops it and removes its data.
        server = await startServer({ args: opts.serverArgs, dataDir: old.dataDir });
      }
    },
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the e2e ${what} is not running (used outside a test, or beforeAll failed)`);
  return value;
}

// ---- State through the contract ----

export interface Person {
  fullName: string;
  email: string;
  password: string;
}

export interface InstallationSpec {
  platformAdmin: Person;
  tenant: { name: string; ownerName: string; ownerEmail: string; ownerPhone: string };
  /** The tenant's first ADMIN. */
  admin: Person;
}

export interface Installation {
  tenantId: string;
  /** The platform administrator's session (from setup). */
  platformToken: string;
  /** A session of the tenant's ADMIN. */
  adminToken: string;
}

/** First-run setup (platform admin + first tenant with its admin), then the admin signs in. */
export async function setUpInstallation(rpc: Rpc, spec: InstallationSpec): Promise<Installation> {
  const setup = await rpc('setup.complete', { platformAdmin: spec.platformAdmin, tenant: { ...spec.tenant, admin: spec.admin } });
  const admin = await rpc('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: spec.admin.email, password: spec.admin.password });
  return { tenantId: setup.tenantId, platformToken: setup.session.token, adminToken: admin.token };
}

/**
 * Adds a staff member; with `ownPassword` they also sign in and replace the initial password, so the UI
 * can sign them in straight to their home page.
 */
export async function addStaff(
  rpc: Rpc,
  at: { tenantId: string; adminToken: string },
  member: Person & { roles: InputOf<'staff.create'>['roles']; ownPassword?: string },
): Promise<OutputOf<'staff.create'>> {
  const created = await rpc('staff.create', { fullName: member.fullName, email: member.email, roles: member.roles, password: member.password }, at.adminToken);
  if (member.ownPassword) {
    const s = await rpc('auth.sign-in', { scope: 'tenant', tenantId: at.tenantId, email: member.email, password: member.password });
    await rpc('auth.change-password', { currentPassword: member.password, newPassword: member.ownPassword }, s.token);
  }
  return created;
}

export async function addRouter(rpc: Rpc, adminToken: string, router: InputOf<'routers.create'>): Promise<OutputOf<'routers.create'>> {
  return rpc('routers.create', router, adminToken);
}

// ---- UI steps shared by specs (sign-in is not what they test) ----

export async function visible(where: Page | Locator, text: string | RegExp): Promise<void> {
  await where.getByText(text).first().waitFor({ state: 'visible' });
}

/** Signs in through the sign-in screen; `profile` picks the ISP profile (omit it when the address already names one). */
export async function signInUi(page: Page, who: { email: string; password: string; profile?: string | RegExp }): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  if (who.profile !== undefined) {
    await page.getByRole('combobox', { name: 'Profile' }).click();
    await page.getByRole('option', { name: who.profile }).click();
  }
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
