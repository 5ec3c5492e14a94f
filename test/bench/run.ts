/** `npm run bench`: prints the speed and memory figures the issues ask for (not a timed test). */
import { runFoundationBench } from './foundation-bench';
import { runRouterOsBench } from './routeros-bench';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log(`ISP Desk benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  log('');
  await runFoundationBench(log);
  log('');
  await runRouterOsBench(log);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
