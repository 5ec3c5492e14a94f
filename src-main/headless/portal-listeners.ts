/**
 * One small HTTP listener per LAN address:port that an enabled tenant's portal settings name, serving only
 * the portal routes (portal-route.ts). Re-read when portal settings change or a tenant starts or stops; an
 * address this PC does not have is logged and skipped (the settings screen shows the base URL to test).
 */
import { createServer, type Server } from 'node:http';
import type { Core } from '../core/context';
import type { Logger } from '../core/ports';
import { portalOf } from '../core/hotspot-portal/runtime';
import { BodyGate, newBodyStats } from './request-body';
import { handlePortal, portalRouteOf, PortalRateLimiter } from './portal-route';

export interface PortalListeners {
  /** `address:port` of each listener now open. */
  open(): string[];
  /** Waits until the listeners match the settings (tests call it after changing them). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export function startPortalListeners(core: Core, log: Logger): PortalListeners {
  const servers = new Map<string, Server>();
  const gate = new BodyGate(4, 16, newBodyStats());
  const limiter = new PortalRateLimiter(() => core.clock.now().getTime());
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  const listen = (address: string, port: number): Promise<Server | null> => {
    const bound = { address, port };
    const server = createServer((req, res) => {
      const route = portalRouteOf(req.url ?? '/');
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      handlePortal({ core, gate, limiter, bound }, route, req, res).catch((e: unknown) => {
        log.error('portal request failed', { error: e });
        if (!res.headersSent) res.writeHead(500, { 'access-control-allow-origin': '*' }).end();
      });
    });
    server.keepAliveTimeout = 5_000;
    return new Promise((resolve) => {
      server.once('error', (e) => {
        log.warn('portal listener could not open', { address, port, error: e });
        resolve(null);
      });
      server.listen(port, address, () => resolve(server));
    });
  };

  const reconcile = async () => {
    if (closed) return;
    const want = new Map((await portalOf(core).endpoints()).map((e) => [`${e.address}:${e.port}`, e]));
    for (const [key, server] of servers) {
      if (want.has(key)) continue;
      servers.delete(key);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
    for (const [key, e] of want) {
      if (servers.has(key) || closed) continue;
      const server = await listen(e.address, e.port);
      if (server) servers.set(key, server);
    }
  };
  const refresh = () => {
    running = running.then(reconcile).catch((e: unknown) => log.warn('portal listeners not refreshed', { error: e }));
    return running;
  };
  const unsubscribe = portalOf(core).onChange(() => void refresh());
  void refresh();

  return {
    open: () => [...servers.keys()],
    refresh,
    async close() {
      closed = true;
      unsubscribe();
      await running;
      for (const server of servers.values()) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
      servers.clear();
    },
  };
}
