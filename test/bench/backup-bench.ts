import { defineBench } from './figures';
/**
 * `routeros.backup_150kb_ms`: export + read back of a 150 KB configuration from the simulator, through
 * ISP Desk's client and the backups module (`/export file=…`, then `contents` or `/file/read` chunks, then
 * the file removed). Reported per the slowest version among those that can return it over the API
 * (7.16.2 and 7.18.2; v6 refuses files this big, which the backups test covers). Runnable alone:
 *   npx tsx test/bench/backup-bench.ts
 */
import { connectRouterOs } from '../../src-main/core/routeros/client';
import { readExport } from '../../src-main/core/routers/backups';
import { startRouterSimulator } from '../../src-main/routeros-simulator';
import { seedLargeConfig } from '../fixtures/large-config';

const USER = { name: 'api', password: 'bench-backup-1', group: 'full' };
const VERSIONS = ['7.16.2', '7.18.2'];

async function timeOne(version: string): Promise<number> {
  const sim = await startRouterSimulator({ version, users: [USER], seed: 'minimal', randomSeed: 11 });
  try {
    seedLargeConfig(sim, 150);
    const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: USER.name, password: USER.password, keepaliveIntervalMs: 0, commandTimeoutMs: 60_000 });
    try {
      await readExport(ros, { rosVersion: version, username: USER.name }); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const { text } = await readExport(ros, { rosVersion: version, username: USER.name });
        runs.push(performance.now() - t0);
        if (Buffer.byteLength(text) < 150 * 1024) throw new Error(`export of ${version} is only ${Buffer.byteLength(text)} bytes`);
      }
      return runs.sort((a, b) => a - b)[1]!;
    } finally {
      await ros.close();
    }
  } finally {
    await sim.stop();
  }
}

/** Median ms (of 3) for export + read back of a 150 KB configuration, on the slowest version. */
export async function benchBackup150kb(): Promise<number> {
  let worst = 0;
  for (const v of VERSIONS) worst = Math.max(worst, await timeOne(v));
  return Math.round(worst * 10) / 10;
}

if (process.argv[1]?.endsWith('backup-bench.ts')) {
  benchBackup150kb().then(
    (ms) => console.log(`routeros.backup_150kb_ms ${ms}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

export const backupBench = defineBench({
  title: 'Configuration backup (export file + read back, 150 KB, slowest of 7.16 and 7.18)',
  keys: ['routeros.backup_150kb_ms'],
  async run(log) {
    const ms = await benchBackup150kb();
    log(`  backup 150 KB: ${ms.toFixed(1)} ms`);
    return { 'routeros.backup_150kb_ms': ms };
  },
});
