import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';
import { setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';
import type { BootOptions } from '../../../src-main/core/boot';

export const ROUTER_PASSWORD = 'router api pass 1';

export interface RouterWorld {
  t: TestCore;
  inst: Installation;
  sim: RouterSimulator;
  routerId: string;
  /** Starts another simulator, stopped when the world closes. */
  simulator(opts?: SimulatorOptions): Promise<RouterSimulator>;
  close(): Promise<void>;
}

/** A tenant with one router backed by a RouterOS simulator. */
export async function routerWorld(opts: { sim?: SimulatorOptions; core?: Partial<BootOptions> } = {}): Promise<RouterWorld> {
  const t = await startTestCore(opts.core);
  const inst = await setUpInstallation(t);
  const sims: RouterSimulator[] = [];
  const simulator = async (o: SimulatorOptions = {}) => {
    const s = await startRouterSimulator({ users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'full' }], seed: 'minimal', ...o });
    sims.push(s);
    return s;
  };
  const sim = await simulator(opts.sim);
  const router = await t.call('routers.create', { name: 'Core', host: '127.0.0.1', port: sim.port, username: 'api', password: ROUTER_PASSWORD }, inst.adminToken);
  return {
    t, inst, sim, routerId: router.id, simulator,
    async close() {
      await t.close();
      for (const s of sims) await s.stop();
    },
  };
}
