/** ISP Desk's RouterOS client against the simulator's API-SSL: trust on first use and pinning. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosTlsError, connectRouterOs, type RosConnection } from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'secret', group: 'full' };

describe('API-SSL against the simulator', () => {
  let sim: RouterSimulator;
  const conns: RosConnection[] = [];

  beforeEach(async () => {
    sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.16.2', users: [ADMIN], tls: true });
  });

  afterEach(async () => {
    await Promise.all(conns.splice(0).map((c) => c.close()));
    await sim.stop();
  });

  const connect = async (pinnedSha256: string | null): Promise<RosConnection> => {
    const c = await connectRouterOs({
      host: sim.host,
      port: sim.tlsPort!,
      username: ADMIN.name,
      password: ADMIN.password,
      tls: { pinnedSha256 },
      keepaliveIntervalMs: 0,
    });
    conns.push(c);
    return c;
  };

  const apiLogins = (): number =>
    sim.state.menu('/log').all().filter((r) => /logged in .* via api|login failure .* via api/.test(r.message ?? '')).length;

  it('trust on first use: connects and exposes the certificate fingerprint', async () => {
    const ros = await connect(null);
    expect(ros.tlsFingerprintSha256).toBe(sim.tlsFingerprintSha256);
    expect(ros.port).toBe(sim.tlsPort);
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('connects with the pinned fingerprint', async () => {
    const tofu = await connect(null);
    const pinned = await connect(tofu.tlsFingerprintSha256);
    expect(pinned.loginMethod).toBe('plain');
    expect(await pinned.print('/system/resource', { proplist: ['version'] })).toEqual([{ version: expect.stringContaining('7.16.2') }]);
  });

  it('after the router certificate changes, the old pin → RosTlsError pin-mismatch and no credentials are sent', async () => {
    const oldFingerprint = sim.tlsFingerprintSha256!;
    sim.regenerateCertificate();
    expect(sim.tlsFingerprintSha256).not.toBe(oldFingerprint);
    const loginsBefore = apiLogins();
    const err = await connect(oldFingerprint).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTlsError);
    expect(err).toMatchObject({ code: 'TLS', reason: 'pin-mismatch', expected: oldFingerprint, actual: sim.tlsFingerprintSha256 });
    await new Promise((r) => setTimeout(r, 50));
    expect(apiLogins()).toBe(loginsBefore);
    expect(sim.openConnections).toBe(0);
    // trusting the new certificate works
    const ros = await connect(sim.tlsFingerprintSha256);
    expect(ros.isOpen).toBe(true);
  });
});
