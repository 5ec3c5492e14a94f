/**
 * Issue 7 §1, last bullet: every strict simulator rule checked through OUR client (connectRouterOs) on
 * RouterOS 6.49 and 7.18 — simulator-strict.test.ts asserts the raw wire words and conformance.test.ts runs
 * the rules node-routeros can express in 7.17 mode; this file is what the product's client sees on the two
 * ends of the version range (bare `!done` vs `!empty`, v6 vs ISO dates, no `/file/read` on v6).
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RosTrapError, connectRouterOs, type RosConnection } from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'through-client-1', group: 'full' };
const START = new Date('2026-01-02T07:00:00Z');
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function boot(version: string, extra: Partial<SimulatorOptions> = {}): Promise<{ sim: RouterSimulator; ros: RosConnection }> {
  const sim = await startRouterSimulator({ version, users: [ADMIN], clock: 'virtual', startTime: START, randomSeed: 7, ...extra });
  cleanups.push(() => sim.stop());
  const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
  cleanups.push(() => ros.close());
  return { sim, ros };
}

/** The trap our client rejects with, as `{ message, category }` (fails the test if it resolved). */
async function trapOf(p: Promise<unknown>): Promise<{ message: string; category: number | null }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RosTrapError);
  const t = err as RosTrapError;
  return { message: t.trapMessage, category: t.category };
}

describe.each(['6.49.17', '7.18.2'])('strict rules through our client on RouterOS %s', (version) => {
  const v6 = version.startsWith('6');

  it('/export answers no data; /export file= is read back from /file (whole, or with /file/read where it exists)', async () => {
    const { sim, ros } = await boot(version);
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p' });
    const bare = await ros.command('/export');
    expect(bare).toMatchObject({ rows: [], empty: true });
    expect(bare.ret).toBeUndefined();
    expect((await ros.command('/export', { attributes: { file: 'conf' } })).rows).toEqual([]);
    const [file] = await ros.print('/file', { where: { name: 'conf.rsc' }, proplist: ['type', 'contents'] });
    expect(file?.type).toBe('script');
    expect(file?.contents).toContain('/ppp secret\nadd name=acc1');
    const read = ros.command('/file/read', { attributes: { file: 'conf.rsc', 'chunk-size': 11, offset: 0 } });
    if (v6) expect(await trapOf(read)).toMatchObject({ message: 'no such command' });
    else expect((await read).rows).toEqual([{ data: file!.contents!.slice(0, 11) }]);
  });

  it('scheduler dates in this version’s form only; impossible times trap with the router’s text (category 1)', async () => {
    const { ros } = await boot(version);
    const [own, other] = v6 ? ['jan/02/2026', '2026-01-02'] : ['2026-01-02', 'jan/02/2026'];
    const id = await ros.add('/system/scheduler', { name: 'a', 'start-date': own, 'start-time': '8:05', interval: '1d', 'on-event': ':log info "a"' });
    expect(await ros.print('/system/scheduler', { where: { '.id': id }, proplist: ['start-date', 'start-time', 'invalid'] })).toEqual([
      { 'start-date': own, 'start-time': '08:05:00', invalid: 'false' },
    ]);
    expect(await trapOf(ros.add('/system/scheduler', { name: 'b', 'start-date': other }))).toEqual({ message: 'invalid value for argument start-date', category: 1 });
    expect(await trapOf(ros.add('/system/scheduler', { name: 'c', 'start-time': '25:99' }))).toEqual({ message: 'invalid value for argument start-time', category: 1 });
  });

  it('a scheduler runs a script only with its own policy; an on-event that does not parse is invalid and runs nothing', async () => {
    const { sim, ros } = await boot(version);
    await ros.add('/ppp/secret', { name: 'acc1', password: 'p' });
    await ros.add('/system/script', { name: 'cut', policy: 'read,write', source: '/ppp secret disable [find name="acc1"]' });
    await ros.add('/system/scheduler', { name: 'weak', 'start-time': 'startup', policy: 'read', 'on-event': 'cut' });
    await ros.add('/system/scheduler', { name: 'half', 'start-time': 'startup', 'on-event': '/ppp secret disable [find name="acc1"]\n/frob nicate' });
    expect((await ros.print('/system/scheduler', { proplist: ['name', 'invalid'] })).map((r) => [r.name, r.invalid])).toEqual([
      ['weak', 'false'],
      ['half', 'true'],
    ]);
    sim.reboot({ downMs: 1_000 });
    sim.clock.advance(5_000);
    const ros2 = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    cleanups.push(() => ros2.close());
    expect(await ros2.print('/ppp/secret', { where: { name: 'acc1' }, proplist: ['disabled'] })).toEqual([{ disabled: 'false' }]);
    await ros2.add('/system/scheduler', { name: 'strong', 'start-time': 'startup', policy: 'read,write', 'on-event': 'cut' });
    sim.reboot({ downMs: 1_000 });
    sim.clock.advance(5_000);
    const ros3 = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    cleanups.push(() => ros3.close());
    expect(await ros3.print('/ppp/secret', { where: { name: 'acc1' }, proplist: ['disabled'] })).toEqual([{ disabled: 'true' }]);
  });

  it('policy takes only the script policies and prints them in the router’s order', async () => {
    const { ros } = await boot(version);
    const id = await ros.add('/system/script', { name: 's', source: ':log info "s"', policy: 'write,test,read' });
    expect(await ros.print('/system/script', { where: { '.id': id }, proplist: ['policy'] })).toEqual([{ policy: 'read,write,test' }]);
    expect(await trapOf(ros.add('/system/script', { name: 't', policy: 'read,wirte' }))).toEqual({ message: 'input does not match any value of policy', category: 1 });
    expect(await trapOf(ros.add('/system/scheduler', { name: 'u', policy: 'read,api' }))).toEqual({ message: 'input does not match any value of policy', category: 1 });
    expect(await trapOf(ros.set('/system/script', id, { policy: 'frob' }))).toEqual({ message: 'input does not match any value of policy', category: 1 });
    expect(await ros.print('/system/script', { proplist: ['name', 'policy'] })).toEqual([{ name: 's', policy: 'read,write,test' }]);
  });

  it('address lists: ranges normalise, timeout entries are dynamic, a session’s profile list blocks a static duplicate', async () => {
    const { sim, ros } = await boot(version);
    await ros.add('/ip/firewall/address-list', { list: 'r', address: '10.9.0.0-10.9.0.255' });
    await ros.add('/ip/firewall/address-list', { list: 'r', address: '10.9.1.7-10.9.1.7' });
    await ros.add('/ip/firewall/address-list', { list: 't', address: '10.9.3.3', timeout: '1h' });
    expect(await trapOf(ros.add('/ip/firewall/address-list', { list: 't', address: '10.9.3.3' }))).toMatchObject({ message: 'failure: already have such entry' });
    await ros.add('/ip/pool', { name: 'p', ranges: '10.20.0.2-10.20.0.9' });
    await ros.add('/ppp/profile', { name: 'expired', 'remote-address': 'p', 'address-list': 'isolir' });
    await ros.add('/ppp/secret', { name: 'acc1', password: 'p', profile: 'expired' });
    expect(sim.connectPpp('acc1', 'p').ok).toBe(true);
    expect(await trapOf(ros.add('/ip/firewall/address-list', { list: 'isolir', address: '10.20.0.2' }))).toMatchObject({ message: 'failure: already have such entry' });
    expect(await ros.print('/ip/firewall/address-list', { proplist: ['list', 'address', 'dynamic'] })).toEqual([
      { list: 'r', address: '10.9.0.0/24', dynamic: 'false' },
      { list: 'r', address: '10.9.1.7', dynamic: 'false' },
      { list: 't', address: '10.9.3.3', dynamic: 'true' },
      { list: 'isolir', address: '10.20.0.2', dynamic: 'true' },
    ]);
  });

  it('hotspot: active/login logs a known host in, reset-counters restarts a user’s uptime', async () => {
    const { sim, ros } = await boot(version);
    await ros.add('/ip/hotspot/user', { name: 'v1', password: 'v1', 'limit-uptime': '1h' });
    sim.state.menu('/ip/hotspot/host').add({ 'mac-address': 'AA:00:00:00:00:77', address: '10.5.50.77', 'to-address': '10.5.50.77', server: 'hotspot1' });
    expect(await trapOf(ros.command('/ip/hotspot/active/login', { attributes: { user: 'v1', password: 'v1', ip: '10.5.50.78' } }))).toMatchObject({
      message: 'unknown host IP 10.5.50.78',
    });
    await ros.command('/ip/hotspot/active/login', { attributes: { user: 'v1', password: 'v1', ip: '10.5.50.77', 'mac-address': 'AA:00:00:00:00:77' } });
    expect(await ros.print('/ip/hotspot/active', { proplist: ['user', 'address'] })).toEqual([{ user: 'v1', address: '10.5.50.77' }]);
    sim.clock.advance(40 * 60_000);
    await ros.command('/ip/hotspot/user/reset-counters', { attributes: { numbers: 'v1' } });
    expect(await ros.print('/ip/hotspot/user', { where: { name: 'v1' }, proplist: ['uptime'] })).toEqual([{ uptime: '0s' }]);
  });

  it('a Windows-1252 comment read and written back through our client keeps its bytes', async () => {
    const { sim, ros } = await boot(version);
    const cafe = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]); // "Café €" in Windows-1252, not UTF-8
    const id = sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p', comment: cafe });
    const [row] = await ros.print('/ppp/secret', { where: { '.id': id }, proplist: ['.id', 'comment', 'disabled'] });
    await ros.set('/ppp/secret', id, { comment: row!.comment!, disabled: true });
    expect(sim.state.menu('/ppp/secret').rawBytes(id, 'comment')).toEqual(cafe);
    expect(sim.state.menu('/ppp/secret').get(id)?.disabled).toBe('true');
  });

  it('/tool/fetch over the API returns the body with output=user', async () => {
    const server: Server = createServer((req, res) => res.end(`hello ${req.method}`));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => void server.close());
    const { ros } = await boot(version, { clock: 'real' });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const res = await ros.command('/tool/fetch', { attributes: { url, output: 'user', 'http-method': 'post', 'http-data': 'x=1' } });
    expect(res.rows).toEqual([expect.objectContaining({ status: 'finished', data: 'hello POST' })]);
    expect(await trapOf(ros.command('/tool/fetch'))).toEqual({ message: 'missing value(s) of argument(s) url', category: 1 });
  });
});

describe('the date boundary: 7.9 is the last version with jan/02/2026, 7.10 the first with ISO dates', () => {
  it.each([
    ['7.9.2', 'jan/02/2026', '2026-01-02'],
    ['7.10.2', '2026-01-02', 'jan/02/2026'],
  ])('%s takes and prints %s and refuses %s', async (version, own, other) => {
    const { ros } = await boot(version);
    const id = await ros.add('/system/scheduler', { name: 'a', 'start-date': own, 'start-time': '00:00:00', 'on-event': ':log info "a"' });
    expect(await ros.print('/system/scheduler', { where: { '.id': id }, proplist: ['start-date'] })).toEqual([{ 'start-date': own }]);
    expect(await trapOf(ros.add('/system/scheduler', { name: 'b', 'start-date': other }))).toEqual({ message: 'invalid value for argument start-date', category: 1 });
  });
});

describe('add answered without =ret= (option addWithoutRet), through our client', () => {
  it('finds the new item even when the router normalised the value it is looked up by, and picks the newest', async () => {
    const { sim, ros } = await boot('7.18.2', { addWithoutRet: ['/ip/firewall/address-list', '/ip/firewall/filter'] });
    // Stored as 10.9.0.0/24 and 10.9.1.1: a lookup by the address as written would find nothing.
    const range = await ros.add('/ip/firewall/address-list', { list: 'l', address: '10.9.0.0-10.9.0.255' });
    const host = await ros.add('/ip/firewall/address-list', { list: 'l', address: '10.9.1.1/32' });
    expect(sim.state.menu('/ip/firewall/address-list').get(range)?.address).toBe('10.9.0.0/24');
    expect(sim.state.menu('/ip/firewall/address-list').get(host)?.address).toBe('10.9.1.1');
    // A rule placed before an older one with the same comment: the newest item, not the last row printed.
    const older = await ros.add('/ip/firewall/filter', { chain: 'forward', action: 'accept', comment: 'ispdesk:fw' });
    const newer = await ros.add('/ip/firewall/filter', { chain: 'forward', action: 'drop', comment: 'ispdesk:fw', 'place-before': older });
    expect(newer).not.toBe(older);
    expect(sim.state.menu('/ip/firewall/filter').get(newer)?.action).toBe('drop');
  });
});
