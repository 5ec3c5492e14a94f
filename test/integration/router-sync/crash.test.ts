import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startRouterSimulator } from '../../../src-main/routeros-simulator';
import { enqueueRouterChanges } from '../../../src-main/core/router-sync/enqueue';
import { makeTempDir } from '../../fixtures/temp-dir';
import { setUpInstallation, startTestCore } from '../../fixtures/test-core';
import { secret } from './harness';

const temp = makeTempDir();
afterAll(() => temp.remove());

const CHILD = join(import.meta.dirname, 'drain-child.ts');
const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runChild(args: string[]): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [TSX, CHILD, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

it('a worker SIGKILLed mid-drain loses nothing and applies nothing twice after a restart in a new process', { timeout: 120_000 }, async () => {
  const sim = await startRouterSimulator({ users: [{ name: 'api', password: 'router api pass 1', group: 'full' }], seed: 'minimal' });
  try {
    const t = await startTestCore({ dataDir: temp.dir, keepDir: true });
    const inst = await setUpInstallation(t);
    const router = await t.call('routers.create', { name: 'Core', host: '127.0.0.1', port: sim.port, username: 'api', password: 'router api pass 1' }, inst.adminToken);
    const subs = Array.from({ length: 400 }, (_, i) => secret(router.id, { sid: `crash-${i}`, name: `crash-${i}` }));
    await t.booted.core.tenants.use(inst.tenantId, (h) => h.db.transaction().execute((trx) => enqueueRouterChanges(trx, subs, new Date())));
    await t.close();

    // Slow replies so the kill lands while writes are in flight.
    sim.faults.set({ latencyMs: 3 });
    const first = runChild([temp.dir, inst.tenantId, router.id]);
    const count = () => sim.state.menu('/ppp/secret').all().length;
    await expect.poll(count, { timeout: 60_000, interval: 5 }).toBeGreaterThan(20);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.output()).not.toContain('drained');
    const atKill = count();
    expect(atKill).toBeLessThan(subs.length);

    sim.faults.clear();
    const second = runChild([temp.dir, inst.tenantId, router.id]);
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).toContain('drained');

    const secrets = sim.state.menu('/ppp/secret').all();
    for (const s of subs) {
      const found = secrets.filter((x) => (x.comment ?? '').startsWith(s.tag));
      expect(found, s.tag).toHaveLength(1);
      expect(found[0]).toMatchObject({ name: s.props!.name, profile: 'default', disabled: 'false', comment: s.props!.comment });
    }
    expect(secrets).toHaveLength(subs.length);

    const check = await startTestCore({ dataDir: temp.dir, keepDir: true });
    const state = await check.booted.core.tenants.use(inst.tenantId, async (h) => ({
      objects: await h.db.selectFrom('routerObjects').select('status').execute(),
      outbox: await h.db.selectFrom('routerOutbox').select('status').execute(),
    }));
    await check.close();
    expect(state.objects.filter((o) => o.status === 'synced')).toHaveLength(subs.length);
    expect(state.outbox.every((o) => o.status === 'done')).toBe(true);
  } finally {
    await sim.stop();
  }
});
