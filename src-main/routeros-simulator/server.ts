/** startRouterSimulator: plain API (and optional API-SSL) listeners around one SimRouter. */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { toByteString } from './bytes';
import { ApiConnection } from './connection';
import { FaultState } from './faults';
import { SimRouter } from './router';
import { seedDemoRouter } from './seed-demo';
import { seedMinimal } from './seed-minimal';
import { generateSelfSignedCert, type SelfSignedCert } from './tls-cert';
import type { RouterSimulator, SimFaults, SimUser, SimulatorOptions } from './types';

function listen(server: Server | TlsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function closeServer(server: Server | TlsServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startRouterSimulator(opts: SimulatorOptions = {}): Promise<RouterSimulator> {
  const host = opts.host ?? '127.0.0.1';
  const users: SimUser[] = opts.users?.map((u) => ({ ...u })) ?? [{ name: 'admin', password: randomBytes(12).toString('base64url'), group: 'full' }];
  const faults = new FaultState();
  const connections = new Set<ApiConnection>();
  let apiPort = 0;
  let tlsPort: number | null = null;
  let commandsServed = 0;
  let cert: SelfSignedCert | null = opts.tls ? generateSelfSignedCert('routeros-simulator', [host]) : null;

  const router = new SimRouter({
    version: opts.version ?? '7.16.2',
    clock: opts.clock ?? 'real',
    startTime: opts.startTime,
    boardName: opts.boardName ?? (opts.seed === 'demo' ? (opts.demoVariant === 'branch' ? 'RB4011iGS+' : 'CCR2004-16G-2S+') : 'RB4011iGS+'),
    randomSeed: opts.randomSeed,
    pppKickReason: opts.pppKickReason ?? 'nas-request',
    addWithoutRet: opts.addWithoutRet,
    fileReadSince: opts.fileReadSince,
    ntp: opts.ntp,
    gmtOffsetMinutes: opts.gmtOffsetMinutes,
    // A demo router has been up for a while, so sessions and counters look lived-in.
    uptimeMs: opts.seed === 'demo' ? 12 * 86_400_000 + 4 * 3_600_000 + 17 * 60_000 : 0,
    apiPort: () => apiPort,
    apiSslPort: () => tlsPort,
  });

  const onSocket = (socket: Socket): void => {
    const conn = new ApiConnection(socket, {
      core: router,
      engine: router.engine,
      faults,
      loginMode: opts.loginMode ?? 'modern',
      countCommand: () => {
        commandsServed++;
      },
      onClose: (c) => connections.delete(c),
    });
    connections.add(conn);
  };

  const plain = createServer(onSocket);
  apiPort = await listen(plain, opts.port ?? 0, host);
  let secure: TlsServer | null = null;
  if (cert) {
    secure = createTlsServer({ cert: cert.certPem, key: cert.keyPem, minVersion: 'TLSv1.2' }, onSocket);
    tlsPort = await listen(secure, opts.tlsPort ?? 0, host);
  }

  seedMinimal(router, { identity: opts.identity, users, groups: opts.groups, apiPort, apiSslPort: tlsPort });
  if (opts.seed === 'demo') {
    seedDemoRouter(router.state, { variant: opts.demoVariant ?? 'core', randomSeed: router.settings.seed, identity: opts.identity });
  }

  let stopped = false;
  const sim: RouterSimulator = {
    host,
    get port() {
      return apiPort;
    },
    get tlsPort() {
      return tlsPort;
    },
    get tlsFingerprintSha256() {
      return cert?.fingerprint256 ?? null;
    },
    get tlsCertificatePem() {
      return cert?.certPem ?? null;
    },
    version: router.version.text,
    users,
    clock: {
      now: () => router.clock.now(),
      advance: (ms: number) => router.clock.advance(ms),
    },
    faults: {
      set: (f: Partial<SimFaults>) => faults.set(f),
      clear: () => faults.clear(),
      get current() {
        return { ...faults.current };
      },
    },
    state: router.state,
    connectPpp: (name, password, o) => router.ppp.connect(toByteString(name), toByteString(password), o),
    disconnectPpp: (name, reason) => router.ppp.disconnect(toByteString(name), reason),
    loginHotspot: (user, password, o) => router.hotspot.login(toByteString(user), toByteString(password), o),
    setHostReachable: (address, reachable) => router.network.setReachable(address, reachable),
    reboot: (o) => {
      for (const c of [...connections]) c.destroy();
      router.reboot(o?.downMs ?? 0, { bootClock: o?.bootClock, ntpSyncAfterMs: o?.ntpSyncAfterMs });
    },
    routerClock: {
      now: () => new Date(router.wall.nowMs()),
      jump: (ms) => router.wall.jump(ms),
      syncNtp: () => router.wall.syncNow(),
      unsyncNtp: () => router.wall.unsync(),
      get ntpSynced() {
        return router.wall.synced;
      },
      setGmtOffsetMinutes: (m) => {
        router.dateStyle.offsetMinutes = m;
      },
    },
    setScriptGlobal: (name, value) => {
      if (value === null) router.scripts.globals.delete(name);
      else router.scripts.globals.set(name, typeof value === 'number' ? { t: 'num', v: value } : { t: 'str', v: value });
    },
    get openConnections() {
      return connections.size;
    },
    get commandsServed() {
      return commandsServed;
    },
    get scriptErrors() {
      return router.scripts.errors;
    },
    regenerateCertificate: () => {
      if (!secure) throw new Error('simulator was started without tls');
      cert = generateSelfSignedCert('routeros-simulator', [host]);
      secure.setSecureContext({ cert: cert.certPem, key: cert.keyPem, minVersion: 'TLSv1.2' });
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      router.clock.stop();
      for (const c of [...connections]) c.destroy();
      await Promise.all([closeServer(plain), ...(secure ? [closeServer(secure)] : [])]);
    },
  };
  return sim;
}
