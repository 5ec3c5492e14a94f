import type { Migration } from 'kysely/migration';
import type { ChannelName } from '@shared/contract';
import type { Core, SystemActorId, TenantScope } from './context';
import type { AppDB } from './db/app-schema';
import type { TenantDB } from './db/tenant-schema';
import type { Handler, Handlers, HandlersFor } from './rpc/handlers';
import type { ModuleKey, ModuleLookup } from './module-key';
import type { TenantStopReason } from './tenant-hooks';

export { moduleKey, type ModuleKey } from './module-key';


/** Per-tenant background work (monitoring, nightly backups, sweeps); runs only when background work is on. */
export interface TenantJob {
  name: string;
  start(tenantId: string): void;
  stop(tenantId: string): void;
}

/**
 * A scheduled job of a domain (expiry sweep, reconcile, backups …), run per active tenant by the scheduler
 * module. `job_runs` (unique job + slot) is the record of truth; missed slots follow `missed`.
 */
export interface ScheduledJobDef {
  /** Stable key, e.g. `subscribers.expiry-sweep`; also the i18n key of its name in the renderer. */
  key: string;
  /** Default schedule; staff may change it on the Scheduled tasks screen. */
  schedule: { cron: string } | { everyMs: number };
  /** After the app was off or the tenant suspended: run the latest missed slot once, or skip to the next. */
  missed: 'run-once' | 'skip';
  /** Attempts of one slot before it is marked failed (backoff doubles from `retryBaseMs`). */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Who the audit log names for scheduled runs (default `system:scheduler`); Run now acts as the staff member. */
  actor?: SystemActorId;
  /** The work; lines written with `log` are kept with the run. Throwing fails the attempt. */
  run(scope: TenantScope, ctx: { slot: Date; log(line: string): void; signal: AbortSignal }): Promise<void>;
}

/** What a module builds once the core exists: its services plus lifecycle callbacks. */
export interface ModuleRuntime {
  /** The tenant may run again (created, reactivated, app started). Runs before any job starts. */
  onTenantActive?(tenantId: string): Promise<void> | void;
  /** Stop the tenant's work and close its connections. Runs after its jobs stopped. */
  onTenantInactive?(tenantId: string, reason: TenantStopReason): Promise<void> | void;
  jobs?: readonly TenantJob[];
  /** Jobs the scheduler runs on their schedule (see ScheduledJobDef). */
  scheduledJobs?: readonly ScheduledJobDef[];
  /** App shutdown, after every tenant went inactive. */
  close?(): Promise<void> | void;
}

/** Options each module reads at start. A module adds its own slot by augmenting this interface. */
export interface ModuleOptions {
  /** Whether jobs run on their own (off in tests, which call them directly). */
  background: boolean;
}

/**
 * One domain of the app: the tables it alone writes, its schema steps, its channel handlers and what it
 * runs. Registered once in `modules.ts`; boot, the dispatcher and tenant activation iterate that list.
 */
export interface CoreModule<K extends ChannelName = never, R extends ModuleRuntime = ModuleRuntime> {
  name: string;
  /** Tables written only by this domain's files (checked by test/integration/architecture). */
  owns?: { tenant?: readonly (keyof TenantDB)[]; app?: readonly (keyof AppDB)[] };
  /** Tenant schema steps; names are global and sort in the order they run. */
  tenantMigrations?: Readonly<Record<string, Migration>>;
  handlers?: HandlersFor<K>;
  key?: ModuleKey<R>;
  start?(core: Core, opts: ModuleOptions): R | Promise<R>;
}

/** Any module, as the lists and the boot sequence see it. */
export interface AnyCoreModule {
  name: string;
  owns?: { tenant?: readonly (keyof TenantDB)[]; app?: readonly (keyof AppDB)[] };
  tenantMigrations?: Readonly<Record<string, Migration>>;
  handlers?: Partial<Record<ChannelName, unknown>>;
  start?(core: Core, opts: ModuleOptions): ModuleRuntime | Promise<ModuleRuntime>;
}

/** The channels a module handles (for the compile-time completeness check in modules.ts). */
export type ChannelsOf<M> = M extends CoreModule<infer K, infer _R> ? K : never;

/** Identity with inference: `defineModule({ … })` keeps the channel and runtime types. */
export function defineModule<K extends ChannelName = never, R extends ModuleRuntime = ModuleRuntime>(m: CoreModule<K, R>): CoreModule<K, R> {
  return m;
}

/** Started modules by name; `get` is how a service reaches another module's runtime. */
export class ModuleRegistry implements ModuleLookup {
  private readonly runtimes = new Map<string, ModuleRuntime>();

  set(name: string, runtime: ModuleRuntime): void {
    this.runtimes.set(name, runtime);
  }

  get<R>(key: ModuleKey<R>): R {
    const r = this.runtimes.get(key.name);
    // Only reachable through a wiring mistake (a module missing from modules.ts), never through input.
    if (!r) throw new Error(`module "${key.name}" is not started; is it listed in core/modules.ts?`);
    return r as R;
  }

  all(): ModuleRuntime[] {
    return [...this.runtimes.values()];
  }
}

/** Every module's schema steps in one record, refusing a step name two modules claim. */
export function tenantMigrationsOf(mods: readonly AnyCoreModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const m of mods) {
    for (const [name, step] of Object.entries(m.tenantMigrations ?? {})) {
      if (name in all) throw new Error(`tenant migration ${name} is declared twice (module ${m.name})`);
      all[name] = step;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}

/** The dispatcher's table, from every module; a channel claimed twice is a wiring error. */
export function handlersOf(mods: readonly AnyCoreModule[]): Handlers {
  const table: Partial<Record<ChannelName, Handler<ChannelName>>> = {};
  for (const m of mods) {
    for (const [channel, handler] of Object.entries(m.handlers ?? {}) as [ChannelName, Handler<ChannelName>][]) {
      if (table[channel]) throw new Error(`channel ${channel} is handled twice (module ${m.name})`);
      table[channel] = handler;
    }
  }
  return table as Handlers;
}
