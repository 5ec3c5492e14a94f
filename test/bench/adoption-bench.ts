/**
 * `subscribers.adopt_5k_ms`: a router with 5,000 PPPoE secrets on five profiles (a simulator), adopted end
 * to end through the `adoption.apply` channel: the router's menus read once, five packages and 5,000
 * subscribers created (sealed passwords, desired state and outbox entries, audit). Goal < 10,000 ms.
 * Runnable alone:
 *   npx tsx test/bench/adoption-bench.ts
 */
import { pathToFileURL } from 'node:url';
import { startRouterSimulator } from '../../src-main/routeros-simulator';
import { setUpInstallation, startTestCore } from '../fixtures/test-core';
import { defineBench } from './figures';

const USER = { name: 'api', password: 'bench-adopt-pass-1', group: 'full' };
const SECRETS = 5_000;
const PLANS = [['HOME-5M', '5M/5M'], ['HOME-10M', '10M/10M'], ['BIZ-20M', '20M/20M'], ['BIZ-50M', '50M/50M'], ['NIGHT-2M', '2M/4M 4M/8M']] as const;

/**
 * Milliseconds (wall clock) to adopt 5,000 secrets, checked to have created every one of them; `cpuMs` is the
 * process's CPU time over the same span (the simulator runs in-process), which tells a busy machine apart.
 */
export async function benchAdopt5k(): Promise<{ ms: number; cpuMs: number }> {
  const sim = await startRouterSimulator({ users: [USER], seed: 'minimal', randomSeed: 5 });
  const t = await startTestCore({ routers: { connections: { connectTimeoutMs: 5_000, commandTimeoutMs: 60_000 } } });
  try {
    for (const [name, rate] of PLANS) sim.state.menu('/ppp/profile').add({ name, 'rate-limit': rate });
    for (let i = 0; i < SECRETS; i++) {
      sim.state.menu('/ppp/secret').add({
        name: `cust${100000 + i}`, password: `pw${(i * 7919).toString(36)}x`, service: 'pppoe', profile: PLANS[i % PLANS.length]![0],
        disabled: i % 25 === 0, comment: `Customer ${i} - Estate ${i % 40} - 07${String(10_000_000 + i).slice(0, 8)}`,
      });
    }
    const inst = await setUpInstallation(t);
    const router = await t.call('routers.create', { name: 'Bench', host: '127.0.0.1', port: sim.port, username: USER.name, password: USER.password }, inst.adminToken);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const res = await t.call('adoption.apply', { routerId: router.id, confirm: true }, inst.adminToken);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (res.subscribersCreated !== SECRETS || res.packagesCreated !== PLANS.length) throw new Error(`adopted ${JSON.stringify(res)}`);
    return { ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  } finally {
    await t.close();
    await sim.stop();
  }
}

export const adoptionBench = defineBench({
  title: 'Adoption (5,000 PPP secrets → subscribers, end to end)',
  keys: ['subscribers.adopt_5k_ms'],
  async run(log) {
    const { ms, cpuMs } = await benchAdopt5k();
    log(`  adopt 5,000 secrets: ${ms} ms (goal < 10,000), ${cpuMs} ms of CPU`);
    return { 'subscribers.adopt_5k_ms': ms };
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchAdopt5k().then(
    (r) => console.log(`subscribers.adopt_5k_ms ${r.ms} (cpu ${r.cpuMs} ms)`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
