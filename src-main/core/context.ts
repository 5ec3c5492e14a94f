import type { Kysely } from 'kysely';
import type { AppDatabase } from './db/app-db';
import type { TenantPool } from './db/tenant-pool';
import type { TenantDB } from './db/tenant-schema';
import type { Clock, Logger, SecretBox } from './ports';
import type { EventHub } from './rpc/event-hub';
import type { PlatformSession, Session, SessionStore, StaffSession } from './rpc/sessions';
import type { SignInThrottle } from './auth/throttle';
import type { TenantRegistry, TenantRecord } from './tenancy/registry';
import type { TenantHooks } from './tenancy/hooks';
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
  /** Files handed in through the binary upload path (never base64 inside JSON). */
  uploads: UploadStore;
  /** Domain services registered by later layers (routers, …), keyed by domain. */
  services: CoreServices;
}

/** Filled in by domain modules at start-up; each domain declares its slot by augmenting this interface. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CoreServices {}

export interface CallerInfo {
  token: string | null;
  /** Transport that made the call, for logs and audit. */
  transport: 'http' | 'ipc' | 'test';
}

export interface Actor {
  kind: 'staff' | 'platform' | 'system' | 'anonymous';
  id: string | null;
  name: string;
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
export interface TenantCtx extends PublicCtx {
  session: StaffSession;
  tenant: TenantRecord;
  db: Kysely<TenantDB>;
  actor: Actor;
  roles: Role[];
}
