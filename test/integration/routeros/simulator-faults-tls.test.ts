import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'fault-pass', group: 'full' };

describe('simulator fault injection', () => {
  let sim: RouterSimulator;
  let c: RawApiClient;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: [ADMIN] });
    c = await RawApiClient.connect(sim.port);
    await c.login(ADMIN.name, ADMIN.password);
  });
  afterEach(async () => {
    c.close();
    await sim.stop();
  });

  it('stalls: accepts bytes and never answers until cleared', async () => {
    sim.faults.set({ stall: true });
    await c.send(['/system/identity/print', '.tag=s']);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.ofTag('s')).toEqual([]);
    expect(c.isOpen).toBe(true);
    sim.faults.clear();
    expect(await c.command(['/system/identity/print'], 't')).toHaveLength(2);
  });

  it('drops the connection without a reply after N more commands, having applied the last one', async () => {
    sim.faults.set({ dropAfterCommands: 1 });
    expect(await c.call(['/system/identity/print'])).toHaveLength(2);
    const before = c.received.length;
    await c.send(['/ppp/secret/add', '=name=ghost', '=password=x']);
    await c.closed;
    expect(c.received.length).toBe(before);
    expect(sim.state.menu('/ppp/secret').find({ name: 'ghost' })).toBeDefined();
  });

  it('delays replies by latencyMs', async () => {
    sim.faults.set({ latencyMs: 150 });
    const t0 = Date.now();
    await c.call(['/system/identity/print']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('refuses every login while refuseLogin is set', async () => {
    sim.faults.set({ refuseLogin: true });
    const c2 = await RawApiClient.connect(sim.port);
    expect(await c2.login(ADMIN.name, ADMIN.password)).toEqual([['!trap', '=message=invalid user name or password (6)'], ['!done']]);
    c2.close();
  });

  it('traps a configured path without executing it', async () => {
    sim.faults.set({ trapOnPath: { path: '/ppp/secret/add', message: 'failure: simulated', category: 4 } });
    const r = await c.command(['/ppp/secret/add', '=name=z'], 'f');
    expect(r).toEqual([['!trap', '.tag=f', '=category=4', '=message=failure: simulated'], ['!done', '.tag=f']]);
    expect(sim.state.menu('/ppp/secret').count).toBe(0);
  });

  it('reports open connections and commands served', async () => {
    expect(sim.openConnections).toBe(1);
    const before = sim.commandsServed;
    await c.call(['/system/identity/print']);
    expect(sim.commandsServed).toBe(before + 1);
  });
});

describe('simulator API-SSL listener', () => {
  it('serves the API over TLS with the advertised certificate fingerprint, and regenerates it', async () => {
    const sim = await startRouterSimulator({ users: [ADMIN], tls: true });
    try {
      expect(sim.tlsPort).toBeGreaterThan(0);
      expect(sim.tlsFingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      const c = await RawApiClient.connect(sim.tlsPort!, { tls: { rejectUnauthorized: false } });
      const cert = (c.socket as TLSSocket).getPeerCertificate();
      expect(cert.fingerprint256).toBe(sim.tlsFingerprintSha256);
      expect(await c.login(ADMIN.name, ADMIN.password)).toEqual([['!done']]);
      c.close();
      const old = sim.tlsFingerprintSha256;
      sim.regenerateCertificate();
      expect(sim.tlsFingerprintSha256).not.toBe(old);
      expect(new X509Certificate(sim.tlsCertificatePem!).fingerprint256).toBe(sim.tlsFingerprintSha256);
      const c2 = await RawApiClient.connect(sim.tlsPort!, { tls: { rejectUnauthorized: false } });
      expect((c2.socket as TLSSocket).getPeerCertificate().fingerprint256).toBe(sim.tlsFingerprintSha256);
      c2.close();
    } finally {
      await sim.stop();
    }
  });
});
