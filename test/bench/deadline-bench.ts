import { defineBench } from './figures';
/**
 * `routeros.deadline_detect_ms`: time from a simulator router going silent in the middle of polling to the
 * connection being declared dead (goal < 15 000). The client runs with the connection manager's settings
 * (command timeout 10 s, keepalive 30 s) and its own liveness defaults; polling copies the monitor
 * (`/system/resource` with a 5 s timeout) once a second. Runnable alone:
 *   npx tsx test/bench/deadline-bench.ts
 */
import { pathToFileURL } from 'node:url';
import { connectRouterOs } from '../../src-main/core/routeros/client';
import { startRouterSimulator } from '../../src-main/routeros-simulator';

const POLL_MS = 1_000;

export async function benchDeadlineDetect(): Promise<number> {
  const admin = { name: 'admin', password: 'bench-secret', group: 'full' };
  const sim = await startRouterSimulator({ version: '7.16.2', users: [admin] });
  const ros = await connectRouterOs({
    host: sim.host,
    port: sim.port,
    username: admin.name,
    password: admin.password,
    commandTimeoutMs: 10_000,
    keepaliveIntervalMs: 30_000,
  });
  let polling = true;
  const poll = async (): Promise<void> => {
    while (polling && ros.isOpen) {
      await ros.print('/system/resource', { proplist: ['version', 'cpu-load'], timeoutMs: 5_000 }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };
  try {
    const closed = new Promise<number>((resolve) => ros.onClose(() => resolve(performance.now())));
    const poller = poll();
    await new Promise((r) => setTimeout(r, 3 * POLL_MS)); // polling under way
    sim.faults.set({ stall: true });
    const silentAt = performance.now();
    const deadAt = await closed;
    polling = false;
    await poller;
    return Math.round(deadAt - silentAt);
  } finally {
    polling = false;
    await ros.close().catch(() => undefined);
    await sim.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchDeadlineDetect().then(
    (ms) => console.log(`routeros.deadline_detect_ms ${ms} (goal < 15000)`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

export const deadlineBench = defineBench({
  title: 'Dead router detection while polling (goal < 15 000 ms)',
  keys: ['routeros.deadline_detect_ms'],
  async run(log) {
    const ms = await benchDeadlineDetect();
    log(`  silent → declared dead: ${ms.toFixed(0)} ms ${ms < 15_000 ? '(goal met)' : '(GOAL MISSED)'}`);
    return { 'routeros.deadline_detect_ms': ms };
  },
});
