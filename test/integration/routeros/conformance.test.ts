/**
 * Conformance: ONE table of protocol cases run against the simulator with two independent clients —
 * ISP Desk's own client and node-routeros 1.6.9 (written by others; integrations.md §2.5) — through a
 * small adapter each, asserting the same normalised outcome (and the table's expected outcome, so both
 * cannot be wrong the same way). Guards for node-routeros: an 'error' listener, Promise.race timeouts
 * (it never rejects on !fatal/close), ASCII data (it speaks windows-1252), traps without category.
 * Below the table: cases only our client runs (RouterOS 7.18+ `!empty`, which crashes node-routeros).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { RouterOSAPI } from 'node-routeros';
import type { RStream } from 'node-routeros/dist/RStream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RosLoginError,
  RosTrapError,
  connectRouterOs,
  type RosConnection,
  type RosRow,
} from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'conformance-1', group: 'full' };
const GUARD_MS = 5000;

type Row = Record<string, string>;

/** What a client observed, normalised so that two clients can be compared. */
type Outcome =
  | { kind: 'ok'; rows: Row[]; ret?: string }
  | { kind: 'trap'; message: string }
  | { kind: 'login-failed' };

interface StreamOutcome {
  rows: Row[];
  /** The stream ended (own !done, or our cancel) without an error. */
  endedCleanly: boolean;
}

interface Session {
  /** Runs one command given as raw API words (`/path`, `=a=b`, `?q`). */
  run(words: string[]): Promise<Outcome>;
  /** Reads `take` rows of a streaming command, then cancels it (or lets it end if `take` is null). */
  stream(words: string[], take: number | null): Promise<StreamOutcome>;
  close(): Promise<void>;
}

interface ClientAdapter {
  name: 'ours' | 'node-routeros';
  connect(sim: RouterSimulator, user: string, password: string): Promise<Session | 'login-failed'>;
}

function guard<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not settle within ${GUARD_MS} ms`)), GUARD_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ── adapter: ISP Desk's client ─────────────────────────────────────────────────────────────────

function splitWords(words: string[]): { path: string; attributes: Record<string, string>; query: string[] } {
  const [path = '', ...rest] = words;
  const attributes: Record<string, string> = {};
  const query: string[] = [];
  for (const w of rest) {
    if (w.startsWith('?')) query.push(w);
    else if (w.startsWith('=')) {
      const eq = w.indexOf('=', 1);
      attributes[eq === -1 ? w.slice(1) : w.slice(1, eq)] = eq === -1 ? '' : w.slice(eq + 1);
    } else throw new Error(`unexpected word ${w}`);
  }
  return { path, attributes, query };
}

const ours: ClientAdapter = {
  name: 'ours',
  async connect(sim, user, password) {
    let ros: RosConnection;
    try {
      ros = await connectRouterOs({ host: sim.host, port: sim.port, username: user, password, keepaliveIntervalMs: 0, commandTimeoutMs: GUARD_MS });
    } catch (err) {
      if (err instanceof RosLoginError) return 'login-failed';
      throw err;
    }
    return {
      async run(words) {
        const { path, attributes, query } = splitWords(words);
        try {
          const res = await ros.command(path, { attributes, query });
          return res.ret === undefined ? { kind: 'ok', rows: res.rows } : { kind: 'ok', rows: res.rows, ret: res.ret };
        } catch (err) {
          if (err instanceof RosTrapError) return { kind: 'trap', message: err.trapMessage };
          throw err;
        }
      },
      async stream(words, take) {
        const { path, attributes, query } = splitWords(words);
        const s = ros.stream(path, { attributes, query });
        const rows: RosRow[] = [];
        try {
          for await (const row of s) {
            rows.push(row);
            if (take !== null && rows.length === take) await s.cancel();
          }
          return { rows, endedCleanly: true };
        } catch {
          return { rows, endedCleanly: false };
        }
      },
      close: () => ros.close(),
    };
  },
};

// ── adapter: node-routeros ─────────────────────────────────────────────────────────────────────

const nodeRouteros: ClientAdapter = {
  name: 'node-routeros',
  async connect(sim, user, password) {
    const api = new RouterOSAPI({ host: sim.host, port: sim.port, user, password, timeout: 5 });
    const errors: unknown[] = [];
    api.on('error', (e: unknown) => errors.push(e)); // without it, node-routeros throws uncaught (§2.2)
    try {
      await guard(api.connect(), 'node-routeros connect');
    } catch (err) {
      if ((err as { errno?: string }).errno === 'CANTLOGIN') return 'login-failed';
      throw err;
    }
    return {
      async run(words) {
        const [path = '', ...params] = words;
        try {
          const data = (await guard(api.write(path, params), `node-routeros ${path}`)) as Row[];
          // node-routeros returns the data of `!done` (e.g. =ret=) as one more object in the array.
          const last = data.at(-1);
          if (last && Object.keys(last).length === 1 && last.ret !== undefined) {
            return { kind: 'ok', rows: data.slice(0, -1), ret: last.ret };
          }
          return { kind: 'ok', rows: data };
        } catch (err) {
          if (err instanceof Error && !(err as { errno?: string }).errno) return { kind: 'trap', message: err.message };
          throw err;
        }
      },
      async stream(words, take) {
        const [path = '', ...params] = words;
        const s: RStream = api.writeStream(path, params);
        const rows: Row[] = [];
        let failed = false;
        s.on('error', () => {
          failed = true;
        });
        await guard(
          new Promise<void>((resolve) => {
            s.on('data', (packet: Row) => {
              rows.push(packet);
              if (take !== null && rows.length === take) resolve();
            });
            s.on('trap', (t: { message?: string }) => {
              if (t.message !== 'interrupted') failed = true;
              resolve();
            });
            s.on('done', () => resolve());
          }),
          `node-routeros stream ${path}`,
        );
        if (take !== null) await guard(s.stop(), 'node-routeros stream stop');
        return { rows, endedCleanly: !failed };
      },
      async close() {
        await guard(api.close(), 'node-routeros close').catch(() => undefined);
        expect(errors).toEqual([]);
      },
    };
  },
};

// ── the table ──────────────────────────────────────────────────────────────────────────────────

interface Case {
  name: string;
  sim?: Partial<SimulatorOptions>;
  user?: { name: string; password: string };
  /** Router-side set-up the API cannot do (a session, a hotspot host, time passing), before the client connects. */
  seed?: (sim: RouterSimulator) => void;
  /** Returns the normalised observation; must be identical for both clients and equal `expected`. */
  run(s: Session): Promise<unknown>;
  expected: unknown;
}

const ID = /^\*[0-9A-F]+$/;
const byName = (a: Row, b: Row): number => (a.name ?? '').localeCompare(b.name ?? '');

const CASES: Case[] = [
  {
    name: 'modern login, then a plain print',
    run: async (s) => s.run(['/system/identity/print']),
    expected: { kind: 'ok', rows: [{ name: 'MikroTik' }] },
  },
  {
    name: 'legacy MD5 challenge login (pre-6.43 router, ASCII password)',
    sim: { version: '6.49.17', loginMode: 'legacy' },
    run: async (s) => s.run(['/system/identity/print']),
    expected: { kind: 'ok', rows: [{ name: 'MikroTik' }] },
  },
  {
    name: 'login with a wrong password fails',
    user: { name: ADMIN.name, password: 'wrong' },
    run: async () => 'unreachable',
    expected: 'login-failed',
  },
  {
    name: 'print with a query and .proplist',
    run: async (s) => {
      const r = await s.run(['/ppp/secret/print', '=.proplist=name,profile', '?profile=5M']);
      return r.kind === 'ok' ? { ...r, rows: [...r.rows].sort(byName) } : r;
    },
    expected: { kind: 'ok', rows: [{ name: 'acc1002', profile: '5M' }, { name: 'acc1003', profile: '5M' }] },
  },
  {
    name: 'print with an OR query (?#|)',
    run: async (s) => s.run(['/ppp/secret/print', '=.proplist=name', '?name=acc1001', '?disabled=true', '?#|']),
    expected: { kind: 'ok', rows: [{ name: 'acc1001' }, { name: 'acc1003' }] },
  },
  {
    name: '!done with data: count-only returns =ret=',
    run: async (s) => s.run(['/ppp/secret/print', '=count-only=']),
    expected: { kind: 'ok', rows: [], ret: '3' },
  },
  {
    name: 'add returns the new .id (=ret=), set changes it, remove deletes it',
    run: async (s) => {
      const added = await s.run(['/ppp/secret/add', '=name=acc2001', '=password=x', '=profile=default']);
      if (added.kind !== 'ok' || !added.ret) return added;
      const id = added.ret;
      const set = await s.run(['/ppp/secret/set', `=.id=${id}`, '=comment=moved', '=disabled=true']);
      const read = await s.run(['/ppp/secret/print', '=.proplist=.id,name,comment,disabled', `?.id=${id}`]);
      const removed = await s.run(['/ppp/secret/remove', `=.id=${id}`]);
      const count = await s.run(['/ppp/secret/print', '=count-only=']);
      return {
        idShape: ID.test(id),
        set,
        read: read.kind === 'ok' ? read.rows.map((r) => ({ ...r, '.id': r['.id'] === id })) : read,
        removed,
        count,
      };
    },
    expected: {
      idShape: true,
      set: { kind: 'ok', rows: [] },
      read: [{ '.id': true, name: 'acc2001', comment: 'moved', disabled: 'true' }],
      removed: { kind: 'ok', rows: [] },
      count: { kind: 'ok', rows: [], ret: '3' },
    },
  },
  {
    name: 'trap: duplicate name',
    run: async (s) => s.run(['/ppp/secret/add', '=name=acc1001', '=password=x']),
    expected: { kind: 'trap', message: 'failure: secret with the same name already exists' },
  },
  {
    name: 'trap: value not in a list (category 1 on the wire)',
    run: async (s) => s.run(['/ppp/secret/add', '=name=acc2002', '=profile=nope']),
    expected: { kind: 'trap', message: 'input does not match any value of profile' },
  },
  {
    name: 'trap: unknown item, then the session still works',
    run: async (s) => [await s.run(['/ppp/secret/remove', '=.id=*FFFF']), await s.run(['/system/identity/print'])],
    expected: [
      { kind: 'trap', message: expect.stringMatching(/^no such item/) },
      { kind: 'ok', rows: [{ name: 'MikroTik' }] },
    ],
  },
  {
    name: 'trap: unknown command',
    run: async (s) => s.run(['/ppp/nothing/print']),
    expected: { kind: 'trap', message: expect.stringMatching(/no such command/) },
  },
  {
    name: 'stream + cancel: monitor-traffic',
    run: async (s) => {
      const out = await s.stream(['/interface/monitor-traffic', '=interface=ether1'], 2);
      const after = await s.run(['/system/identity/print']);
      return { n: out.rows.length, names: [...new Set(out.rows.map((r) => r.name))], clean: out.endedCleanly, after: after.kind };
    },
    expected: { n: 2, names: ['ether1'], clean: true, after: 'ok' },
  },
  {
    name: 'stream + cancel: ping without count',
    run: async (s) => {
      const out = await s.stream(['/ping', '=address=10.0.0.1'], 2);
      const after = await s.run(['/system/identity/print']);
      return { seq: out.rows.map((r) => r.seq), clean: out.endedCleanly, after: after.kind };
    },
    expected: { seq: ['0', '1'], clean: true, after: 'ok' },
  },
  {
    name: 'stream that ends by itself: ping with count',
    run: async (s) => {
      const out = await s.stream(['/ping', '=address=10.0.0.1', '=count=2'], null);
      return { seq: out.rows.map((r) => r.seq), clean: out.endedCleanly };
    },
    expected: { seq: ['0', '1'], clean: true },
  },
  // ── RouterOS strictness (issue 7 §1), in 7.17 mode; node-routeros sees the same router ──
  {
    name: '/export without file= answers a bare !done; with file= the text is read back from /file',
    sim: { version: '7.17' },
    run: async (s) => {
      const bare = await s.run(['/export']);
      const toFile = await s.run(['/export', '=file=conf']);
      const file = await s.run(['/file/print', '?name=conf.rsc', '=.proplist=name,type,contents']);
      const row = file.kind === 'ok' ? file.rows[0] : undefined;
      return { bare, toFile, name: row?.name, type: row?.type, hasSecrets: row?.contents?.includes('/ppp secret\nadd name=acc1001') };
    },
    expected: { bare: { kind: 'ok', rows: [] }, toFile: { kind: 'ok', rows: [] }, name: 'conf.rsc', type: 'script', hasSecrets: true },
  },
  {
    name: '/file/read returns a chunk at an offset; an oversized chunk-size traps',
    sim: { version: '7.17' },
    run: async (s) => {
      await s.run(['/export', '=file=conf']);
      const whole = await s.run(['/file/print', '?name=conf.rsc', '=.proplist=contents']);
      const chunk = await s.run(['/file/read', '=file=conf.rsc', '=chunk-size=9', '=offset=2']);
      const tooBig = await s.run(['/file/read', '=file=conf.rsc', '=chunk-size=40000']);
      const contents = whole.kind === 'ok' ? whole.rows[0]?.contents : undefined;
      const data = chunk.kind === 'ok' ? chunk.rows[0]?.data : undefined;
      return { sameBytes: data !== undefined && data === contents?.slice(2, 11), tooBig };
    },
    expected: { sameBytes: true, tooBig: { kind: 'trap', message: 'invalid value for argument chunk-size' } },
  },
  {
    name: 'scheduler takes and prints ISO dates on 7.10+, refuses the old form and 25:99',
    sim: { version: '7.17' },
    run: async (s) => ({
      ok: await s.run(['/system/scheduler/add', '=name=t1', '=start-date=2026-01-02', '=start-time=8:05', '=interval=1d', '=on-event=:log info "x"']),
      printed: await s.run(['/system/scheduler/print', '?name=t1', '=.proplist=start-date,start-time,invalid']),
      old: await s.run(['/system/scheduler/add', '=name=t2', '=start-date=jan/02/2026']),
      badTime: await s.run(['/system/scheduler/add', '=name=t3', '=start-time=25:99']),
      badDay: await s.run(['/system/scheduler/add', '=name=t4', '=start-date=2026-02-30']),
    }),
    expected: {
      ok: { kind: 'ok', rows: [], ret: expect.stringMatching(ID) },
      printed: { kind: 'ok', rows: [{ 'start-date': '2026-01-02', 'start-time': '08:05:00', invalid: 'false' }] },
      old: { kind: 'trap', message: 'invalid value for argument start-date' },
      badTime: { kind: 'trap', message: 'invalid value for argument start-time' },
      badDay: { kind: 'trap', message: 'invalid value for argument start-date' },
    },
  },
  {
    name: 'a scheduler whose on-event does not parse is invalid',
    sim: { version: '7.17' },
    run: async (s) => {
      await s.run(['/system/scheduler/add', '=name=half', '=on-event=/ppp secret disable [find name="acc1001"]; /frob nicate', '=start-time=startup']);
      return s.run(['/system/scheduler/print', '?name=half', '=.proplist=name,invalid']);
    },
    expected: { kind: 'ok', rows: [{ name: 'half', invalid: 'true' }] },
  },
  {
    name: 'address-list: ranges normalise; a timeout entry is dynamic and blocks a static duplicate',
    sim: { version: '7.17' },
    run: async (s) => {
      await s.run(['/ip/firewall/address-list/add', '=list=r', '=address=10.9.0.0-10.9.0.255']);
      await s.run(['/ip/firewall/address-list/add', '=list=r', '=address=10.9.1.7-10.9.1.7']);
      await s.run(['/ip/firewall/address-list/add', '=list=r', '=address=10.9.2.1-10.9.2.9']);
      await s.run(['/ip/firewall/address-list/add', '=list=t', '=address=10.9.3.3', '=timeout=1h']);
      const dup = await s.run(['/ip/firewall/address-list/add', '=list=t', '=address=10.9.3.3']);
      const reversed = await s.run(['/ip/firewall/address-list/add', '=list=r', '=address=10.9.9.9-10.9.9.1']);
      const rows = await s.run(['/ip/firewall/address-list/print', '=.proplist=list,address,dynamic']);
      return { dup, reversed, rows };
    },
    expected: {
      dup: { kind: 'trap', message: 'failure: already have such entry' },
      reversed: { kind: 'trap', message: 'invalid value for argument address' },
      rows: {
        kind: 'ok',
        rows: [
          { list: 'r', address: '10.9.0.0/24', dynamic: 'false' },
          { list: 'r', address: '10.9.1.7', dynamic: 'false' },
          { list: 'r', address: '10.9.2.1-10.9.2.9', dynamic: 'false' },
          { list: 't', address: '10.9.3.3', dynamic: 'true' },
        ],
      },
    },
  },
  {
    name: 'hotspot: reset-counters restarts a user’s uptime',
    sim: { version: '7.17', clock: 'virtual', startTime: new Date('2026-01-02T07:00:00Z') },
    seed: (sim) => {
      sim.state.menu('/ip/hotspot/user').add({ name: 'v1', password: 'v1', 'limit-uptime': '1h' });
      sim.loginHotspot('v1', 'v1', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.7' });
      sim.clock.advance(40 * 60_000);
    },
    run: async (s) => ({
      before: await s.run(['/ip/hotspot/user/print', '?name=v1', '=.proplist=uptime']),
      reset: await s.run(['/ip/hotspot/user/reset-counters', '=numbers=v1']),
      after: await s.run(['/ip/hotspot/user/print', '?name=v1', '=.proplist=uptime']),
    }),
    expected: {
      before: { kind: 'ok', rows: [{ uptime: '40m' }] },
      reset: { kind: 'ok', rows: [] },
      after: { kind: 'ok', rows: [{ uptime: '0s' }] },
    },
  },
  {
    name: 'hotspot: active/login logs a known host in and traps an unknown IP',
    sim: { version: '7.17' },
    seed: (sim) => {
      sim.state.menu('/ip/hotspot/user').add({ name: 'u1', password: 'p1' });
      sim.state.menu('/ip/hotspot/host').add({ 'mac-address': 'AA:00:00:00:00:77', address: '10.5.50.77', 'to-address': '10.5.50.77', server: 'hotspot1' });
    },
    run: async (s) => ({
      unknown: await s.run(['/ip/hotspot/active/login', '=user=u1', '=password=p1', '=ip=10.5.50.78']),
      known: await s.run(['/ip/hotspot/active/login', '=user=u1', '=password=p1', '=ip=10.5.50.77', '=mac-address=AA:00:00:00:00:77']),
      active: await s.run(['/ip/hotspot/active/print', '=.proplist=user,address']),
    }),
    expected: {
      unknown: { kind: 'trap', message: 'unknown host IP 10.5.50.78' },
      known: { kind: 'ok', rows: [] },
      active: { kind: 'ok', rows: [{ user: 'u1', address: '10.5.50.77' }] },
    },
  },
  {
    name: '/tool/fetch over the API: output=user returns the body; no url traps',
    sim: { version: '7.17' },
    run: async (s) => {
      const server: Server = createServer((req, res) => res.end(`hello ${req.method}`));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
        const got = await s.run(['/tool/fetch', `=url=${url}`, '=output=user', '=http-method=post', '=http-data=x=1']);
        return {
          got: got.kind === 'ok' ? got.rows.map((r) => ({ status: r.status, data: r.data })) : got,
          noUrl: await s.run(['/tool/fetch']),
        };
      } finally {
        server.close();
      }
    },
    expected: {
      got: [{ status: 'finished', data: 'hello POST' }],
      noUrl: { kind: 'trap', message: 'missing value(s) of argument(s) url' },
    },
  },
];

async function startSim(extra: Partial<SimulatorOptions> = {}): Promise<RouterSimulator> {
  const sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.16.2', loginMode: 'modern', users: [ADMIN], ...extra });
  sim.state.menu('/ppp/profile').add({ name: '5M', 'rate-limit': '2M/5M' });
  const secrets = sim.state.menu('/ppp/secret');
  secrets.add({ name: 'acc1001', password: 'p1', profile: 'default' });
  secrets.add({ name: 'acc1002', password: 'p2', profile: '5M' });
  secrets.add({ name: 'acc1003', password: 'p3', profile: '5M', disabled: true });
  return sim;
}

const sims: RouterSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function observe(adapter: ClientAdapter, c: Case): Promise<unknown> {
  const sim = await startSim(c.sim);
  sims.push(sim);
  c.seed?.(sim);
  const user = c.user ?? ADMIN;
  const session = await adapter.connect(sim, user.name, user.password);
  if (session === 'login-failed') return 'login-failed';
  try {
    return await c.run(session);
  } finally {
    await session.close();
  }
}

describe('conformance: our client and node-routeros see the same router (7.16.2)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const [a, b] = [await observe(ours, c), await observe(nodeRouteros, c)];
    expect(a).toEqual(c.expected);
    expect(b).toEqual(c.expected);
    expect(a).toEqual(b);
  });
});

describe('our client only', () => {
  it('keeps trap categories that node-routeros drops', async () => {
    const sim = await startSim();
    sims.push(sim);
    const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    await expect(ros.add('/ppp/secret', { name: 'x', profile: 'nope' })).rejects.toMatchObject({ category: 1 });
    await ros.close();
  });

  it.each(['7.18', '7.19'])('!empty on %s: an empty print is empty, and the session keeps working', async (version) => {
    const sim = await startSim({ version });
    sims.push(sim);
    const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    const res = await ros.command('/ppp/secret/print', { query: ['?name=nobody'] });
    expect(res).toEqual({ rows: [], done: {}, empty: true });
    expect(await ros.print('/ip/hotspot/user', { where: { name: 'nobody' } })).toEqual([]);
    expect(await ros.print('/ppp/secret', { where: { name: 'acc1001' }, proplist: ['name'] })).toEqual([{ name: 'acc1001' }]);
    await ros.close();
  });

  it('node-routeros is not run on 7.18+: !empty crashes it with an uncaught UNKNOWNREPLY (shown in a child process)', async () => {
    const sim = await startSim({ version: '7.18' });
    sims.push(sim);
    const script = `
      const { RouterOSAPI } = require('node-routeros');
      const api = new RouterOSAPI({ host: '127.0.0.1', port: ${sim.port}, user: ${JSON.stringify(ADMIN.name)}, password: ${JSON.stringify(ADMIN.password)}, timeout: 5 });
      api.on('error', () => {});
      api.connect().then(() => api.write('/ppp/secret/print', ['?name=nobody'])).then(() => { console.log('SETTLED'); process.exit(0); });
      setTimeout(() => { console.log('HUNG'); process.exit(3); }, 4000);
    `;
    const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toMatch(/UNKNOWNREPLY|unknown reply/i);
    expect(output).not.toContain('SETTLED');
  });

  it('legacy login with a non-ASCII password: ours succeeds (node-routeros sizes the hash by characters, §2.2)', async () => {
    const sim = await startSim({ version: '6.49.17', loginMode: 'legacy', users: [{ name: 'admin', password: 'pässwörd€', group: 'full' }] });
    sims.push(sim);
    const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: 'admin', password: 'pässwörd€', keepaliveIntervalMs: 0 });
    expect(ros.loginMethod).toBe('challenge');
    await ros.close();
    expect(await nodeRouteros.connect(sim, 'admin', 'pässwörd€')).toBe('login-failed');
  });
});
