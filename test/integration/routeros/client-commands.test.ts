/** ISP Desk's RouterOS client against the simulator: CRUD, queries, traps, !empty, concurrency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosTrapError, connectRouterOs, type RosConnection } from '../../../src-main/core/routeros/client';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';

const ADMIN = { name: 'admin', password: 'secret', group: 'full' };

describe.each(['7.16.2', '7.18'])('commands on RouterOS %s', (version) => {
  let sim: RouterSimulator;
  let ros: RosConnection;

  beforeEach(async () => {
    sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version, users: [ADMIN] });
    const secrets = sim.state.menu('/ppp/secret');
    secrets.add({ name: 'acc1001', password: 'p1', profile: 'default', comment: 'Jane Wanjiku' });
    secrets.add({ name: 'acc1002', password: 'p2', profile: 'default', disabled: true });
    ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
  });

  afterEach(async () => {
    await ros.close();
    await sim.stop();
  });

  it('adds, reads back, sets and removes a PPP secret', async () => {
    const id = await ros.add('/ppp/secret', { name: 'acc2001', password: 'x', service: 'pppoe', disabled: false });
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    expect(sim.state.menu('/ppp/secret').get(id)).toMatchObject({ name: 'acc2001', service: 'pppoe' });

    await ros.set('/ppp/secret', id, { comment: 'moved to 10M', disabled: true });
    const [row] = await ros.print('/ppp/secret', { where: { name: 'acc2001' }, proplist: ['.id', 'name', 'comment', 'disabled'] });
    expect(row).toEqual({ '.id': id, name: 'acc2001', comment: 'moved to 10M', disabled: 'true' });

    await ros.remove('/ppp/secret', id);
    expect(sim.state.menu('/ppp/secret').get(id)).toBeUndefined();
    expect(await ros.print('/ppp/secret', { where: { name: 'acc2001' } })).toEqual([]);
  });

  it('passes queries (incl. ?#) and .proplist through', async () => {
    const rows = await ros.print('/ppp/secret', {
      query: ['?disabled=true', '?name=acc1001', '?#|'],
      proplist: ['name'],
    });
    expect(rows).toEqual([{ name: 'acc1001' }, { name: 'acc1002' }]);
    const notDisabled = await ros.print('/ppp/secret', { where: { disabled: 'false' }, proplist: ['name', 'comment'] });
    expect(notDisabled).toEqual([{ name: 'acc1001', comment: 'Jane Wanjiku' }]);
  });

  it('returns data carried by !done (=ret=) for count-only', async () => {
    const res = await ros.command('/ppp/secret/print', { attributes: { 'count-only': '' } });
    expect(res.ret).toBe('2');
    expect(res.rows).toEqual([]);
    expect(res.empty).toBe(false);
  });

  it('rejects with RosTrapError keeping the message and category', async () => {
    const dup = await ros.add('/ppp/secret', { name: 'acc1001', password: 'x' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(RosTrapError);
    expect(dup).toMatchObject({ trapMessage: 'failure: secret with the same name already exists', path: '/ppp/secret/add' });

    const badProfile = await ros.add('/ppp/secret', { name: 'acc3001', profile: 'nope' }).catch((e: unknown) => e);
    expect(badProfile).toMatchObject({ code: 'TRAP', category: 1, trapMessage: 'input does not match any value of profile' });

    await expect(ros.remove('/ppp/secret', '*FFFF')).rejects.toMatchObject({ code: 'TRAP', trapMessage: expect.stringMatching(/no such item/) });
    await expect(ros.command('/no/such/menu/print')).rejects.toMatchObject({ code: 'TRAP' });
    expect(ros.isOpen).toBe(true);
  });

  it('reports a print that matches nothing as empty (!empty on 7.18+, bare !done before)', async () => {
    const res = await ros.command('/ppp/secret/print', { query: ['?name=nobody'] });
    expect(res).toEqual({ rows: [], done: {}, empty: true });
    expect(await ros.print('/ip/hotspot/user', { where: { name: 'nobody' } })).toEqual([]);
    // the connection is still healthy (node-routeros wedges here on 7.18+)
    expect(await ros.print('/ppp/secret', { where: { name: 'acc1001' }, proplist: ['name'] })).toEqual([{ name: 'acc1001' }]);
  });

  it('runs 200 concurrent tagged prints on one connection', async () => {
    const names = ['acc1001', 'acc1002'];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => ros.print('/ppp/secret', { where: { name: names[i % 2]! }, proplist: ['name'] })),
    );
    results.forEach((rows, i) => expect(rows).toEqual([{ name: names[i % 2] }]));
  });

  it('round-trips non-ASCII text (UTF-8)', async () => {
    const id = await ros.add('/ppp/secret', { name: 'acc4001', comment: 'Zoë Njeri – nyumba 東' });
    const [row] = await ros.print('/ppp/secret', { where: { '.id': id }, proplist: ['comment'] });
    expect(row!.comment).toBe('Zoë Njeri – nyumba 東');
  });
});

describe('!empty on RouterOS 7.18', () => {
  it('is what the simulator sends for an empty print, and the client maps it to empty: true', async () => {
    const sim = await startRouterSimulator({ port: 0, host: '127.0.0.1', version: '7.18', users: [ADMIN] });
    try {
      const ros = await connectRouterOs({ host: sim.host, port: sim.port, username: ADMIN.name, password: ADMIN.password, keepaliveIntervalMs: 0 });
      const [a, b, c] = await Promise.all([
        ros.command('/ppp/secret/print'),
        ros.command('/ip/hotspot/user/print', { query: ['?name=x'] }),
        ros.command('/system/identity/print'),
      ]);
      expect(a.empty && b.empty).toBe(true);
      expect(c.empty).toBe(false);
      await ros.close();
    } finally {
      await sim.stop();
    }
  });
});
