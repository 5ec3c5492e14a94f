import { randomBytes, createHash } from 'node:crypto';
import { uuidv7 } from '@shared/domain/ids';
import { routerCreateInput } from '@shared/contract/routers';
import { systemActor, type Actor, type Core } from '../context';
import type { ModuleRuntime } from '../module';
import type { RouterSimulator } from '../../routeros-simulator';
import { setStaffPasswordBySystem } from '../auth/staff-service';
import { createTenant } from '../tenancy/tenant-service';
import { withTenantScope } from '../tenancy/scope';
import type { TenantRecord } from '../tenancy/registry';
import { readRouterPassword } from '../routers/router-repo';
import { createRouter, rebindDemoRouter } from '../routers/router-service';
import { AppError } from '@shared/domain/errors';
import { DemoDaraja } from './demo-daraja';
import { DemoOutages, type DemoOutageOptions } from './outage';

const DEMO_ROUTERS = [
  { name: 'Core — Kahawa West', site: 'Kahawa West POP', variant: 'core' as const, isCore: true, version: '7.16.2' },
  { name: 'Branch — Kitengela', site: 'Kitengela tower', variant: 'branch' as const, isCore: false, version: '6.49.17' },
];
const DEMO_USER = 'isp-desk';

function seedOf(routerId: string): number {
  return createHash('sha256').update(routerId).digest().readUInt32BE(0);
}

export interface DemoAdmin {
  fullName: string;
  email: string;
  password: string;
}

/**
 * The demo ISP: a tenant flagged as demo whose routers are RouterOS simulators running inside the app,
 * seeded with realistic data (PPPoE secrets on four plans, hotspot vouchers, moving traffic). They start
 * when the tenant becomes active and stop with it; their state resets on every start.
 */
export class DemoIsp implements ModuleRuntime {
  private readonly sims = new Map<string, Map<string, RouterSimulator>>();
  /** The access (branch) router of each running demo: the one the staged outage silences. */
  private readonly branches = new Map<string, RouterSimulator>();
  private readonly outages: DemoOutages;
  /** The fake Daraja of each running demo (its M-Pesa settings point at it). */
  readonly daraja: DemoDaraja;

  /** `background` false (tests driving jobs themselves): no automatic outage, nobody would watch it. */
  constructor(private readonly core: Core, opts: DemoOutageOptions & { background: boolean } = { background: true }) {
    this.outages = new DemoOutages(core.clock, opts.background ? opts : { ...opts, outageAfterMs: null });
    this.daraja = new DemoDaraja(core);
  }

  simulatorsOf(tenantId: string): RouterSimulator[] {
    return [...(this.sims.get(tenantId)?.values() ?? [])];
  }

  private async startSimulator(routerId: string, variant: 'core' | 'branch', version: string, password: string, port: number): Promise<RouterSimulator> {
    // Loaded on demand: the simulator is not part of the app unless a demo ISP runs.
    const { startRouterSimulator } = await import('../../routeros-simulator');
    const opts = { version, users: [{ name: DEMO_USER, password, group: 'full' }], seed: 'demo' as const, demoVariant: variant, randomSeed: seedOf(routerId), clock: 'real' as const };
    try {
      return await startRouterSimulator({ ...opts, port });
    } catch {
      // The saved port is taken (another app, another demo): take any free one.
      return startRouterSimulator({ ...opts, port: 0 });
    }
  }

  async startForTenant(tenantId: string): Promise<void> {
    const tenant = this.core.registry.get(tenantId);
    if (!tenant || tenant.isDemo !== 1 || this.sims.has(tenantId)) return;
    const running = new Map<string, RouterSimulator>();
    this.sims.set(tenantId, running);
    const rows = await this.core.tenants.use(tenantId, (h) => h.db.selectFrom('routers').selectAll().where('isDemo', '=', 1).execute());
    for (const r of rows) {
      const password = await this.core.tenants.use(tenantId, (h) => readRouterPassword(h.db, this.core.secrets, r.id));
      const spec = DEMO_ROUTERS.find((d) => d.name === r.name) ?? DEMO_ROUTERS[0]!;
      const sim = await this.startSimulator(r.id, spec.variant, spec.version, password, r.port);
      running.set(r.id, sim);
      if (spec.variant === 'branch') this.branches.set(tenantId, sim);
      if (sim.port !== r.port) await withTenantScope(this.core, tenantId, systemActor('system:demo'), (scope) => rebindDemoRouter(scope, r.id, sim.port));
    }
    await this.daraja.start(tenantId);
    this.outages.schedule(tenantId, () => this.branches.get(tenantId));
  }

  /** `demo.play-outage`: the branch router stops answering for a while; refused outside a demo ISP. */
  playOutage(tenantId: string): Date {
    const branch = this.core.registry.get(tenantId)?.isDemo === 1 ? this.branches.get(tenantId) : undefined;
    if (!branch) throw new AppError('CONFLICT', 'demo.only-demo');
    return this.outages.play(tenantId, branch);
  }

  async stopForTenant(tenantId: string): Promise<void> {
    this.outages.cancel(tenantId);
    const running = this.sims.get(tenantId);
    this.sims.delete(tenantId);
    this.branches.delete(tenantId);
    for (const sim of running?.values() ?? []) await sim.stop().catch(() => undefined);
    await this.daraja.stop(tenantId);
  }

  /** Creates the demo tenant with its admin and two simulated routers, and starts them. */
  async createDemoTenant(admin: DemoAdmin, actor: Actor): Promise<TenantRecord> {
    let name = 'Demo ISP — Kilimani Net';
    for (let i = 2; this.core.registry.byNameKey(name.toLowerCase()); i++) name = `Demo ISP — Kilimani Net ${i}`;
    const tenant = await createTenant(this.core, {
      name, status: 'active', ownerName: admin.fullName, ownerEmail: admin.email, ownerPhone: '+254700000000', country: 'KE', currency: 'KES', timezone: 'Africa/Nairobi',
      admin: { fullName: admin.fullName, email: admin.email, phone: null, password: admin.password },
    }, actor, { isDemo: true, adminMustChangePassword: false });
    const running = new Map<string, RouterSimulator>();
    this.sims.set(tenant.id, running);
    // The routers are registered through the router service, as staff would, under the demo's own name.
    await withTenantScope(this.core, tenant.id, systemActor('system:demo'), async (scope) => {
      for (const spec of DEMO_ROUTERS) {
        const id = uuidv7();
        const password = randomBytes(18).toString('base64url');
        const sim = await this.startSimulator(id, spec.variant, spec.version, password, 0);
        running.set(id, sim);
        if (spec.variant === 'branch') this.branches.set(tenant.id, sim);
        await createRouter(scope, routerCreateInput.parse({
          name: spec.name, host: '127.0.0.1', port: sim.port, username: DEMO_USER, password, site: spec.site, isCore: spec.isCore,
          notes: 'Simulated router of the demo ISP (RouterOS simulator inside ISP Desk). Its state resets when the app restarts.',
        }), { isDemo: true, id });
      }
    });
    await this.daraja.start(tenant.id);
    this.outages.schedule(tenant.id, () => this.branches.get(tenant.id));
    return tenant;
  }

  /** For `npm run demo`: a fresh random password for the demo admin, printed once on the console. */
  async resetDemoAdminPassword(tenantId: string, email: string): Promise<string> {
    const password = randomBytes(9).toString('base64url');
    await withTenantScope(this.core, tenantId, systemActor('system:demo'), (scope) => setStaffPasswordBySystem(scope, email, password));
    return password;
  }

  async stopAll(): Promise<void> {
    this.outages.cancelAll();
    for (const id of [...this.sims.keys()]) await this.stopForTenant(id);
  }

  // Module lifecycle: demo routers listen before any job (monitoring) looks at them.
  onTenantActive(tenantId: string): Promise<void> {
    return this.startForTenant(tenantId);
  }

  onTenantInactive(tenantId: string): Promise<void> {
    return this.stopForTenant(tenantId);
  }

  close(): Promise<void> {
    return this.stopAll();
  }
}
