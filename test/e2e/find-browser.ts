/**
 * Which Chromium-based browser the e2e specs drive, found (or obtained) once per run by the e2e
 * globalSetup, so `npm test` works on a fresh machine with no browser installed. Order:
 *   1. CHROMIUM_PATH (the user's word is final: a wrong path is an error, not a reason to install),
 *   2. a system Chromium / Chrome / Edge (well-known paths, then PATH),
 *   3. Playwright's own Chromium (already downloaded, else its browser download),
 *   4. on Debian/Ubuntu as root: `apt-get update` + `apt-get install -y chromium`,
 *   5. else one line saying what to install or which variable to set.
 * Every effect (files, processes) goes through `BrowserProbe` so the order is unit-tested without
 * installing anything.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'playwright' | 'playwright-download' | 'apt';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export interface RunResult {
  ok: boolean;
  output: string;
}

export interface BrowserProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** An executable regular file. */
  isExecutable(path: string): boolean;
  exists(path: string): boolean;
  run(command: string, args: string[], opts: { env?: Record<string, string>; timeoutMs: number }): Promise<RunResult>;
  /** Where Playwright keeps (or would download) its Chromium. */
  playwrightChromiumPath(): string;
  /** The command that runs Playwright's CLI: [executable, ...leading args]. */
  playwrightCli: readonly string[];
  log(line: string): void;
}

/** Thrown with a single line: what to install, or which variable to set. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

const LINUX_PATHS = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
  '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge',
];
const MAC_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'microsoft-edge-stable', 'msedge'];

function windowsPaths(env: BrowserProbe['env']): string[] {
  const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
  return roots.flatMap((r) => [
    join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(r, 'Chromium', 'Application', 'chrome.exe'),
    join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
  ]);
}

export function systemCandidates(probe: Pick<BrowserProbe, 'env' | 'platform'>): string[] {
  const known = probe.platform === 'darwin' ? MAC_PATHS : probe.platform === 'win32' ? windowsPaths(probe.env) : LINUX_PATHS;
  const sep = probe.platform === 'win32' ? ';' : delimiter;
  const exe = probe.platform === 'win32' ? '.exe' : '';
  const dirs = (probe.env.PATH ?? '').split(sep).filter(Boolean);
  return [...known, ...dirs.flatMap((d) => PATH_NAMES.map((n) => join(d, n + exe)))];
}

const ADVICE =
  'No Chromium-based browser for the e2e tests: install Chromium, Chrome or Edge (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its executable.';

/** Playwright's download may not hang a run for long when its CDN is unreachable behind a silent firewall. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const APT_TIMEOUT_MS = 15 * 60_000;

async function playwrightDownload(probe: BrowserProbe): Promise<string | null> {
  const [cmd, ...lead] = probe.playwrightCli;
  if (!cmd) return null;
  probe.log('e2e: no system browser; trying Playwright\'s Chromium download…');
  const res = await probe.run(cmd, [...lead, 'install', '--no-shell', 'chromium'], {
    // Fail fast on an unreachable CDN instead of Playwright's default minute per attempt.
    env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: probe.env.PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT ?? '15000' },
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
  });
  const path = probe.playwrightChromiumPath();
  if (!res.ok || !probe.isExecutable(path)) {
    probe.log(`e2e: Playwright's download failed (${reason(res.output)})`);
    return null;
  }
  // A downloaded Chrome for Testing still needs the system's shared libraries: check that it starts.
  const runs = await probe.run(path, ['--headless=new', '--no-sandbox', '--version'], { timeoutMs: 60_000 });
  if (!runs.ok) {
    probe.log(`e2e: Playwright's Chromium was downloaded but does not start (${reason(runs.output)})`);
    return null;
  }
  return path;
}

function aptAvailable(probe: BrowserProbe): boolean {
  return probe.platform === 'linux' && probe.isRoot && probe.exists('/etc/debian_version') && probe.isExecutable('/usr/bin/apt-get');
}

async function aptInstall(probe: BrowserProbe): Promise<string | null> {
  probe.log('e2e: installing Debian\'s chromium with apt-get (running as root)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const update = await probe.run('/usr/bin/apt-get', ['-q', 'update'], { env, timeoutMs: APT_TIMEOUT_MS });
  if (!update.ok) {
    probe.log(`e2e: apt-get update failed (${reason(update.output)})`);
    return null;
  }
  const install = await probe.run('/usr/bin/apt-get', ['-q', 'install', '-y', 'chromium'], { env, timeoutMs: APT_TIMEOUT_MS });
  if (!install.ok) {
    probe.log(`e2e: apt-get install chromium failed (${reason(install.output)})`);
    return null;
  }
  return systemCandidates(probe).find((p) => probe.isExecutable(p)) ?? null;
}

/** The line that says why: the first `Error:` line if any (stack lines follow it), else the last line. */
function reason(output: string): string {
  const lines = output.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^Error: /.test(l)) ?? lines.at(-1) ?? 'no output';
}

export async function findBrowser(probe: BrowserProbe): Promise<FoundBrowser> {
  const fromEnv = probe.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (probe.isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new BrowserNotFoundError(`CHROMIUM_PATH=${fromEnv} is not an executable file: point it at a Chromium, Chrome or Edge executable, or unset it.`);
  }
  const system = systemCandidates(probe).find((p) => probe.isExecutable(p));
  if (system) return { path: system, source: 'system' };

  const cached = probe.playwrightChromiumPath();
  if (probe.isExecutable(cached)) return { path: cached, source: 'playwright' };

  const downloaded = await playwrightDownload(probe);
  if (downloaded) return { path: downloaded, source: 'playwright-download' };

  if (aptAvailable(probe)) {
    const installed = await aptInstall(probe);
    if (installed) return { path: installed, source: 'apt' };
  }
  throw new BrowserNotFoundError(ADVICE);
}

/** The real machine. */
export function nodeProbe(opts: { playwrightChromiumPath: () => string; playwrightCli: readonly string[] }): BrowserProbe {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    exists: (path) => existsSync(path),
    run(command, args, { env, timeoutMs }) {
      return new Promise((resolve) => {
        let output = '';
        const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        const keep = (c: Buffer) => {
          output = (output + c.toString('utf8')).slice(-8_000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        const timer = setTimeout(() => {
          output += `\n(gave up after ${Math.round(timeoutMs / 1000)} s)`;
          child.kill('SIGKILL');
        }, timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          resolve({ ok: false, output: `${output}\n${e.message}` });
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ ok: code === 0, output });
        });
      });
    },
    playwrightChromiumPath: opts.playwrightChromiumPath,
    playwrightCli: opts.playwrightCli,
    log: (line) => console.log(line),
  };
}
