import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, type BrowserProbe, type RunResult } from '../../e2e/find-browser';

const PW_CHROME = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

interface FakeMachine {
  probe: BrowserProbe;
  /** Every command run, as "cmd arg arg" (env shown as KEY=value prefix). */
  calls: string[];
  files: Set<string>;
}

/**
 * A fake machine: `files` are the executables present; `on` decides each command's outcome and may
 * add files (an install that works).
 */
function machine(opts: {
  files?: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  isRoot?: boolean;
  debian?: boolean;
  on?: (cmd: string, files: Set<string>) => RunResult;
}): FakeMachine {
  const files = new Set(opts.files ?? []);
  if (opts.debian ?? true) files.add('/usr/bin/apt-get');
  const calls: string[] = [];
  const probe: BrowserProbe = {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
    platform: opts.platform ?? 'linux',
    isRoot: opts.isRoot ?? true,
    isExecutable: (p) => files.has(p),
    exists: (p) => p === '/etc/debian_version' ? (opts.debian ?? true) : files.has(p),
    run: async (cmd, args, { env }) => {
      const line = [...Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`), cmd, ...args].join(' ');
      calls.push(line);
      return opts.on?.(line, files) ?? { ok: false, output: 'not expected' };
    },
    playwrightChromiumPath: () => PW_CHROME,
    playwrightCli: ['node', 'cli.js'],
    log: () => undefined,
  };
  return { probe, calls, files };
}

const cdnDown = (line: string): RunResult | undefined =>
  line.includes('cli.js install') ? { ok: false, output: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev\nFailed to install browsers' } : undefined;

describe('findBrowser: decision order', () => {
  it('CHROMIUM_PATH wins over a system browser and installs nothing', async () => {
    const m = machine({ files: ['/opt/my/chrome', '/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/my/chrome' } });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
    expect(m.calls).toEqual([]);
  });

  it('a CHROMIUM_PATH that is not there is an error in one line, not a reason to install', async () => {
    const m = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/nope/chrome' } });
    const err = await findBrowser(m.probe).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect((err as Error).message).toMatch(/^CHROMIUM_PATH=\/nope\/chrome is not an executable file/);
    expect((err as Error).message).not.toContain('\n');
    expect(m.calls).toEqual([]);
  });

  it("takes Debian's /usr/bin/chromium before Chrome, and installs nothing", async () => {
    const m = machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(m.calls).toEqual([]);
  });

  it('finds Edge at its well-known path, and a browser only on PATH', async () => {
    expect(await findBrowser(machine({ files: ['/opt/microsoft/msedge/msedge'] }).probe)).toEqual({ path: '/opt/microsoft/msedge/msedge', source: 'system' });
    const onPath = machine({ files: ['/home/me/bin/google-chrome-stable'], env: { PATH: '/usr/bin:/home/me/bin' } });
    expect(await findBrowser(onPath.probe)).toEqual({ path: '/home/me/bin/google-chrome-stable', source: 'system' });
  });

  it('looks in Program Files on Windows', async () => {
    const m = machine({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', PATH: '' }, files: [] });
    const chrome = join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe');
    m.files.add(chrome);
    expect(await findBrowser(m.probe)).toEqual({ path: chrome, source: 'system' });
  });

  it("uses Playwright's already-downloaded Chromium without downloading again", async () => {
    const m = machine({ files: [PW_CHROME] });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: PW_CHROME, source: 'playwright' });
    expect(m.calls).toEqual([]);
  });

  it("downloads Playwright's Chromium (with a short connection timeout) and checks that it starts; apt is not used", async () => {
    const m = machine({
      on: (line, files) => {
        if (line.includes('cli.js install')) files.add(PW_CHROME);
        return { ok: true, output: 'ok' };
      },
    });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: PW_CHROME, source: 'playwright-download' });
    expect(m.calls).toEqual([
      'PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT=15000 node cli.js install --no-shell chromium',
      `${PW_CHROME} --headless=new --no-sandbox --version`,
    ]);
  });

  it("falls back to apt when the downloaded Chromium cannot start (missing system libraries)", async () => {
    const m = machine({
      on: (line, files) => {
        if (line.includes('cli.js install')) {
          files.add(PW_CHROME);
          return { ok: true, output: '' };
        }
        if (line.startsWith(PW_CHROME)) return { ok: false, output: 'error while loading shared libraries: libnss3.so' };
        if (line.includes('apt-get -q install')) files.add('/usr/bin/chromium');
        return { ok: true, output: '' };
      },
    });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: '/usr/bin/chromium', source: 'apt' });
  });

  it('download impossible, root on Debian: apt-get update, then a non-interactive apt-get install -y chromium', async () => {
    const m = machine({
      on: (line, files) => {
        const down = cdnDown(line);
        if (down) return down;
        if (line.includes('apt-get -q install')) files.add('/usr/bin/chromium');
        return { ok: true, output: '' };
      },
    });
    await expect(findBrowser(m.probe)).resolves.toEqual({ path: '/usr/bin/chromium', source: 'apt' });
    expect(m.calls.slice(1)).toEqual([
      'DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -q update',
      'DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -q install -y chromium',
    ]);
  });

  it('download impossible and not root: one line saying what to install, apt is never run', async () => {
    const m = machine({ isRoot: false, on: (line) => cdnDown(line) ?? { ok: true, output: '' } });
    const err = await findBrowser(m.probe).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).toContain('apt-get install chromium');
    expect((err as Error).message).toContain('CHROMIUM_PATH');
    expect(m.calls.some((c) => c.includes('apt-get'))).toBe(false);
  });

  it('download impossible on a machine without apt (not Debian): the same one-line instruction', async () => {
    const m = machine({ debian: false, on: (line) => cdnDown(line) ?? { ok: true, output: '' } });
    await expect(findBrowser(m.probe)).rejects.toThrow(/^No Chromium-based browser for the e2e tests/);
    expect(m.calls.some((c) => c.includes('apt-get'))).toBe(false);
  });

  it('a failing apt-get update stops before install, with the one-line instruction', async () => {
    const m = machine({
      on: (line) => cdnDown(line) ?? (line.includes('apt-get -q update') ? { ok: false, output: 'E: Could not resolve deb.debian.org' } : { ok: true, output: '' }),
    });
    await expect(findBrowser(m.probe)).rejects.toBeInstanceOf(BrowserNotFoundError);
    expect(m.calls.some((c) => c.includes('apt-get -q install'))).toBe(false);
  });
});
