import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { uuidv7 } from '@shared/domain/ids';
import { bootCore } from '../../src-main/core/boot';
import { silentLogger } from '../../src-main/core/ports';
import { AesGcmSecretBox } from '../../src-main/core/secrets/aes-gcm-secret-box';
import { makeTempDir } from '../fixtures/temp-dir';
import { defineBench } from './figures';

const TENANTS = 50;
const ROWS = 10_000;
const CALLS = 600;
const root = resolve(import.meta.dirname, '../..');

export interface FoundationBenchResult {
  coldStartMs: number;
  listP50Ms: number;
  listP95Ms: number;
  peakRssMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** 50 tenant files, each with an admin and 10k audit rows (the biggest table a new tenant has). */
async function buildDataDir(dir: string, log: (l: string) => void): Promise<{ tenantId: string; email: string }[]> {
  const booted = await bootCore({ dataDir: dir, log: silentLogger, secrets: AesGcmSecretBox.fromKeyFile(dir) });
  const { core, dispatcher } = booted;
  const call = async (ch: string, input: unknown, token: string | null = null) => {
    const env = await dispatcher.dispatch(ch, input, { token, transport: 'test' });
    if (!env.ok) throw new Error(`${ch}: ${env.error.key ?? env.error.message}`);
    return env.data as Record<string, unknown>;
  };
  const setup = await call('setup.complete', {
    platformAdmin: { fullName: 'Bench Platform', email: 'bench@platform.test', password: 'bench password 1' },
    tenant: { name: 'Bench ISP 01', ownerName: 'Owner One', ownerEmail: 'o1@bench.test', ownerPhone: '0712345678', admin: { fullName: 'Admin One', email: 'admin@isp01.test', password: 'bench password 1' } },
  }) as { session: { token: string } };
  for (let i = 2; i <= TENANTS; i++) {
    const n = String(i).padStart(2, '0');
    await call('tenants.create', {
      name: `Bench ISP ${n}`, ownerName: `Owner ${n}`, ownerEmail: `o${n}@bench.test`, ownerPhone: '0712345678',
      admin: { fullName: `Admin ${n}`, email: `admin@isp${n}.test`, password: 'bench password 1' },
    }, setup.session.token);
  }
  const tenants = core.registry.all().map((t, i) => ({ tenantId: t.id, email: `admin@isp${String(i + 1).padStart(2, '0')}.test` }));
  const started = Date.now();
  for (const t of core.registry.all()) {
    await core.tenants.use(t.id, async (h) => {
      const insert = h.raw.prepare('INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, action, target_type, target_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const base = Date.parse('2026-01-01T00:00:00Z');
      // Bench admins skip the first-sign-in password change.
      h.raw.prepare('UPDATE staff_users SET must_change_password = 0').run();
      h.raw.transaction(() => {
        for (let r = 0; r < ROWS; r++) {
          const at = new Date(base + r * 60_000).toISOString();
          insert.run(uuidv7(base + r * 60_000), at, 'staff', null, `Staff ${r % 17}`, r % 3 ? 'auth.sign-in' : 'settings.updated', 'staff', null, `Bench row ${r}`);
        }
      })();
    });
    await core.tenants.close(t.id);
  }
  log(`  prepared ${TENANTS} tenant files × ${ROWS.toLocaleString()} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await booted.close();
  return tenants.sort((a, b) => a.email.localeCompare(b.email));
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; coldStartMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'out/main/headless.js'), '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ISP_DESK_LOG_LEVEL: 'warn' },
  });
  const url = await new Promise<string>((res, rej) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) res(m[1]!);
    });
    child.on('exit', (code) => rej(new Error(`server exited ${code}`)));
  });
  // First RPC answer: what a user waits for before the sign-in screen can list profiles.
  const r = await fetch(`${url}rpc/tenants.directory`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await r.json();
  return { child, url, coldStartMs: performance.now() - t0 };
}

export async function runFoundationBench(log: (line: string) => void): Promise<FoundationBenchResult> {
  if (!existsSync(join(root, 'out/main/headless.js'))) throw new Error('build first: npm run build');
  const temp = makeTempDir('isp-desk-bench-');
  try {
    log(`Foundation: ${TENANTS} tenant files × ${ROWS.toLocaleString()} rows`);
    const tenants = await buildDataDir(temp.dir, log);
    const { child, url, coldStartMs } = await startServer(temp.dir);
    try {
      const rpc = async (ch: string, body: unknown, token?: string) => {
        const r = await fetch(`${url}rpc/${ch}`, {
          method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
        });
        const env = (await r.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
        if (!env.ok) throw new Error(`${ch}: ${env.error?.message}`);
        return env.data;
      };
      // Sign in to 10 tenants so the list calls move between files.
      const tokens: string[] = [];
      for (const t of tenants.slice(0, 10)) {
        const s = (await rpc('auth.sign-in', { scope: 'tenant', tenantId: t.tenantId, email: t.email, password: 'bench password 1' })) as { token: string };
        tokens.push(s.token);
      }
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const token = tokens[i % tokens.length]!;
        const page = 1 + ((i * 37) % 200);
        const t0 = performance.now();
        await rpc('audit.list', { page, pageSize: 50, ...(i % 4 === 0 ? { q: 'row 12' } : {}), ...(i % 5 === 0 ? { action: 'settings.updated' } : {}) }, token);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const result: FoundationBenchResult = {
        coldStartMs, listP50Ms: percentile(times, 50), listP95Ms: percentile(times, 95), peakRssMb: peakRssMb(child.pid!),
      };
      log(`  cold start to first RPC answer:        ${result.coldStartMs.toFixed(0)} ms`);
      log(`  paged list (audit.list, 50/page) p50:  ${result.listP50Ms.toFixed(2)} ms   p95: ${result.listP95Ms.toFixed(2)} ms   (${CALLS} calls over HTTP, 10 tenants)`);
      log(`  server peak RSS:                        ${result.peakRssMb.toFixed(0)} MB`);
      return result;
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    temp.remove();
  }
}

/** The foundation's figures for `npm run bench` (run.ts). */
export const foundationBench = defineBench({
  title: 'Foundation',
  keys: ['foundation.cold_start_ms', 'foundation.audit_list_p95_ms', 'foundation.peak_rss_mb'],
  run: async (log) => {
    const r = await runFoundationBench(log);
    return { 'foundation.cold_start_ms': r.coldStartMs, 'foundation.audit_list_p95_ms': r.listP95Ms, 'foundation.peak_rss_mb': r.peakRssMb };
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFoundationBench((l) => console.log(l)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
