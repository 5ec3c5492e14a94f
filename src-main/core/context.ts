import type { Kysely } from 'kysely';
import type { AppDatabase } from './db/app-db';
import type { TenantPool } from './db/tenant-pool';
import type { TenantDB } from './db/tenant-schema';
import type { Clock, Logger, SecretBox } from './ports';
import type { EventHub } from './rpc/event-hub';
import type { PlatformSession, Session, SessionStore, StaffSession } from './rpc/sessions';
import type { SignInThrottle } from './auth/throttle';
import type { TenantRegistry, TenantRecord } from './tenancy/registry';
import type { TenantHooks } from './tenant-hooks';
import type { ModuleLookup } from './module-key';
import type { UploadStore } from './uploads/upload-store';
import type { Role } from '@shared/domain/permissions';

export interface CoreConfig {
  dataDir: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
}

/** App-wide services, built once by a composition root and shared by every call. */
export interface Core {
  config: CoreConfig;
  clock: Clock;
  log: Logger;
  secrets: SecretBox;
  app: AppDatabase;
  tenants: TenantPool;
  registry: TenantRegistry;
  sessions: SessionStore;
  events: EventHub;
  throttle: SignInThrottle;
  hooks: TenantHooks;
  /** Started domain modules; a service reaches another module's runtime with `modules.get(key)`. */
  modules: ModuleLookup;
  /** Files handed in through the binary upload path (never base64 inside JSON). */
  uploads: UploadStore;
}

export interface CallerInfo {
  token: string | null;
  /** Transport that made the call, for logs and audit. */
  transport: 'http' | 'ipc' | 'test';
  /** Which client of the transport (HTTP peer address, Electron window id): sign-in throttling per client. */
  client?: string;
}

/** Named actors for work nobody clicked: sweeps, payment callbacks, the demo. Audit rows carry the id. */
export const SYSTEM_ACTORS = {
  'system:demo': 'ISP Desk demo',
  'system:monitor': 'Router monitoring',
  'system:router-connections': 'Router connections',
  'system:backup': 'Scheduled backups',
  'system:expiry-sweep': 'Expiry sweep',
  'system:mpesa': 'M-Pesa',
  'system:scheduler': 'Scheduled tasks',
  'system:reconcile': 'Router reconcile',
  'system:enforcement': 'Router expiry enforcement',
  'system:invoicing': 'Invoicing',
  'system:hotspot': 'Hotspot voucher sync',
  'system:portal': 'Hotspot portal',
} as const;
export type SystemActorId = keyof typeof SYSTEM_ACTORS;

export type Actor =
  | { kind: 'staff'; id: string; name: string }
  | { kind: 'platform'; id: string; name: string }
  | { kind: 'system'; id: SystemActorId; name: string }
  | { kind: 'anonymous'; id: null; name: string };
export type SystemActor = Extract<Actor, { kind: 'system' }>;

export function systemActor(id: SystemActorId): SystemActor {
  return { kind: 'system', id, name: SYSTEM_ACTORS[id] };
}

/**
 * What a tenant service needs to run, with or without a request: the tenant, its database and who acts.
 * Request contexts extend it; sweeps and callbacks build one with a system actor (`withTenantScope`).
 */
export interface TenantScope {
  core: Core;
  tenant: TenantRecord;
  db: Kysely<TenantDB>;
  actor: Actor;
}

export interface PublicCtx {
  core: Core;
  caller: CallerInfo;
}
export interface SessionCtx extends PublicCtx {
  session: Session;
}
export interface PlatformCtx extends PublicCtx {
  session: PlatformSession;
  actor: Actor;
}
export interface TenantCtx extends PublicCtx, TenantScope {
  session: StaffSession;
  roles: Role[];
}
