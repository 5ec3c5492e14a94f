import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { kyselyOver, openRawSqlite, type RawSqlite } from './open-sqlite';
import { migrateToLatest } from './migrate';
import type { Migration } from 'kysely/migration';
import { ensurePrivateDir } from './private-files';
import type { TenantDB } from './tenant-schema';
import type { Clock, Logger } from '../ports';

export interface TenantHandle {
  readonly tenantId: string;
  readonly file: string;
  readonly db: Kysely<TenantDB>;
  readonly raw: RawSqlite;
}

interface Slot {
  handle: TenantHandle;
  refs: number;
  lastUsedMs: number;
}

export interface TenantPoolOptions {
  dataDir: string;
  clock: Clock;
  log: Logger;
  /** Schema steps of every module (see core/modules.ts), applied when a file opens. */
  migrations: Readonly<Record<string, Migration>>;
  /** Files unused for this long are closed. */
  idleCloseMs?: number;
  /** Above this many open files the least recently used idle ones close. */
  maxOpen?: number;
}

/**
 * One SQLite file per tenant, opened lazily (and migrated on open), shared by all callers, closed when idle.
 * Callers borrow a handle with `use()`, so a file is never closed under a running request.
 */
export class TenantPool {
  private readonly slots = new Map<string, Slot>();
  private readonly opening = new Map<string, Promise<Slot>>();
  private readonly idleCloseMs: number;
  private readonly maxOpen: number;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: TenantPoolOptions) {
    this.idleCloseMs = opts.idleCloseMs ?? 10 * 60_000;
    this.maxOpen = opts.maxOpen ?? 24;
  }

  /** Names of the schema steps this build knows, in order (export files record them). */
  get schemaSteps(): string[] {
    return Object.keys(this.opts.migrations);
  }

  dirOf(tenantId: string): string {
    return join(this.opts.dataDir, 'tenants', tenantId);
  }

  fileOf(tenantId: string): string {
    return join(this.dirOf(tenantId), 'data.sqlite');
  }

  exists(tenantId: string): boolean {
    return existsSync(this.fileOf(tenantId));
  }

  get openCount(): number {
    return this.slots.size;
  }

  startIdleSweep(intervalMs = 30_000): void {
    if (this.sweepTimer) return;
    this.sweepTimer = setInterval(() => void this.sweepIdle(), intervalMs);
    this.sweepTimer.unref();
  }

  /** Creates a brand-new tenant file; refuses if one exists. */
  async create(tenantId: string): Promise<void> {
    if (this.exists(tenantId)) throw new Error(`a data file already exists for tenant ${tenantId}`);
    ensurePrivateDir(this.dirOf(tenantId), this.opts.dataDir);
    await this.use(tenantId, async (h) => {
      await h.db.insertInto('tenantMeta').values({ key: 'tenant_id', value: tenantId }).execute();
    }, { create: true });
  }

  async use<T>(tenantId: string, fn: (handle: TenantHandle) => Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
    const slot = await this.acquire(tenantId, opts.create ?? false);
    try {
      return await fn(slot.handle);
    } finally {
      slot.refs -= 1;
      slot.lastUsedMs = this.opts.clock.now().getTime();
    }
  }

  private async acquire(tenantId: string, create: boolean): Promise<Slot> {
    const existing = this.slots.get(tenantId);
    if (existing) {
      existing.refs += 1;
      existing.lastUsedMs = this.opts.clock.now().getTime();
      return existing;
    }
    let pending = this.opening.get(tenantId);
    if (!pending) {
      pending = this.openSlot(tenantId, create);
      this.opening.set(tenantId, pending);
      pending.then(
        () => this.opening.delete(tenantId),
        () => this.opening.delete(tenantId),
      );
    }
    const slot = await pending;
    slot.refs += 1;
    slot.lastUsedMs = this.opts.clock.now().getTime();
    return slot;
  }

  private async openSlot(tenantId: string, create: boolean): Promise<Slot> {
    const file = this.fileOf(tenantId);
    if (!create && !existsSync(file)) throw new Error(`no data file for tenant ${tenantId}`);
    const raw = openRawSqlite(file);
    // Money lives here: a commit acknowledged on screen must survive power loss, not only a crash (README "Money").
    raw.pragma('synchronous = FULL');
    // Up to 64 MiB of page cache (SQLite's default is 2 MiB): a statement import or a renewal batch then rewrites
    // the index pages it touches once per commit instead of reading them back (money.statement_import_50k_ms).
    raw.pragma('cache_size = -65536');
    const db = kyselyOver<TenantDB>(raw);
    try {
      await migrateToLatest(db, raw, file, this.opts.migrations);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    const slot: Slot = { handle: { tenantId, file, db, raw }, refs: 0, lastUsedMs: this.opts.clock.now().getTime() };
    this.slots.set(tenantId, slot);
    await this.evictOverflow();
    return slot;
  }

  private async evictOverflow(): Promise<void> {
    if (this.slots.size <= this.maxOpen) return;
    const idle = [...this.slots.entries()].filter(([, s]) => s.refs === 0).sort((a, b) => a[1].lastUsedMs - b[1].lastUsedMs);
    for (const [id] of idle) {
      if (this.slots.size <= this.maxOpen) break;
      await this.close(id);
    }
  }

  async sweepIdle(): Promise<number> {
    const now = this.opts.clock.now().getTime();
    let closed = 0;
    for (const [id, slot] of [...this.slots.entries()]) {
      if (slot.refs === 0 && now - slot.lastUsedMs >= this.idleCloseMs) {
        await this.close(id);
        closed += 1;
      }
    }
    return closed;
  }

  async close(tenantId: string): Promise<void> {
    const pending = this.opening.get(tenantId);
    if (pending) await pending.catch(() => undefined);
    const slot = this.slots.get(tenantId);
    if (!slot) return;
    this.slots.delete(tenantId);
    try {
      slot.handle.raw.pragma('optimize');
      slot.handle.raw.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      this.opts.log.warn('tenant file checkpoint failed', { tenantId, error: e });
    }
    await slot.handle.db.destroy();
  }

  /** Closes the file and deletes the tenant's folder with everything in it. */
  async remove(tenantId: string): Promise<void> {
    await this.close(tenantId);
    rmSync(this.dirOf(tenantId), { recursive: true, force: true });
  }

  async closeAll(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    for (const id of [...this.slots.keys()]) await this.close(id);
  }
}
