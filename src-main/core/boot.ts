import { ensureDeviceIdentity, openAppDb } from './db/app-db';
import { TenantPool } from './db/tenant-pool';
import { SessionStore } from './rpc/sessions';
import { EventHub } from './rpc/event-hub';
import { Dispatcher } from './rpc/dispatcher';
import { SignInThrottle, DEFAULT_THROTTLE, type ThrottleOptions } from './auth/throttle';
import { TenantRegistry } from './tenancy/registry';
import { TenantHooks, type TenantHook } from './tenant-hooks';
import { systemClock, type Clock, type Logger, type SecretBox } from './ports';
import type { Core } from './context';
import { ModuleRegistry, handlersOf, tenantMigrationsOf, type ModuleOptions, type ModuleRuntime } from './module';
import { coreModules } from './modules';
import { authKey } from './auth/module';
import { UploadStore, type UploadStoreOptions } from './uploads/upload-store';
import { schedulerOf } from './scheduler/runtime';

export interface BootOptions {
  dataDir: string;
  secrets: SecretBox;
  log: Logger;
  clock?: Clock;
  sessionIdleMs?: number;
  sessionAbsoluteMs?: number;
  throttle?: ThrottleOptions;
  tenantIdleCloseMs?: number;
  maxOpenTenants?: number;
  /** Jobs (monitoring, nightly backups) run on their own unless false; tests drive them directly. */
  background?: boolean;
  routers?: ModuleOptions['routers'];
  demo?: ModuleOptions['demo'];
  scheduler?: ModuleOptions['scheduler'];
  uploads?: UploadStoreOptions;
}

export interface BootedCore {
  core: Core;
  dispatcher: Dispatcher;
  /** Stops background work and closes every database. */
  close(): Promise<void>;
}

/** Builds the core the same way for Electron, the headless server and tests. */
export async function bootCore(opts: BootOptions): Promise<BootedCore> {
  const clock = opts.clock ?? systemClock;
  const app = await openAppDb(opts.dataDir);
  await ensureDeviceIdentity(app.db, clock);
  const registry = new TenantRegistry(app.db);
  await registry.load();
  const sessions = new SessionStore(clock, {
    idleTimeoutMs: opts.sessionIdleMs ?? 30 * 60_000,
    absoluteTimeoutMs: opts.sessionAbsoluteMs ?? 12 * 3600_000,
  });
  const events = new EventHub(sessions, opts.log);
  const tenants = new TenantPool({
    dataDir: opts.dataDir, clock, log: opts.log, idleCloseMs: opts.tenantIdleCloseMs, maxOpen: opts.maxOpenTenants,
    migrations: tenantMigrationsOf(coreModules),
  });
  tenants.startIdleSweep();
  const modules = new ModuleRegistry();
  const core: Core = {
    config: { dataDir: opts.dataDir, sessionIdleMs: sessions.options.idleTimeoutMs, sessionAbsoluteMs: sessions.options.absoluteTimeoutMs },
    clock, log: opts.log, secrets: opts.secrets, app, tenants, registry, sessions, events,
    throttle: new SignInThrottle(clock, opts.throttle ?? DEFAULT_THROTTLE), hooks: new TenantHooks(opts.log), modules,
    uploads: new UploadStore(clock, opts.log, opts.uploads),
  };
  sessions.onEnd((s) => core.uploads.dropSession(s.token));
  // Tell a window or browser tab when its session ends, so it returns to the sign-in screen.
  sessions.onEnd((s, reason) => {
    if (reason !== 'signed-out') events.emitToToken(s.token, 'session.ended', { reason });
  });
  const sweep = setInterval(() => {
    sessions.sweep();
    core.uploads.sweep();
  }, 60_000);
  sweep.unref();
  const moduleOptions: ModuleOptions = { background: opts.background ?? true, routers: opts.routers, demo: opts.demo, scheduler: opts.scheduler };
  const started: ModuleRuntime[] = [];
  for (const m of coreModules) {
    if (!m.start) continue;
    const runtime = await m.start(core, moduleOptions);
    modules.set(m.name, runtime);
    started.push(runtime);
  }
  // Every module's scheduled jobs run through the scheduler (started second, it cannot import them).
  schedulerOf(core).register(started.flatMap((r) => r.scheduledJobs ?? []));
  core.hooks.add(lifecycleOf(started, moduleOptions.background));
  // Principals and roles are the auth domain's to answer; boot only hands them to the dispatcher.
  const dispatcher = new Dispatcher(core, handlersOf(coreModules), modules.get(authKey).principals);
  return {
    core,
    dispatcher,
    async close() {
      clearInterval(sweep);
      for (const t of registry.all()) await core.hooks.inactive(t.id, 'closing');
      for (const r of [...started].reverse()) {
        try {
          await r.close?.();
        } catch (e) {
          opts.log.error('module close failed', { error: e });
        }
      }
      core.uploads.closeAll();
      await tenants.closeAll();
      await app.close();
    },
  };
}

/** Tenant activation over every module: all `onTenantActive` first, then the jobs; stopping in reverse. */
function lifecycleOf(runtimes: readonly ModuleRuntime[], background: boolean): TenantHook {
  const jobs = runtimes.flatMap((r) => r.jobs ?? []);
  return {
    async onActive(tenantId) {
      for (const r of runtimes) await r.onTenantActive?.(tenantId);
      if (background) for (const j of jobs) j.start(tenantId);
    },
    // Jobs stop whatever `background` says: a test (or a manual run) may have started one.
    async onInactive(tenantId, reason) {
      for (const j of jobs) j.stop(tenantId);
      for (const r of [...runtimes].reverse()) await r.onTenantInactive?.(tenantId, reason);
    },
  };
}

/** Start background work for every tenant that may run (called once the composition root is ready). */
export async function activateTenants(core: Core): Promise<void> {
  for (const t of core.registry.all()) if (t.status !== 'suspended') await core.hooks.active(t.id);
}
