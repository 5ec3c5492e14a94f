/** `npm run bench`: prints the speed and memory figures the issues ask for (not a timed test). */
import { runFoundationBench } from './foundation-bench';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log(`ISP Desk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  log('');
  await runFoundationBench(log);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
