import { openAppDb } from './db/app-db';
import { TenantPool } from './db/tenant-pool';
import { SessionStore } from './rpc/sessions';
import { EventHub } from './rpc/event-hub';
import { Dispatcher } from './rpc/dispatcher';
import { allHandlers } from './rpc/all-handlers';
import { SignInThrottle, DEFAULT_THROTTLE, type ThrottleOptions } from './auth/throttle';
import { TenantRegistry } from './tenancy/registry';
import { TenantHooks } from './tenancy/hooks';
import { systemClock, type Clock, type Logger, type SecretBox } from './ports';
import type { Core, CoreServices } from './context';
import { uuidv7 } from '@shared/domain/ids';
import { hostname } from 'node:os';
import { UploadStore, type UploadStoreOptions } from './uploads/upload-store';
import { installRoutersModule, type RoutersModuleOptions } from './routers/module';

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
  routers?: RoutersModuleOptions;
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
  });
  tenants.startIdleSweep();
  const services: CoreServices = {};
  const core: Core = {
    config: { dataDir: opts.dataDir, sessionIdleMs: sessions.options.idleTimeoutMs, sessionAbsoluteMs: sessions.options.absoluteTimeoutMs },
    clock, log: opts.log, secrets: opts.secrets, app, tenants, registry, sessions, events,
    throttle: new SignInThrottle(clock, opts.throttle ?? DEFAULT_THROTTLE), hooks: new TenantHooks(opts.log), services,
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
  const routers = installRoutersModule(core, opts.routers);
  const dispatcher = new Dispatcher(core, allHandlers);
  return {
    core,
    dispatcher,
    async close() {
      clearInterval(sweep);
      for (const t of registry.all()) await core.hooks.inactive(t.id, 'closing');
      routers.streams.close();
      routers.connections.closeAll();
      await routers.demo.stopAll();
      core.uploads.closeAll();
      await tenants.closeAll();
      await app.close();
    },
  };
}

async function ensureDeviceIdentity(db: Awaited<ReturnType<typeof openAppDb>>['db'], clock: Clock): Promise<void> {
  const row = await db.selectFrom('device').select('id').executeTakeFirst();
  if (!row) {
    await db.insertInto('device').values({ rowid: 1, id: uuidv7(), name: hostname(), createdAt: clock.now().toISOString() }).execute();
  }
}

/** Start background work for every tenant that may run (called once the composition root is ready). */
export async function activateTenants(core: Core): Promise<void> {
  for (const t of core.registry.all()) if (t.status !== 'suspended') await core.hooks.active(t.id);
}
