import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { RawApiClient, attrsOf } from '../../fixtures/ros-raw-client';

const USERS = [
  { name: 'admin', password: 'sim-pass-1', group: 'full' },
  { name: 'viewer', password: 'view-pass', group: 'read' },
  { name: 'noapi', password: 'noapi-pass', group: 'noapi' },
];

describe('simulator protocol engine', () => {
  let sim: RouterSimulator;
  let c: RawApiClient;

  beforeEach(async () => {
    sim = await startRouterSimulator({ users: USERS, groups: [{ name: 'noapi', policy: 'read,write,winbox' }], randomSeed: 42 });
    c = await RawApiClient.connect(sim.port);
  });
  afterEach(async () => {
    c.close();
    await sim.stop();
  });

  it('logs in with the modern method and answers !done', async () => {
    expect(await c.login('admin', 'sim-pass-1')).toEqual([['!done']]);
  });

  it('refuses a wrong password with the invalid-credentials trap then !done', async () => {
    expect(await c.login('admin', 'nope')).toEqual([['!trap', '=message=invalid user name or password (6)'], ['!done']]);
  });

  it('closes with !fatal "not logged in" on a command before login', async () => {
    await c.send(['/system/identity/print']);
    await c.closed;
    expect(c.received).toEqual([['!fatal', 'not logged in']]);
  });

  it('answers /quit with !fatal and closes the connection', async () => {
    await c.login('admin', 'sim-pass-1');
    await c.send(['/quit']);
    await c.closed;
    expect(c.received.at(-1)).toEqual(['!fatal', 'session terminated on request']);
  });

  it('echoes .tag as the second word of every reply sentence', async () => {
    await c.login('admin', 'sim-pass-1');
    const replies = await c.command(['/interface/print', '=.proplist=name'], 'a1');
    expect(replies.length).toBeGreaterThan(1);
    for (const s of replies) expect(s[1]).toBe('.tag=a1');
  });

  it('reassembles sentences written in 1-3 byte TCP chunks', async () => {
    const slow = await RawApiClient.connect(sim.port, { maxChunk: 3 });
    try {
      expect(await slow.login('admin', 'sim-pass-1')).toEqual([['!done']]);
      const r = await slow.command(['/system/identity/print', '=.proplist=name'], 'x');
      expect(r).toEqual([['!re', '.tag=x', '=name=MikroTik'], ['!done', '.tag=x']]);
    } finally {
      slow.close();
    }
  });

  it('round-trips long words that need 2- and 3-byte length prefixes', async () => {
    await c.login('admin', 'sim-pass-1');
    const medium = 'm'.repeat(300);
    const long = 'Ł'.repeat(12_000);
    await c.call(['/ppp/secret/add', '=name=long1', `=comment=${medium}`]);
    await c.call(['/ppp/secret/add', '=name=long2', `=comment=${long}`]);
    const rows = (await c.call(['/ppp/secret/print', '=.proplist=comment'])).filter((r) => r[0] === '!re');
    expect(rows.map((r) => attrsOf(r).comment)).toEqual([medium, long]);
  });

  it('drops the connection on a reserved control byte', async () => {
    await c.login('admin', 'sim-pass-1');
    c.writeRaw(Buffer.from([0xf8, 0x00]));
    await c.closed;
    expect(c.isOpen).toBe(false);
  });

  it('refuses login to a user whose group lacks the api policy', async () => {
    const r = await c.login('noapi', 'noapi-pass');
    expect(r[0]?.[0]).toBe('!trap');
    expect(attrsOf(r[0]!).message).toBe('not enough permissions (9)');
  });

  it('lets a read-only user print but traps writes with not enough permissions', async () => {
    await c.login('viewer', 'view-pass');
    expect((await c.call(['/ppp/secret/print']))).toEqual([['!done']]);
    const r = await c.call(['/ppp/secret/add', '=name=x']);
    expect(r).toEqual([['!trap', '=message=not enough permissions (9)'], ['!done']]);
    expect(sim.state.menu('/ppp/secret').count).toBe(0);
  });

  it('shows passwords only to sessions with the sensitive policy', async () => {
    sim.state.menu('/ppp/secret').add({ name: 'acc1', password: 'secret-pw' });
    await c.login('viewer', 'view-pass');
    expect(attrsOf((await c.call(['/ppp/secret/print']))[0]!)).not.toHaveProperty('password');
    const admin = await RawApiClient.connect(sim.port);
    await admin.login('admin', 'sim-pass-1');
    expect(attrsOf((await admin.call(['/ppp/secret/print']))[0]!).password).toBe('secret-pw');
    admin.close();
  });

  it('answers unknown paths with the router texts', async () => {
    await c.login('admin', 'sim-pass-1');
    expect(await c.call(['/foo/bar/print'])).toEqual([['!trap', '=message=no such command prefix'], ['!done']]);
    expect(await c.call(['/ppp/secret/frobnicate'])).toEqual([['!trap', '=message=no such command'], ['!done']]);
    expect(await c.call(['#'])).toEqual([['!trap', '=message=no such command prefix'], ['!done']]);
  });

  it('adds, finds, sets and removes a PPP secret with router errors for duplicates and unknown items', async () => {
    await c.login('admin', 'sim-pass-1');
    const add = await c.call(['/ppp/secret/add', '=name=acc1', '=password=p', '=profile=default', '=service=pppoe', '=disabled=no']);
    expect(add).toHaveLength(1);
    const id = attrsOf(add[0]!).ret!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    expect(await c.call(['/ppp/secret/add', '=name=acc1'])).toEqual([['!trap', '=message=failure: secret with the same name already exists'], ['!done']]);
    expect(await c.call(['/ppp/secret/add', '=name=acc2', '=profile=nope'])).toEqual([
      ['!trap', '=category=1', '=message=input does not match any value of profile'],
      ['!done'],
    ]);
    expect(await c.call(['/ppp/secret/add', '=password=x'])).toEqual([['!trap', '=category=1', '=message=missing value(s) of argument(s) name'], ['!done']]);
    expect(await c.call(['/ppp/secret/add', '=name=acc3', '=bogus=1'])).toEqual([['!trap', '=message=unknown parameter bogus'], ['!done']]);
    const print = await c.call(['/ppp/secret/print', '?name=acc1', '=.proplist=.id,name,disabled,service']);
    expect(print).toEqual([['!re', `=.id=${id}`, '=name=acc1', '=disabled=false', '=service=pppoe'], ['!done']]);
    expect(await c.call(['/ppp/secret/set', `=.id=${id}`, '=disabled=yes'])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/secret').get(id)?.disabled).toBe('true');
    expect(await c.call(['/ppp/secret/set', '=numbers=acc1', '=comment=Jane'])).toEqual([['!done']]);
    expect(await c.call(['/ppp/secret/remove', '=.id=*FFFF'])).toEqual([['!trap', '=message=no such item'], ['!done']]);
    expect(await c.call(['/ppp/secret/remove', `=.id=${id}`])).toEqual([['!done']]);
    expect(sim.state.menu('/ppp/secret').count).toBe(0);
  });

  it('counts with count-only and omits unset properties', async () => {
    await c.login('admin', 'sim-pass-1');
    sim.state.menu('/ppp/secret').add({ name: 'a', password: 'x' });
    sim.state.menu('/ppp/secret').add({ name: 'b', password: 'x', comment: 'Bob' });
    expect(await c.call(['/ppp/secret/print', '=count-only='])).toEqual([['!done', '=ret=2']]);
    const rows = await c.call(['/ppp/secret/print', '?name=a']);
    expect(attrsOf(rows[0]!)).not.toHaveProperty('comment');
    expect(attrsOf(rows[0]!)).not.toHaveProperty('remote-address');
  });

  it('keeps fixed ids for built-in PPP profiles', async () => {
    await c.login('admin', 'sim-pass-1');
    const r = await c.call(['/ppp/profile/print', '=.proplist=.id,name,default']);
    expect(r.slice(0, 2)).toEqual([
      ['!re', '=.id=*0', '=name=default', '=default=true'],
      ['!re', '=.id=*FFFFFFFE', '=name=default-encryption', '=default=true'],
    ]);
  });
});
