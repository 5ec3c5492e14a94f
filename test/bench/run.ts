/**
 * `npm run bench`: prints the speed and memory figures the issues ask for (not a timed test);
 * `npm run bench -- --json FILE` also writes them as one flat JSON object (figures.ts).
 * Adding a bench: export a `defineBench({ title, keys, run })` from its file, import it here and add it
 * to BENCHES.
 */
import { pathToFileURL } from 'node:url';
import { jsonTarget, runBenches, writeFigures, type Bench } from './figures';
import { foundationBench } from './foundation-bench';
import { routerOsBench } from './routeros-bench';
import { backupBench } from './backup-bench';
import { deadlineBench } from './deadline-bench';
import { routerSyncBench } from './router-sync-bench';
import { subscribersBench } from './subscribers-bench';
import { adoptionBench } from './adoption-bench';
import { documentsBench } from './documents-bench';
import { moneyBench } from './money-bench';
import { hotspotBench, hotspotStatusBench } from './hotspot-bench';

export const BENCHES: readonly Bench[] = [foundationBench, routerOsBench, backupBench, deadlineBench, routerSyncBench, subscribersBench, adoptionBench, documentsBench, moneyBench, hotspotBench, hotspotStatusBench];

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const target = jsonTarget(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  log(`ISP Desk benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  const figures = await runBenches(BENCHES, log);
  log('');
  log('Figures:');
  for (const [k, v] of Object.entries(figures)) log(`  ${k.padEnd(34)} ${Number.isInteger(v) ? v : v.toFixed(3)}`);
  if (target) {
    writeFigures(target, figures);
    log(`written to ${target}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
