import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { uuidv7 } from '@shared/domain/ids';
import { bootCore } from '../../src-main/core/boot';
import { systemActor } from '../../src-main/core/context';
import { silentLogger } from '../../src-main/core/ports';
import { AesGcmSecretBox } from '../../src-main/core/secrets/aes-gcm-secret-box';
import { subscribersOf } from '../../src-main/core/subscribers/runtime';
import { withTenantScope } from '../../src-main/core/tenancy/scope';
import { makeTempDir } from '../fixtures/temp-dir';
import { defineBench } from './figures';

const SUBSCRIBERS = 100_000;
/** Share whose expiry has just passed when the sweep runs (a busy minute: 1,000 cut-offs at once). */
const EXPIRING = 1_000;
const LIST_CALLS = 50;
const root = resolve(import.meta.dirname, '../..');
const PASSWORD = 'bench password 1';

export interface SubscribersBenchResult {
  sweepMs: number;
  expired: number;
  listP95Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One tenant with two routers, two packages (through the channels) and 100k subscribers by direct SQL. */
export async function seed(dir: string, log: (l: string) => void): Promise<{ tenantId: string; routerId: string; packageId: string; sweepMs: number; expired: number }> {
  const booted = await bootCore({ dataDir: dir, log: silentLogger, secrets: AesGcmSecretBox.fromKeyFile(dir), background: false });
  const { core, dispatcher } = booted;
  const call = async <T>(ch: string, input: unknown, token: string | null = null): Promise<T> => {
    const env = await dispatcher.dispatch(ch, input, { token, transport: 'test' });
    if (!env.ok) throw new Error(`${ch}: ${env.error.key ?? env.error.message} ${JSON.stringify(env.error.fields ?? {})}`);
    return env.data as T;
  };
  const setup = await call<{ tenantId: string }>('setup.complete', {
    platformAdmin: { fullName: 'Bench Platform', email: 'bench@platform.test', password: PASSWORD },
    tenant: { name: 'Bench Subscribers ISP', ownerName: 'Owner', ownerEmail: 'o@bench.test', ownerPhone: '0712345678', admin: { fullName: 'Admin', email: 'admin@bench.test', password: PASSWORD } },
  });
  const { token } = await call<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId: setup.tenantId, email: 'admin@bench.test', password: PASSWORD });
  const routers: { id: string }[] = [];
  for (const n of [1, 2]) routers.push(await call<{ id: string }>('routers.create', { name: `Tower ${n}`, host: `127.0.0.${n}`, port: 1, username: 'api', password: 'x' }, token));
  const pkgs: { id: string }[] = [];
  for (const [i, grace] of [[1, 0], [2, 24]] as const) {
    pkgs.push(await call<{ id: string }>('packages.create', {
      name: `Plan ${i}`, serviceType: 'pppoe', routerIds: routers.map((r) => r.id), rateLimit: { rxKbps: 5000 * i, txKbps: 10000 * i },
      pppProfile: { mode: 'managed', name: `plan-${i}` }, priceMinor: 150000 * i, period: { count: 1, unit: 'months' }, graceHours: grace,
    }, token));
  }
  const now = core.clock.now().getTime();
  const t0 = performance.now();
  await core.tenants.use(setup.tenantId, async (h) => {
    h.raw.prepare('UPDATE staff_users SET must_change_password = 0').run();
    const insert = h.raw.prepare(`INSERT INTO subscribers (id, account_number, full_name, phones, email, router_id, package_id, service_type, username,
      installed_at, expires_at, status, tags, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, 'pppoe', ?, NULL, ?, ?, ?, ?, ?)`);
    const tag = h.raw.prepare("INSERT INTO subscriber_tags (subscriber_id, tag) VALUES (?, 'vip')");
    h.raw.transaction(() => {
      for (let i = 0; i < SUBSCRIBERS; i++) {
        const id = uuidv7(now - i);
        const account = String(100000 + i);
        // The first EXPIRING on the no-grace plan expired a minute ago; the rest spread over the next 60 days.
        const expiring = i < EXPIRING;
        const expiresAt = new Date(expiring ? now - 60_000 : now + ((i * 7919) % (60 * 1440)) * 60_000).toISOString();
        const status = i % 50 === 7 ? 'suspended' : 'active';
        const at = new Date(now - i * 1000).toISOString();
        insert.run(id, account, `Subscriber ${(i * 7919) % SUBSCRIBERS} Kamau`, JSON.stringify([`+2547${String(10000000 + i).slice(-8)}`]),
          routers[i % 2]!.id, expiring ? pkgs[0]!.id : pkgs[i % 2]!.id, `u${account}`, expiresAt, expiring ? 'active' : status,
          JSON.stringify(i % 10 === 0 ? ['vip'] : []), at, at);
        if (i % 10 === 0) tag.run(id);
      }
    })();
  });
  log(`  seeded ${SUBSCRIBERS.toLocaleString()} subscribers by SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const s0 = performance.now();
  const r = await withTenantScope(core, setup.tenantId, systemActor('system:expiry-sweep'), (scope) => subscribersOf(core).runExpirySweep(scope));
  const sweepMs = performance.now() - s0;
  await booted.close();
  return { tenantId: setup.tenantId, routerId: routers[0]!.id, packageId: pkgs[1]!.id, sweepMs, expired: r.expired };
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
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
  return { child, url };
}

export async function runSubscribersBench(log: (line: string) => void): Promise<SubscribersBenchResult> {
  if (!existsSync(join(root, 'out/main/headless.js'))) throw new Error('build first: npm run build');
  const temp = makeTempDir('isp-desk-subs-bench-');
  try {
    log(`Subscribers: ${SUBSCRIBERS.toLocaleString()} subscribers, ${EXPIRING.toLocaleString()} just past expiry`);
    const seeded = await seed(temp.dir, log);
    log(`  expiry sweep (set-based, ${seeded.expired} expired + queued + audited): ${seeded.sweepMs.toFixed(0)} ms`);
    const { child, url } = await startServer(temp.dir);
    try {
      const rpc = async <T>(ch: string, body: unknown, token?: string): Promise<T> => {
        const r = await fetch(`${url}rpc/${ch}`, {
          method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
        });
        const env = (await r.json()) as { ok: boolean; data?: T; error?: unknown };
        if (!env.ok) throw new Error(`${ch}: ${JSON.stringify(env.error)}`);
        return env.data as T;
      };
      const { token } = await rpc<{ token: string }>('auth.sign-in', { scope: 'tenant', tenantId: seeded.tenantId, email: 'admin@bench.test', password: PASSWORD });
      // What staff do on the list screen: filter, sort, page, search.
      const queries: Record<string, unknown>[] = [
        { status: 'active', sort: { field: 'expiresAt', dir: 'asc' } },
        { routerId: seeded.routerId, sort: { field: 'fullName', dir: 'asc' } },
        { packageId: seeded.packageId, status: 'active', sort: { field: 'accountNumber', dir: 'desc' } },
        { expiringWithinDays: 7, sort: { field: 'expiresAt', dir: 'asc' } },
        { q: '1234', sort: { field: 'accountNumber', dir: 'asc' } },
        { tags: ['vip'], sort: { field: 'status', dir: 'asc' } },
      ];
      const times: number[] = [];
      for (let i = 0; i < LIST_CALLS + 5; i++) {
        const body = { page: 1 + ((i * 13) % 40), pageSize: 50, ...queries[i % queries.length] };
        const t0 = performance.now();
        await rpc('subscribers.list', body, token);
        if (i >= 5) times.push(performance.now() - t0); // the first calls warm the file and statement caches
      }
      times.sort((a, b) => a - b);
      const listP95Ms = percentile(times, 95);
      log(`  subscribers.list (filter + sort + page, 50/page) over HTTP p50: ${percentile(times, 50).toFixed(2)} ms   p95: ${listP95Ms.toFixed(2)} ms`);
      return { sweepMs: seeded.sweepMs, expired: seeded.expired, listP95Ms };
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    temp.remove();
  }
}

export const subscribersBench = defineBench({
  title: 'Subscribers',
  keys: ['subscribers.expiry_sweep_100k_ms', 'subscribers.list_p95_ms'],
  run: async (log) => {
    const r = await runSubscribersBench(log);
    return { 'subscribers.expiry_sweep_100k_ms': r.sweepMs, 'subscribers.list_p95_ms': r.listP95Ms };
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSubscribersBench((l) => console.log(l)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
