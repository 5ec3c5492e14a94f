/**
 * Issue 7 §1: the simulator refuses what RouterOS refuses, per version (6.49, 7.x, 7.18+). Raw API words
 * (RawApiClient) so what is asserted is exactly what goes over the wire; our client where it matters.
 */
import { createServer, type Server } from 'node:http';
import { connect as netConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouterOs } from '../../../src-main/core/routeros/client';
import { SentenceDecoder, encodeSentence } from '../../../src-main/core/routeros/codec/word-codec';
import { startRouterSimulator, type RouterSimulator, type SimulatorOptions } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const ADMIN = { name: 'admin', password: 'strict-pass', group: 'full' };
const START = new Date('2026-01-02T07:00:00Z');
const opened: Array<{ stop(): Promise<void> } | { close(): void }> = [];

afterEach(async () => {
  for (const o of opened.splice(0)) {
    if ('stop' in o) await o.stop();
    else o.close();
  }
});

async function boot(version: string, extra: Partial<SimulatorOptions> = {}): Promise<{ sim: RouterSimulator; c: RawApiClient }> {
  const sim = await startRouterSimulator({ version, users: [ADMIN], clock: 'virtual', startTime: START, randomSeed: 5, ...extra });
  opened.push(sim);
  const c = await RawApiClient.connect(sim.port);
  opened.push(c);
  await c.login(ADMIN.name, ADMIN.password);
  return { sim, c };
}

describe.each(['6.49.17', '7.16.2', '7.18.2'])('RouterOS %s', (version) => {
  const v6 = version.startsWith('6');

  it('/export and <menu>/export answer a bare !done; file= writes the .rsc', async () => {
    const { sim, c } = await boot(version);
    expect(await c.call(['/export'])).toEqual([['!done']]);
    expect(await c.call(['/ppp/secret/export'])).toEqual([['!done']]);
    expect(await c.call(['/ppp/secret/export', '=file=secrets'])).toEqual([['!done']]);
    expect(sim.state.menu('/file').find({ name: 'secrets.rsc' })).toMatchObject({ type: 'script' });
    // v6 has hide-sensitive and no show-sensitive; v7 the other way round.
    const wrongFlag = v6 ? '=show-sensitive=' : '=verbose-secrets=';
    expect((await c.call(['/export', wrongFlag]))[0]).toEqual(['!trap', `=message=unknown parameter ${wrongFlag.slice(1, -1)}`]);
  });

  it(`caps /file contents (${v6 ? '4095 bytes' : '60 000 bytes'}) and reads bigger files with /file/read only where it exists`, async () => {
    const { sim, c } = await boot(version);
    const cap = v6 ? 4095 : 60_000;
    sim.state.menu('/file').add({ name: 'small.txt', type: 'file', contents: 'x'.repeat(cap) });
    sim.state.menu('/file').add({ name: 'big.txt', type: 'file', contents: 'y'.repeat(cap + 1) });
    const rows = (await c.call(['/file/print', '=.proplist=name,size,contents', '?type=file'])).filter((r) => r[0] === '!re').map(attrsOf);
    expect(rows.find((r) => r.name === 'small.txt')?.contents).toHaveLength(cap);
    expect(rows.find((r) => r.name === 'big.txt')).toEqual({ name: 'big.txt', size: String(cap + 1) });
    const read = await c.call(['/file/read', '=file=big.txt', '=chunk-size=32768', `=offset=${cap - 2}`]);
    if (v6) expect(read).toEqual([['!trap', '=message=no such command'], ['!done']]);
    else expect(read).toEqual([['!re', '=data=yyy'], ['!done']]);
  });

  it('validates and prints scheduler start-date/start-time in this version’s form', async () => {
    const { sim, c } = await boot(version);
    const [own, other] = v6 ? ['jan/02/2026', '2026-01-02'] : ['2026-01-02', 'jan/02/2026'];
    expect((await c.call(['/system/scheduler/add', '=name=a', `=start-date=${own}`, '=start-time=7:30', '=on-event=:log info "a"']))[0]![0]).toBe('!done');
    expect(sim.state.menu('/system/scheduler').find({ name: 'a' })).toMatchObject({ 'start-date': own, 'start-time': '07:30:00' });
    for (const [arg, value] of [['start-date', other], ['start-time', '25:99'], ['start-date', v6 ? 'feb/30/2026' : '2026-02-30'], ['start-time', '12:60:00']] as const) {
      expect(await c.call(['/system/scheduler/add', `=name=x${value}`, `=${arg}=${value}`])).toEqual([['!trap', '=category=1', `=message=invalid value for argument ${arg}`], ['!done']]);
    }
    // The default start date is today, in this version's form.
    await c.call(['/system/scheduler/add', '=name=b', '=on-event=:log info "b"']);
    expect(sim.state.menu('/system/scheduler').find({ name: 'b' })?.['start-date']).toBe(own);
  });

  it('runs a scheduled script only with the scheduler’s policy; an unparseable on-event is invalid and runs nothing', async () => {
    const { sim } = await boot(version);
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p' });
    sim.state.menu('/system/script').add({ name: 'cut', policy: 'read,write', source: '/ppp secret disable [find name="acc1"]' });
    sim.state.menu('/system/scheduler').add({ name: 'weak', 'start-time': '10:00:05', policy: 'read', 'on-event': 'cut' });
    sim.state.menu('/system/scheduler').add({ name: 'half', 'start-time': '10:00:05', 'on-event': '/ppp secret disable [find name="acc1"]\n/frob nicate' });
    expect(sim.state.menu('/system/scheduler').find({ name: 'half' })?.invalid).toBe('true');
    expect(sim.state.menu('/system/scheduler').find({ name: 'weak' })?.invalid).toBe('false');
    sim.clock.advance(5_000);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })?.disabled).toBe('false');
    const errors = sim.state.menu('/log').filter({ topics: 'script,error' }).map((l) => l.message);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('not enough permissions (scheduler weak)'), expect.stringContaining('bad command name nicate')]));
    // With the policy it needs, the same script runs.
    sim.state.menu('/system/scheduler').add({ name: 'strong', 'start-time': '10:00:10', policy: 'read,write', 'on-event': 'cut' });
    sim.clock.advance(5_000);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })?.disabled).toBe('true');
  });

  it('adds a dynamic address-list entry for PPP and hotspot sessions whose profile names a list', async () => {
    const { sim, c } = await boot(version);
    sim.state.menu('/ip/pool').add({ name: 'p', ranges: '10.20.0.2-10.20.0.9' });
    sim.state.menu('/ppp/profile').add({ name: 'expired', 'remote-address': 'p', 'address-list': 'isolir' });
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p', profile: 'expired' });
    sim.state.menu('/ip/hotspot/user/profile').add({ name: 'hs', 'address-list': 'hs-users' });
    sim.state.menu('/ip/hotspot/user').add({ name: 'v1', password: 'v1', profile: 'hs' });
    expect(sim.connectPpp('acc1', 'p').ok).toBe(true);
    expect(sim.loginHotspot('v1', 'v1', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.7' }).ok).toBe(true);
    const lists = (): Array<[string | undefined, string | undefined, string | undefined]> => sim.state.menu('/ip/firewall/address-list').all().map((e) => [e.list, e.address, e.dynamic]);
    expect(lists()).toEqual([['isolir', '10.20.0.2', 'true'], ['hs-users', '10.5.50.7', 'true']]);
    expect(await c.call(['/ip/firewall/address-list/add', '=list=isolir', '=address=10.20.0.2'])).toEqual([['!trap', '=message=failure: already have such entry'], ['!done']]);
    sim.disconnectPpp('acc1');
    expect(lists()).toEqual([['hs-users', '10.5.50.7', 'true']]);
  });

  it('reboot fault: timeouts and sessions gone, run-count reset, startup schedulers fire, uptime restarts', async () => {
    const { sim, c } = await boot(version);
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'p' });
    sim.connectPpp('acc1', 'p');
    sim.state.menu('/ip/firewall/address-list').add({ list: 'keep', address: '10.1.1.1' });
    await c.call(['/ip/firewall/address-list/add', '=list=temp', '=address=10.1.1.2', '=timeout=1d']);
    sim.state.menu('/system/scheduler').add({ name: 'tick', 'start-time': 'startup', interval: '1m', 'on-event': ':log info "tick"' });
    sim.state.menu('/system/scheduler').add({ name: 'boot', 'start-time': 'startup', interval: '0s', 'on-event': ':log info "booted"' });
    sim.clock.advance(10 * 60_000);
    expect(Number(sim.state.menu('/system/scheduler').find({ name: 'tick' })?.['run-count'])).toBeGreaterThan(0);
    sim.reboot({ downMs: 60_000 });
    await c.closed;
    expect(sim.state.menu('/ppp/active').count).toBe(0);
    expect(sim.state.menu('/ppp/secret').find({ name: 'acc1' })?.['last-disconnect-reason']).toBe('reboot');
    expect(sim.state.menu('/ip/firewall/address-list').all().map((e) => e.list)).toEqual(['keep']);
    expect(sim.state.menu('/system/scheduler').find({ name: 'tick' })?.['run-count']).toBe('0');
    expect(sim.state.singleton('/system/resource').get().uptime).toBe('0s');
    sim.clock.advance(3_000);
    expect(sim.state.menu('/system/scheduler').find({ name: 'boot' })?.['run-count']).toBe('1');
    expect(sim.state.menu('/system/scheduler').find({ name: 'tick' })?.['run-count']).toBe('1');
  });

  it('resets hotspot user counters so limit-uptime starts over', async () => {
    const { sim, c } = await boot(version);
    sim.state.menu('/ip/hotspot/user').add({ name: 'v1', password: 'v1', 'limit-uptime': '1h' });
    sim.loginHotspot('v1', 'v1', { mac: 'AA:00:00:00:00:01', ip: '10.5.50.7' });
    sim.clock.advance(40 * 60_000);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'v1' })?.uptime).toBe('40m');
    expect(await c.call(['/ip/hotspot/user/reset-counters', '=numbers=v1'])).toEqual([['!done']]);
    expect(sim.state.menu('/ip/hotspot/user').find({ name: 'v1' })?.uptime).toBe('0s');
    sim.clock.advance(30 * 60_000);
    expect(sim.state.menu('/ip/hotspot/active').count).toBe(1);
  });
});

describe('other strict behaviours', () => {
  it('/tool/fetch over the API returns the body with output=user and records the URL', async () => {
    const server: Server = createServer((req, res) => res.end(`hello ${req.method}`));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    opened.push({ close: () => server.close() });
    const { sim, c } = await boot('7.16.2', { clock: 'real' });
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/hook`;
    const reply = await c.call(['/tool/fetch', `=url=${url}`, '=output=user', '=http-method=post', '=http-data=x=1']);
    expect(reply.map((r) => r[0])).toEqual(['!re', '!done']);
    expect(attrsOf(reply[0]!)).toMatchObject({ status: 'finished', data: 'hello POST' });
    expect((await c.call(['/tool/fetch']))[0]).toEqual(['!trap', '=category=1', '=message=missing value(s) of argument(s) url']);
    void sim;
  });

  it('keeps raw bytes: a Windows-1252 comment goes out and comes back byte for byte', async () => {
    const { sim } = await boot('7.16.2');
    const cafe = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]); // "Café €" in Windows-1252, not UTF-8
    const id = sim.state.menu('/ppp/secret').add({ name: 'acc1', comment: cafe });
    const sock = netConnect(sim.port, '127.0.0.1');
    opened.push({ close: () => sock.destroy() });
    const decoder = new SentenceDecoder();
    const got: Buffer[][] = [];
    sock.on('data', (d: Buffer) => got.push(...decoder.push(d)));
    const send = (words: Array<string | Buffer>): void => void sock.write(encodeSentence(words));
    const until = async (n: number): Promise<void> => {
      for (let i = 0; i < 100 && got.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    };
    send(['/login', `=name=${ADMIN.name}`, `=password=${ADMIN.password}`]);
    await until(1);
    send(['/ppp/secret/print', '=.proplist=comment', '?name=acc1']);
    await until(3);
    expect(got[1]![1]).toEqual(Buffer.concat([Buffer.from('=comment='), cafe]));
    // Written back over the API, the same bytes are stored.
    const other = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]); // "Müller", Windows-1252
    send(['/ppp/secret/set', `=.id=${id}`, Buffer.concat([Buffer.from('=comment='), other])]);
    await until(4);
    expect(sim.state.menu('/ppp/secret').rawBytes(id, 'comment')).toEqual(other);
  });

  it('our client finds the id when add answers without =ret=', async () => {
    const sim = await startRouterSimulator({ users: [ADMIN], addWithoutRet: ['/ip/firewall/address-list', '/ppp/secret'] });
    opened.push(sim);
    const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
    opened.push({ close: () => void ros.close() });
    const a = await ros.add('/ip/firewall/address-list', { list: 'l', address: '10.0.0.1' });
    const b = await ros.add('/ppp/secret', { name: 'acc9', password: 'x' });
    expect(sim.state.menu('/ip/firewall/address-list').get(a)?.address).toBe('10.0.0.1');
    expect(sim.state.menu('/ppp/secret').get(b)?.name).toBe('acc9');
  });
});

