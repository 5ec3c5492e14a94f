import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedSentence } from '../../../src-main/core/routeros/codec/sentence';
import {
  RosProtocolError,
  RosTrapError,
  connectRouterOs,
  type RosConnection,
} from '../../../src-main/core/routeros/client';
import {
  startScriptedRosServer,
  type ScriptedConnection,
  type ScriptedServer,
  type ScriptedServerOptions,
} from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(opts: ScriptedServerOptions): Promise<{ server: ScriptedServer; ros: RosConnection }> {
  const server = await startScriptedRosServer(opts);
  servers.push(server);
  const ros = await connectRouterOs({
    host: server.host,
    port: server.port,
    username: 'admin',
    password: 'secret',
    keepaliveIntervalMs: 0,
    commandTimeoutMs: 2000,
  });
  conns.push(ros);
  return { server, ros };
}

/** A few canned menus, enough to exercise the client. */
function cannedRouter(cmd: ParsedSentence, conn: ScriptedConnection): boolean {
  switch (cmd.head) {
    case '/system/identity/print':
      conn.reply(cmd, ['!re', '=name=MikroTik'], ['!done']);
      return true;
    case '/ppp/secret/print': {
      const rows = [
        ['!re', '=.id=*1', '=name=alice', '=profile=default', '=disabled=false'],
        ['!re', '=.id=*2', '=name=bob', '=profile=5M', '=disabled=true', '=comment=a=b=c'],
      ];
      conn.reply(cmd, ...rows, ['!done']);
      return true;
    }
    case '/ppp/secret/add':
      conn.reply(cmd, ['!done', '=ret=*1A']);
      return true;
    case '/ppp/secret/set':
    case '/ppp/secret/remove':
      conn.reply(cmd, ['!done']);
      return true;
    case '/ip/hotspot/user/print':
      conn.reply(cmd, ['!empty'], ['!done']);
      return true;
    case '/ip/address/add':
      conn.reply(cmd, ['!trap', '=category=1', '=message=input does not match any value of interface'], ['!done']);
      return true;
    case '/ppp/secret/remove-bad':
      conn.reply(cmd, ['!trap', '=message=no such item'], ['!done']);
      return true;
    default:
      return false;
  }
}

describe('commands over a scripted router', () => {
  it('logs in with the plain (>= 6.43) method', async () => {
    const { server, ros } = await setup({ handler: cannedRouter });
    expect(ros.loginMethod).toBe('plain');
    expect(ros.isOpen).toBe(true);
    const login = server.received()[0]!;
    expect(login.head).toBe('/login');
    expect(login.attributes).toEqual({ name: 'admin', password: 'secret' });
  });

  it('prints rows with .id, values containing "=", and passes where/proplist/query through', async () => {
    const { server, ros } = await setup({ handler: cannedRouter });
    const rows = await ros.print('/ppp/secret', {
      where: { name: 'bob' },
      query: ['?disabled=true', '?#&'],
      proplist: ['.id', 'name', 'profile', 'disabled', 'comment'],
    });
    expect(rows).toEqual([
      { '.id': '*1', name: 'alice', profile: 'default', disabled: 'false' },
      { '.id': '*2', name: 'bob', profile: '5M', disabled: 'true', comment: 'a=b=c' },
    ]);
    const sent = server.received().find((s) => s.head === '/ppp/secret/print')!;
    expect(sent.attributes['.proplist']).toBe('.id,name,profile,disabled,comment');
    expect(sent.queries).toEqual(['?name=bob', '?disabled=true', '?#&']);
    expect(sent.tag).toMatch(/.+/);
  });

  it('add returns the new .id from !done =ret=; set and remove address the item by .id', async () => {
    const { server, ros } = await setup({ handler: cannedRouter });
    const id = await ros.add('/ppp/secret', { name: 'carol', password: 'p', disabled: false, 'limit-bytes-in': 0, comment: undefined });
    expect(id).toBe('*1A');
    await ros.set('/ppp/secret', id, { profile: '10M', disabled: true });
    await ros.remove('/ppp/secret', id);
    const [add, set, remove] = server.received().filter((s) => s.head.startsWith('/ppp/secret/'));
    expect(add!.attributes).toEqual({ name: 'carol', password: 'p', disabled: 'false', 'limit-bytes-in': '0' });
    expect(set!.attributes).toEqual({ '.id': '*1A', profile: '10M', disabled: 'true' });
    expect(remove!.attributes).toEqual({ '.id': '*1A' });
  });

  it('command() returns rows, ret and the whole !done', async () => {
    const { ros } = await setup({ handler: cannedRouter });
    const res = await ros.command('/ppp/secret/add', { attributes: { name: 'x' } });
    expect(res).toEqual({ rows: [], ret: '*1A', done: { ret: '*1A' }, empty: false });
  });

  it('treats !empty as no data: empty rows, empty: true', async () => {
    const { ros } = await setup({ handler: cannedRouter });
    const res = await ros.command('/ip/hotspot/user/print', { query: ['?name=nobody'] });
    expect(res).toEqual({ rows: [], done: {}, empty: true });
    expect(await ros.print('/ip/hotspot/user', { where: { name: 'nobody' } })).toEqual([]);
    // and the connection keeps working afterwards (node-routeros wedges here)
    expect(await ros.print('/system/identity')).toEqual([{ name: 'MikroTik' }]);
  });

  it('rejects a !trap with its category and message once the trailing !done arrives', async () => {
    const { ros } = await setup({ handler: cannedRouter });
    const err = await ros.add('/ip/address', { address: '192.168.88.1', interface: 'asdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosTrapError);
    expect(err).toMatchObject({
      code: 'TRAP',
      category: 1,
      trapMessage: 'input does not match any value of interface',
      path: '/ip/address/add',
    });
    const noCategory = await ros.command('/ppp/secret/remove-bad').catch((e: unknown) => e);
    expect(noCategory).toMatchObject({ code: 'TRAP', category: null, trapMessage: 'no such item' });
    expect(ros.isOpen).toBe(true);
    expect(await ros.print('/system/identity')).toHaveLength(1);
  });

  it('answers an unknown command path with the router trap', async () => {
    const { ros } = await setup({ handler: cannedRouter });
    await expect(ros.command('/no/such/thing')).rejects.toMatchObject({ code: 'TRAP', trapMessage: 'no such command prefix' });
  });

  it.each(['second', 'last'] as const)('matches replies by tag with .tag in %s position, out of order', async (tagPosition) => {
    const held: Array<{ cmd: ParsedSentence; conn: ScriptedConnection }> = [];
    const { ros } = await setup({
      tagPosition,
      handler: (cmd, conn) => {
        held.push({ cmd, conn });
        if (held.length === 20) {
          // answer in reverse order, interleaving !re of different commands
          for (const h of [...held].reverse()) h.conn.reply(h.cmd, ['!re', `=n=${h.cmd.attributes.n}`]);
          for (const h of held) h.conn.reply(h.cmd, ['!re', `=n=${h.cmd.attributes.n}b`], ['!done', `=ret=${h.cmd.attributes.n}`]);
        }
        return true;
      },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ros.command('/echo', { attributes: { n: i } })),
    );
    results.forEach((r, i) => {
      expect(r.rows).toEqual([{ n: String(i) }, { n: `${i}b` }]);
      expect(r.ret).toBe(String(i));
    });
    expect(new Set(held.map((h) => h.cmd.tag)).size).toBe(20);
  });

  it('reassembles replies cut into 1-byte TCP chunks', async () => {
    const { ros } = await setup({ handler: cannedRouter, chunkSize: 1 });
    const [rows, id, empty] = await Promise.all([
      ros.print('/ppp/secret'),
      ros.add('/ppp/secret', { name: 'x' }),
      ros.command('/ip/hotspot/user/print'),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ comment: 'a=b=c' });
    expect(id).toBe('*1A');
    expect(empty.empty).toBe(true);
  });

  it('carries large words (multi-byte length prefixes) both ways', async () => {
    const big = 'x'.repeat(70_000);
    const { ros } = await setup({
      handler: (cmd, conn) => {
        conn.reply(cmd, ['!re', `=echo=${cmd.attributes.v}`], ['!done']);
        return true;
      },
    });
    const res = await ros.command('/echo', { attributes: { v: big } });
    expect(res.rows[0]!.echo).toBe(big);
  });

  it('round-trips non-ASCII text as UTF-8 by default', async () => {
    const { server, ros } = await setup({
      handler: (cmd, conn) => {
        conn.reply(cmd, ['!re', `=comment=${cmd.attributes.comment}`], ['!done']);
        return true;
      },
    });
    const res = await ros.command('/echo', { attributes: { comment: 'Zoë – 東京 €' } });
    expect(res.rows[0]!.comment).toBe('Zoë – 東京 €');
    expect(server.received().at(-1)!.attributes.comment).toBe('Zoë – 東京 €');
  });

  it('speaks windows-1252 when configured', async () => {
    const server = await startScriptedRosServer({
      encoding: 'win1252',
      handler: (cmd, conn) => {
        conn.reply(cmd, ['!re', `=comment=${cmd.attributes.comment}`], ['!done']);
        return true;
      },
    });
    servers.push(server);
    const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', encoding: 'win1252', keepaliveIntervalMs: 0 });
    conns.push(ros);
    const res = await ros.command('/echo', { attributes: { comment: 'Café €5' } });
    expect(res.rows[0]!.comment).toBe('Café €5');
    // the server saw cp1252 bytes: é = 0xE9, € = 0x80
    expect(server.received().at(-1)!.attributes.comment).toBe('Café €5');
  });

  it('rejects only the affected command on an unknown reply word and cancels it', async () => {
    const { server, ros } = await setup({
      handler: (cmd, conn) => {
        if (cmd.head === '/weird') conn.reply(cmd, ['!surprise', '=x=1']);
        else if (cmd.head === '/cancel') conn.reply(cmd, ['!done']);
        else cannedRouter(cmd, conn);
        return true;
      },
    });
    const [weird, normal] = await Promise.allSettled([ros.command('/weird'), ros.print('/system/identity')]);
    expect(weird.status).toBe('rejected');
    expect((weird as PromiseRejectedResult).reason).toBeInstanceOf(RosProtocolError);
    expect((weird as PromiseRejectedResult).reason.message).toContain('!surprise');
    expect(normal).toEqual({ status: 'fulfilled', value: [{ name: 'MikroTik' }] });
    expect(ros.isOpen).toBe(true);
    await expect.poll(() => server.received().some((s) => s.head === '/cancel')).toBe(true);
    const weirdTag = server.received().find((s) => s.head === '/weird')!.tag;
    expect(server.received().find((s) => s.head === '/cancel')!.attributes.tag).toBe(weirdTag);
  });

  it('writes concurrent sentences without interleaving and with unique tags (200 at once)', async () => {
    const { server, ros } = await setup({ handler: cannedRouter });
    const all = await Promise.all(Array.from({ length: 200 }, () => ros.print('/system/identity')));
    expect(all.every((r) => r[0]?.name === 'MikroTik')).toBe(true);
    const tags = server.received().filter((s) => s.head === '/system/identity/print').map((s) => s.tag);
    expect(new Set(tags).size).toBe(200);
  });

  it('rejects bad arguments without touching the wire', async () => {
    const { ros } = await setup({ handler: cannedRouter });
    await expect(ros.command('/ppp/secret/print', { query: ['name=x'] })).rejects.toBeInstanceOf(TypeError);
    await expect(ros.command('   ')).rejects.toBeInstanceOf(TypeError);
  });

  it('normalises menu paths', async () => {
    const { server, ros } = await setup({ handler: cannedRouter });
    await ros.print('ppp/secret/');
    await ros.command('/system identity print');
    const heads = server.received().map((s) => s.head);
    expect(heads).toContain('/ppp/secret/print');
    expect(heads).toContain('/system/identity/print');
  });

  it('queues writes while the router is not reading (backpressure) and delivers everything afterwards', async () => {
    const { server, ros } = await setup({
      handler: (cmd, conn) => {
        conn.reply(cmd, ['!done', `=ret=${cmd.attributes.n}`]);
        return true;
      },
    });
    const routerSide = server.connections[0]!.socket;
    routerSide.pause();
    const big = 'b'.repeat(16_384);
    const pending: Array<Promise<{ ret?: string }>> = [];
    // ~10 MB in 6 ticks: after the first write the socket wants a drain, so later ticks queue in the client
    for (let batch = 0; batch < 6; batch++) {
      for (let i = batch * 100; i < (batch + 1) * 100; i++) {
        pending.push(ros.command('/echo', { attributes: { n: i, payload: big } }, { timeoutMs: 20_000 }));
      }
      await new Promise((r) => setImmediate(r));
    }
    const all = Promise.all(pending);
    await new Promise((r) => setTimeout(r, 100));
    routerSide.resume();
    const results = await all;
    expect(results.map((r) => r.ret)).toEqual(Array.from({ length: 600 }, (_, i) => String(i)));
  });
});
