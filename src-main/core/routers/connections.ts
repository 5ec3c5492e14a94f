import { connectRouterOs, RosConnectionError, RosFatalError, RosOutcomeUnknownError, RosTimeoutError, RosTlsError, type RosArgs, type RosConnectOptions, type RosConnection, type RosStream, type WordEncoding } from '../routeros/client';
import { systemActor, type Core } from '../context';
import { appendAudit } from '../auth/audit';
import { explainRouterError } from './diagnose';
import { mustFindRouter, readRouterPassword, type RouterRow } from './router-repo';
import { Semaphore } from './semaphore';
import { recordOutcome } from './status';

export type Connector = (opts: RosConnectOptions) => Promise<RosConnection>;

export interface ConnectionManagerOptions {
  connect?: Connector;
  maxConcurrentPerRouter?: number;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  /** Dead-router detection (RosConnectOptions.deadAfterMs / deadAfterTimeouts); client defaults when unset. */
  deadAfterMs?: number;
  deadAfterTimeouts?: number;
  /**
   * Text encoding per router (all of them are byte-lossless; 'win1252' shows Windows-1252 comments as WinBox
   * does). Default: the client's 'utf8-lossless'. A stored per-router choice plugs in here.
   */
  encodingFor?: (router: RouterRow) => WordEncoding | undefined;
  /** Reconnect back-off: first delay and cap. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface Link {
  tenantId: string;
  routerId: string;
  conn: RosConnection | null;
  connecting: Promise<RosConnection> | null;
  /** updatedAt of the router row the connection was opened with; a change reconnects. */
  configStamp: string;
  semaphore: Semaphore;
  failures: number;
  reconnectTimer: NodeJS.Timeout | null;
  closed: boolean;
}

/** Errors that mean the connection itself is gone (as opposed to a refused command). */
export function isConnectionLoss(e: unknown): boolean {
  return e instanceof RosConnectionError || e instanceof RosFatalError || e instanceof RosTlsError ||
    (e instanceof RosTimeoutError && e.stage !== 'command') ||
    (e instanceof RosOutcomeUnknownError && e.reason === 'connection-lost');
}

/**
 * One RouterOS connection per router, opened lazily and shared by every caller in the tenant; bounded
 * concurrency; reconnects with exponential back-off and jitter after a loss; closed when the tenant is
 * suspended or closed, or the router edited or removed.
 */
export class RouterConnectionManager {
  private readonly links = new Map<string, Link>();
  private readonly connect: Connector;
  /** The raw connector (tests inject one); used for one-off connections such as "Test connection". */
  get connector(): Connector {
    return this.connect;
  }
  private readonly opts: Required<Omit<ConnectionManagerOptions, 'connect' | 'deadAfterMs' | 'deadAfterTimeouts' | 'encodingFor'>>;
  private readonly liveness: Pick<ConnectionManagerOptions, 'deadAfterMs' | 'deadAfterTimeouts'>;
  private readonly encodingFor: (router: RouterRow) => WordEncoding | undefined;

  constructor(private readonly core: Core, options: ConnectionManagerOptions = {}) {
    this.connect = options.connect ?? connectRouterOs;
    this.opts = {
      maxConcurrentPerRouter: options.maxConcurrentPerRouter ?? 6,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? 30_000,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 60_000,
    };
    // Each router's saved choice unless a caller (tests) decides.
    this.encodingFor = options.encodingFor ?? ((r) => r.encoding);
    this.liveness = {
      ...(options.deadAfterMs !== undefined ? { deadAfterMs: options.deadAfterMs } : {}),
      ...(options.deadAfterTimeouts !== undefined ? { deadAfterTimeouts: options.deadAfterTimeouts } : {}),
    };
  }

  private key(tenantId: string, routerId: string): string {
    return `${tenantId}/${routerId}`;
  }

  private link(tenantId: string, routerId: string): Link {
    const k = this.key(tenantId, routerId);
    let l = this.links.get(k);
    if (!l) {
      l = { tenantId, routerId, conn: null, connecting: null, configStamp: '', semaphore: new Semaphore(this.opts.maxConcurrentPerRouter), failures: 0, reconnectTimer: null, closed: false };
      this.links.set(k, l);
    }
    return l;
  }

  /** Whether a live connection is open right now (for status screens and tests). */
  isConnected(tenantId: string, routerId: string): boolean {
    return this.links.get(this.key(tenantId, routerId))?.conn?.isOpen ?? false;
  }

  /**
   * Runs work on the router's shared connection. Connection failures reject with the RouterOS error
   * (callers turn it into a user message) and mark the router offline.
   */
  async run<T>(tenantId: string, routerId: string, work: (conn: RosConnection, router: RouterRow) => Promise<T>): Promise<T> {
    const router = await this.core.tenants.use(tenantId, (h) => mustFindRouter(h.db, routerId));
    const link = this.link(tenantId, routerId);
    const release = await link.semaphore.acquire();
    try {
      const conn = await this.connection(link, router);
      return await work(conn, router);
    } catch (e) {
      // The status is not decided here: a background reconnect (and the monitor) confirm before a router counts as down.
      if (isConnectionLoss(e)) {
        this.drop(link);
        this.scheduleReconnect(link);
      }
      throw e;
    } finally {
      release();
    }
  }

  /**
   * Opens a long-running stream (monitor-traffic, log follow) on the shared connection without holding a
   * concurrency slot for its whole life.
   */
  async openStream(tenantId: string, routerId: string, path: string, args: RosArgs): Promise<RosStream> {
    return this.run(tenantId, routerId, async (conn) => conn.stream(path, args));
  }

  private async connection(link: Link, router: RouterRow): Promise<RosConnection> {
    // A suspended or deleted tenant's routers are left alone, even by work that was already under way.
    if (!this.core.registry.isRunnable(link.tenantId)) throw new RosConnectionError('closed');
    if (link.conn?.isOpen && link.configStamp === router.updatedAt) return link.conn;
    if (link.conn && link.configStamp !== router.updatedAt) this.drop(link);
    if (!link.connecting) {
      link.closed = false;
      link.connecting = this.open(link, router).finally(() => {
        link.connecting = null;
      });
    }
    return link.connecting;
  }

  private async open(link: Link, router: RouterRow): Promise<RosConnection> {
    const password = await this.core.tenants.use(link.tenantId, (h) => readRouterPassword(h.db, this.core.secrets, router.id));
    const encoding = this.encodingFor(router);
    const conn = await this.connect({
      host: router.host,
      port: router.port,
      username: router.username,
      password,
      ...(router.useTls === 1 ? { tls: { pinnedSha256: router.tlsFingerprint } } : {}),
      connectTimeoutMs: this.opts.connectTimeoutMs,
      commandTimeoutMs: this.opts.commandTimeoutMs,
      keepaliveIntervalMs: this.opts.keepaliveIntervalMs,
      ...this.liveness,
      ...(encoding ? { encoding } : {}),
    });
    if (link.closed || !this.core.registry.isRunnable(link.tenantId)) {
      await conn.close().catch(() => undefined);
      throw new RosConnectionError('closed');
    }
    if (router.useTls === 1 && !router.tlsFingerprint && conn.tlsFingerprintSha256) {
      await this.pinOnFirstUse(link.tenantId, router, conn.tlsFingerprintSha256);
    }
    link.conn = conn;
    link.configStamp = router.updatedAt;
    link.failures = 0;
    conn.onClose((err) => {
      if (link.conn !== conn) return;
      link.conn = null;
      // Lost while the tenant is active: come back on our own, so status screens stay true.
      if (err && !link.closed) this.scheduleReconnect(link);
    });
    return conn;
  }

  /** Trust on first use: the first certificate seen for an API-SSL router is pinned and audited. */
  private async pinOnFirstUse(tenantId: string, router: RouterRow, fingerprint: string): Promise<void> {
    await this.core.tenants.use(tenantId, (h) =>
      h.db.transaction().execute(async (trx) => {
        await trx.updateTable('routers').set({ tlsFingerprint: fingerprint }).where('id', '=', router.id).where('tlsFingerprint', 'is', null).execute();
        await appendAudit(trx, this.core.clock, systemActor('system:router-connections'), {
          action: 'router.certificate-trusted', summary: `Pinned the API-SSL certificate of ${router.name} on first use`,
          targetType: 'router', targetId: router.id, details: { fingerprint },
        });
      }),
    );
    // Pinning is not a configuration change: keep the connection we just opened.
    const fresh = await this.core.tenants.use(tenantId, (h) => mustFindRouter(h.db, router.id));
    router.updatedAt = fresh.updatedAt;
  }

  private scheduleReconnect(link: Link): void {
    if (link.reconnectTimer || link.closed) return;
    link.failures += 1;
    const exp = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** Math.min(link.failures - 1, 10));
    const delay = exp / 2 + Math.random() * (exp / 2); // "equal jitter": spread retries of many routers
    link.reconnectTimer = setTimeout(() => {
      link.reconnectTimer = null;
      if (link.closed || !this.core.registry.isRunnable(link.tenantId)) return;
      void this.reconnect(link);
    }, delay);
    link.reconnectTimer.unref();
  }

  /** One reconnect attempt: success reports the router up; a second failure in a row reports it down. */
  private async reconnect(link: Link): Promise<void> {
    const at = this.core.clock.now();
    let router: RouterRow | undefined;
    try {
      await this.run(link.tenantId, link.routerId, async (conn, r) => {
        router = r;
        const [res] = await conn.print('/system/resource', { proplist: ['version', 'board-name'] });
        await recordOutcome(this.core, link.tenantId, r.id, { at, ok: true, info: { routerOsVersion: res?.version, boardName: res?.['board-name'] } });
      });
    } catch (e) {
      if (link.closed) return;
      router ??= await this.core.tenants.use(link.tenantId, (h) => mustFindRouter(h.db, link.routerId)).catch(() => undefined);
      if (!router) return;
      if (link.failures >= 2) {
        const wasOnline = router.rosVersion !== null;
        await recordOutcome(this.core, link.tenantId, router.id, { at, ok: false, error: explainRouterError(e, { host: router.host, port: router.port, useTls: router.useTls === 1 }, { wasOnline }) });
      }
      // run() already scheduled the next attempt when the connection itself failed.
      if (!isConnectionLoss(e)) this.scheduleReconnect(link);
    }
  }

  private drop(link: Link): void {
    const conn = link.conn;
    link.conn = null;
    if (conn) void conn.close().catch(() => undefined);
  }

  private stop(link: Link): void {
    link.closed = true;
    if (link.reconnectTimer) clearTimeout(link.reconnectTimer);
    link.reconnectTimer = null;
    this.drop(link);
    this.links.delete(this.key(link.tenantId, link.routerId));
  }

  closeRouter(tenantId: string, routerId: string): void {
    const l = this.links.get(this.key(tenantId, routerId));
    if (l) this.stop(l);
  }

  closeTenant(tenantId: string): void {
    for (const l of [...this.links.values()]) if (l.tenantId === tenantId) this.stop(l);
  }

  closeAll(): void {
    for (const l of [...this.links.values()]) this.stop(l);
  }

  openCount(tenantId?: string): number {
    return [...this.links.values()].filter((l) => (!tenantId || l.tenantId === tenantId) && l.conn?.isOpen).length;
  }
}
