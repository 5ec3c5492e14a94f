import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const HEADLESS_ENTRY = join(ROOT, 'out/main/headless.js');

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Stops the server; its data directory is removed unless `keepData` (to start again on it). */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the headless server (the built app: `npx electron-vite build` must have run; `npm test` builds
 * first) on a free port with a fresh data directory, and waits for its "listening on" line.
 */
export async function startServer(opts: { timeoutMs?: number; args?: string[]; dataDir?: string } = {}): Promise<RunningServer> {
  if (!existsSync(HEADLESS_ENTRY)) {
    throw new Error(`${HEADLESS_ENTRY} is missing: build first with \`npx electron-vite build\` (npm test does this).`);
  }
  // A given data directory is an app started again (e.g. after the office PC was off).
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'isp-desk-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [HEADLESS_ENTRY, '--data-dir', dataDir, '--port', '0', ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ISP_DESK_LOG_LEVEL: process.env.ISP_DESK_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the headless server did not start within ${opts.timeoutMs ?? 30_000} ms:\n${log}`)), opts.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+?\/)(\s|$)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      log += c.toString('utf8');
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the headless server exited (code ${code}) before listening:\n${log}`));
    });
  });

  return {
    url,
    dataDir,
    output: () => log,
    async stop(stopOpts = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (!stopOpts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Another isolated context (its own sessionStorage), e.g. a second person at another desk. */
  newContext(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // Found or installed once per run by the e2e globalSetup (find-browser.ts).
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme: 'light', acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    return { context, page };
  };
  const first = await newContext();
  return {
    browser,
    ...first,
    newContext,
    async close() {
      await browser.close();
    },
  };
}

/** Screenshots numbered in call order: test/artifacts/e2e/<spec>/<nn>-<step>.png (gitignored test artifacts). */
export function screenshotter(spec: string): (page: Page, step: string) => Promise<string> {
  const dir = join(ROOT, 'test/artifacts/e2e', spec);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step) => {
    n += 1;
    const file = join(dir, `${String(n).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
    // A full-page shot of a scrolled page draws the fixed header mid-page; shoot from the top.
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
  };
}

/** Registers an afterEach that keeps a screenshot of the page a test failed on. */
export function screenshotFailures(shot: (page: Page, step: string) => Promise<string>, page: () => Page | undefined): void {
  afterEach(async (ctx) => {
    const p = page();
    if (p && ctx.task.result?.state === 'fail') await shot(p, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });
}
