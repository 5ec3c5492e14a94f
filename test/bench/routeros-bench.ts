/**
 * RouterOS client benchmark: ISP Desk's own client vs node-routeros 1.6.9 against the simulator on
 * loopback (version 7.16.2, so node-routeros never meets `!empty`). Runnable alone:
 *   npx tsx test/bench/routeros-bench.ts
 * Each scenario: one warm-up per client, then 3 timed runs per client, alternating clients, each
 * after a full GC; the median is reported.
 *
 * Two deliberate conditions, both printed with the results:
 * - node-routeros writes every word with its own socket.write and leaves Nagle on, so each command
 *   waits for the peer's delayed ACK (~40 ms on Linux). That is real, but it would make the table
 *   compare TCP settings instead of client code (and take minutes), so the table's node-routeros
 *   socket gets TCP_NODELAY; a separate line measures it as shipped.
 * - Pipelining only pays where there is a round trip to hide; on zero-latency loopback the in-process
 *   simulator makes everything CPU-bound. The concurrency rows therefore run with the simulator's
 *   `latencyMs` = 1 (a LAN-like reply delay); the zero-latency figures are printed as well.
 */
import type { Socket } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { RouterOSAPI } from 'node-routeros';
import { connectRouterOs, type RosConnection } from '../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator } from '../../src-main/routeros-simulator';
import { defineBench } from './figures';

export interface RouterOsBenchRow {
  /** Stable name of the scenario, used in the JSON keys (`routeros.<id>_ratio`). */
  id: ScenarioId;
  scenario: string;
  oursMs: number;
  nodeRouterosMs: number;
  /** ours / node-routeros: below 1 means ours is faster. */
  ratio: number;
}

export interface RouterOsBenchResult {
  rows: RouterOsBenchRow[];
  /** Ours: 1,000 sequential `/system/identity/print`. */
  oursSequentialPrintsMs: number;
  /** Ours: 1,000 concurrent tagged `/system/identity/print`. */
  oursConcurrentPrintsMs: number;
  /** sequential / concurrent. */
  concurrentSpeedup: number;
  /** Reply latency (ms) the simulator applied in the concurrency rows. */
  linkLatencyMs: number;
  /** The same two measurements on zero-latency loopback (information). */
  zeroLatency: { sequentialPrintsMs: number; concurrentPrintsMs: number; speedup: number };
  /** node-routeros as shipped (Nagle on): ms per add+remove pair over AS_SHIPPED_OPS pairs. */
  nodeRouterosAsShippedAddRemoveMsPerPair: number;
  /** Ours no slower than node-routeros on every row, and concurrent ≥ 5× faster than sequential. */
  meetsTargets: boolean;
}

const SECRETS = 10_000;
const OPS = 1_000;
const REPEATS = 3;
const USER = { name: 'bench', password: 'bench-pass', group: 'full' };
const PROPLIST = ['.id', 'name', 'profile', 'disabled'];
const LINK_LATENCY_MS = 1;
const AS_SHIPPED_OPS = 100;

/** The operations under test, implemented once per client. */
interface BenchClient {
  printSecrets(): Promise<number>;
  addRemove(name: string): Promise<void>;
  printIdentity(): Promise<unknown>;
  close(): Promise<void>;
}

async function oursClient(sim: RouterSimulator): Promise<BenchClient & { ros: RosConnection }> {
  const ros = await connectRouterOs({
    host: sim.host,
    port: sim.port,
    username: USER.name,
    password: USER.password,
    commandTimeoutMs: 60_000,
    keepaliveIntervalMs: 0,
  });
  return {
    ros,
    printSecrets: async () => (await ros.print('/ppp/secret', { proplist: PROPLIST })).length,
    addRemove: async (name) => {
      const id = await ros.add('/ppp/secret', { name, password: 'x' });
      await ros.remove('/ppp/secret', id);
    },
    printIdentity: () => ros.print('/system/identity'),
    close: () => ros.close(),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`node-routeros: ${what} did not settle within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function nodeRouterosClient(sim: RouterSimulator, opts: { noDelay: boolean }): Promise<BenchClient> {
  const api = new RouterOSAPI({ host: sim.host, port: sim.port, user: USER.name, password: USER.password, timeout: 120 });
  // node-routeros emits 'error' without a listener → uncaught exception (integrations.md §2.2).
  api.on('error', () => undefined);
  await withTimeout(api.connect(), 10_000, 'connect');
  if (opts.noDelay) {
    const socket = (api as unknown as { connector?: { socket?: Socket } }).connector?.socket;
    if (!socket) throw new Error('node-routeros internals changed: no connector.socket to set TCP_NODELAY on');
    socket.setNoDelay(true);
  }
  const limit = 120_000;
  return {
    printSecrets: async () =>
      (await withTimeout(api.write('/ppp/secret/print', [`=.proplist=${PROPLIST.join(',')}`]), limit, 'print')).length,
    addRemove: async (name) => {
      const added = await withTimeout(api.write('/ppp/secret/add', [`=name=${name}`, '=password=x']), limit, 'add');
      const id = (added[0] as { ret?: string } | undefined)?.ret;
      if (!id) throw new Error('node-routeros: add returned no id');
      await withTimeout(api.write('/ppp/secret/remove', [`=.id=${id}`]), limit, 'remove');
    },
    printIdentity: () => withTimeout(api.write('/system/identity/print'), limit, 'print'),
    close: async () => {
      await withTimeout(api.close(), 5_000, 'close').catch(() => undefined);
    },
  };
}

/** A full GC before each timed run, so one client's garbage is not collected on the other's clock. */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // no gc available: the interleaved medians still even out most of the noise
  }
}

async function timed(fn: () => Promise<void>): Promise<number> {
  collectGarbage();
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function median(fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await timed(fn));
  return medianOf(times);
}

/** Warm-up both, then REPEATS rounds alternating ours / node-routeros; median of each. */
async function compare(ours: () => Promise<void>, theirs: () => Promise<void>): Promise<{ oursMs: number; theirsMs: number }> {
  await ours();
  await theirs();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    a.push(await timed(ours));
    b.push(await timed(theirs));
  }
  return { oursMs: medianOf(a), theirsMs: medianOf(b) };
}

type ScenarioId = 'print_10k' | 'add_remove_1k' | 'concurrent_1k';

interface Scenario {
  id: ScenarioId;
  name: string;
  /** Run with the simulator's reply latency (see the header). */
  latency?: boolean;
  run(client: BenchClient, prefix: string): Promise<void>;
}

const CONCURRENT: Scenario = {
  id: 'concurrent_1k',
  name: `${OPS.toLocaleString('en')} concurrent tagged prints (${LINK_LATENCY_MS} ms latency)`,
  latency: true,
  run: async (c) => {
    await Promise.all(Array.from({ length: OPS }, () => c.printIdentity()));
  },
};

const SCENARIOS: Scenario[] = [
  {
    id: 'print_10k',
    name: `print ${SECRETS.toLocaleString('en')} /ppp/secret (.proplist)`,
    run: async (c) => {
      const n = await c.printSecrets();
      if (n !== SECRETS) throw new Error(`expected ${SECRETS} rows, got ${n}`);
    },
  },
  {
    id: 'add_remove_1k',
    name: `${OPS.toLocaleString('en')} sequential add+remove`,
    run: async (c, prefix) => {
      for (let i = 0; i < OPS; i++) await c.addRemove(`${prefix}-${i}`);
    },
  },
  CONCURRENT,
];

function formatTable(result: RouterOsBenchResult): string[] {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lines = [
    `${pad('scenario', 52)} ${'ours ms'.padStart(10)} ${'node-routeros ms'.padStart(17)} ${'ours/node-routeros'.padStart(19)}`,
  ];
  for (const r of result.rows) {
    lines.push(
      `${pad(r.scenario, 52)} ${r.oursMs.toFixed(1).padStart(10)} ${r.nodeRouterosMs.toFixed(1).padStart(17)} ${r.ratio.toFixed(2).padStart(19)}`,
    );
  }
  lines.push(
    `ours ${OPS.toLocaleString('en')} sequential prints (${result.linkLatencyMs} ms latency): ${result.oursSequentialPrintsMs.toFixed(1)} ms, concurrent: ${result.oursConcurrentPrintsMs.toFixed(1)} ms`,
  );
  lines.push(`concurrent speed-up vs sequential: ${result.concurrentSpeedup.toFixed(1)}×`);
  const z = result.zeroLatency;
  lines.push(
    `  (zero-latency loopback: sequential ${z.sequentialPrintsMs.toFixed(1)} ms, concurrent ${z.concurrentPrintsMs.toFixed(1)} ms, ${z.speedup.toFixed(1)}× — CPU-bound, nothing to pipeline)`,
  );
  lines.push(
    `node-routeros as shipped (Nagle on): ${result.nodeRouterosAsShippedAddRemoveMsPerPair.toFixed(1)} ms per add+remove pair (table rows use TCP_NODELAY)`,
  );
  lines.push(`targets (ours ≤ node-routeros on every row, speed-up ≥ 5×): ${result.meetsTargets ? 'met' : 'NOT met'}`);
  return lines;
}

export async function runRouterOsBench(log: (line: string) => void): Promise<RouterOsBenchResult> {
  const sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.16.2', loginMode: 'modern', users: [USER] });
  try {
    const secrets = sim.state.menu('/ppp/secret');
    for (let i = 0; i < SECRETS; i++) {
      secrets.add({ name: `acc${String(i).padStart(5, '0')}`, password: `pw${i}`, profile: 'default' });
    }
    log(`simulator ${sim.version} on ${sim.host}:${sim.port}, ${SECRETS} /ppp/secret seeded`);

    const ours = await oursClient(sim);
    const theirs = await nodeRouterosClient(sim, { noDelay: true });
    const rows: RouterOsBenchRow[] = [];
    let round = 0;
    const sequentialPrints = async (): Promise<void> => {
      for (let i = 0; i < OPS; i++) await ours.printIdentity();
    };
    try {
      for (const s of SCENARIOS) {
        if (s.latency) sim.faults.set({ latencyMs: LINK_LATENCY_MS });
        const { oursMs, theirsMs: nodeRouterosMs } = await compare(
          () => s.run(ours, `o${round++}`),
          () => s.run(theirs, `n${round++}`),
        );
        sim.faults.clear();
        rows.push({ id: s.id, scenario: s.name, oursMs, nodeRouterosMs, ratio: oursMs / nodeRouterosMs });
        log(`  ${s.name}: ours ${oursMs.toFixed(1)} ms, node-routeros ${nodeRouterosMs.toFixed(1)} ms`);
      }
      sim.faults.set({ latencyMs: LINK_LATENCY_MS });
      const oursSequentialPrintsMs = await median(sequentialPrints);
      sim.faults.clear();
      const zeroSequential = await median(sequentialPrints);
      const zeroConcurrent = await median(() => CONCURRENT.run(ours, 'z'));
      log(`  ours sequential prints: ${oursSequentialPrintsMs.toFixed(1)} ms (${LINK_LATENCY_MS} ms latency), ${zeroSequential.toFixed(1)} ms (zero latency)`);

      const shipped = await nodeRouterosClient(sim, { noDelay: false });
      let perPair: number;
      try {
        const t0 = performance.now();
        for (let i = 0; i < AS_SHIPPED_OPS; i++) await shipped.addRemove(`shipped-${i}`);
        perPair = (performance.now() - t0) / AS_SHIPPED_OPS;
      } finally {
        await shipped.close();
      }

      const concurrentRow = rows.find((r) => r.id === 'concurrent_1k')!;
      const result: RouterOsBenchResult = {
        rows,
        oursSequentialPrintsMs,
        oursConcurrentPrintsMs: concurrentRow.oursMs,
        concurrentSpeedup: oursSequentialPrintsMs / concurrentRow.oursMs,
        linkLatencyMs: LINK_LATENCY_MS,
        zeroLatency: { sequentialPrintsMs: zeroSequential, concurrentPrintsMs: zeroConcurrent, speedup: zeroSequential / zeroConcurrent },
        nodeRouterosAsShippedAddRemoveMsPerPair: perPair,
        meetsTargets: false,
      };
      result.meetsTargets = rows.every((r) => r.ratio <= 1) && result.concurrentSpeedup >= 5;
      for (const line of formatTable(result)) log(line);
      return result;
    } finally {
      await ours.close();
      await theirs.close();
    }
  } finally {
    await sim.stop();
  }
}

function ratioOf(result: RouterOsBenchResult, id: ScenarioId): number {
  const row = result.rows.find((r) => r.id === id);
  if (!row) throw new Error(`routeros bench: no ${id} row`);
  return row.ratio;
}

/** The RouterOS client's figures for `npm run bench` (run.ts): ratios are ours / node-routeros. */
export const routerOsBench = defineBench({
  title: 'RouterOS client (ours vs node-routeros, against the simulator)',
  keys: ['routeros.print_10k_ratio', 'routeros.add_remove_1k_ratio', 'routeros.concurrent_1k_ratio', 'routeros.concurrent_speedup'],
  run: async (log) => {
    const r = await runRouterOsBench(log);
    return {
      'routeros.print_10k_ratio': ratioOf(r, 'print_10k'),
      'routeros.add_remove_1k_ratio': ratioOf(r, 'add_remove_1k'),
      'routeros.concurrent_1k_ratio': ratioOf(r, 'concurrent_1k'),
      'routeros.concurrent_speedup': r.concurrentSpeedup,
    };
  },
});

// `npx tsx test/bench/routeros-bench.ts` runs it; importing it (test/bench/run.ts, vitest) does not.
if (typeof process.argv[1] === 'string' && /routeros-bench\.[cm]?[jt]s$/.test(process.argv[1])) {
  runRouterOsBench((line) => console.log(line)).then(
    (r) => {
      process.exitCode = r.meetsTargets ? 0 : 1;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
