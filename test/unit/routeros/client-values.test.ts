/**
 * Exact values over the wire: what the router stores as bytes comes back byte for byte after a read and a
 * write-back; `setChanged` sends only changed attributes; booleans are spelled per field. The scripted
 * router runs in latin1 (raw bytes), so `received` shows exactly the bytes our client sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedSentence } from '../../../src-main/core/routeros/codec/sentence';
import { changedAttributes, connectRouterOs, type RosConnectOptions, type RosConnection } from '../../../src-main/core/routeros/client';
import { startScriptedRosServer, type ScriptedConnection, type ScriptedServer } from '../../fixtures/scripted-ros-server';

const servers: ScriptedServer[] = [];
const conns: RosConnection[] = [];

afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

// Bytes as the router stores them: a Windows-1252 comment (é = 0xE9, € = 0x80), a 0x00 and '=' inside values.
const PROFILE_ROW = ['!re', '=.id=*5', '=name=10mbps', '=comment=Caf\xe9 \x80 5', '=only-one=default', '=use-encryption=yes', '=rate-limit=10M/10M', '=note=a\u0000b=c'];

async function router(encoding: RosConnectOptions['encoding'], chunkSize?: number): Promise<{ ros: RosConnection; conn: ScriptedConnection; sets: () => ParsedSentence[] }> {
  const server = await startScriptedRosServer({
    encoding: 'latin1',
    ...(chunkSize ? { chunkSize } : {}),
    handler: (cmd, c) => {
      if (cmd.head === '/ppp/profile/print') c.reply(cmd, PROFILE_ROW, ['!done']);
      else c.reply(cmd, ['!done']);
      return true;
    },
  });
  servers.push(server);
  const next = server.nextConnection();
  const ros = await connectRouterOs({ host: server.host, port: server.port, username: 'admin', password: 'secret', keepaliveIntervalMs: 0, ...(encoding ? { encoding } : {}) });
  conns.push(ros);
  const conn = await next;
  return { ros, conn, sets: () => conn.received.filter((c) => c.head === '/ppp/profile/set') };
}

describe('lossless values', () => {
  it('default (utf8-lossless): a Windows-1252 comment read and written back is sent byte for byte', async () => {
    const { ros, sets } = await router(undefined, 3);
    const [row] = await ros.print('/ppp/profile');
    expect(row!.note).toBe('a\u0000b=c');
    await ros.set('/ppp/profile', row!['.id']!, { comment: row!.comment });
    expect(sets()[0]!.attributes.comment).toBe('Caf\xe9 \x80 5'); // the router's own bytes, not EF BF BD
  });

  it('win1252: the comment reads as WinBox shows it and is written back as the same bytes', async () => {
    const { ros, sets } = await router('win1252', 1);
    const [row] = await ros.print('/ppp/profile');
    expect(row!.comment).toBe('Café € 5');
    await ros.set('/ppp/profile', row!['.id']!, { comment: row!.comment });
    expect(sets()[0]!.attributes.comment).toBe('Caf\xe9 \x80 5');
  });

  it('latin1 (raw bytes) round-trips too', async () => {
    const { ros, sets } = await router('latin1');
    const [row] = await ros.print('/ppp/profile');
    await ros.set('/ppp/profile', row!['.id']!, { comment: row!.comment, note: row!.note });
    expect(sets()[0]!.attributes).toMatchObject({ comment: 'Caf\xe9 \x80 5', note: 'a\u0000b=c' });
  });
});

describe('setChanged and booleans per field', () => {
  it('sends only the attributes that differ, booleans as yes/no for yes|no|default fields', async () => {
    const { ros, sets } = await router('win1252');
    const [row] = await ros.print('/ppp/profile');
    const sent = await ros.setChanged('/ppp/profile', row!, {
      name: '10mbps',
      comment: 'Café € 5',
      'use-encryption': true,
      'rate-limit': '20M/20M',
      'only-one': true,
    });
    expect(sent).toEqual({ 'rate-limit': '20M/20M', 'only-one': true });
    expect(sets()).toHaveLength(1);
    expect(sets()[0]!.attributes).toEqual({ '.id': '*5', 'rate-limit': '20M/20M', 'only-one': 'yes' });
  });

  it('sends nothing when nothing changed', async () => {
    const { ros, sets } = await router('win1252');
    const [row] = await ros.print('/ppp/profile');
    expect(await ros.setChanged('/ppp/profile', row!, { name: '10mbps', 'use-encryption': true })).toEqual({});
    await ros.print('/ppp/profile'); // anything sent before this reply would have arrived first
    expect(sets()).toHaveLength(0);
  });

  it('plain booleans stay true/false; numbers and both boolean spellings compare by meaning', async () => {
    const { ros, conn } = await router(undefined);
    await ros.set('/ppp/secret', '*1', { disabled: true, 'only-one': false });
    expect(conn.received.find((c) => c.head === '/ppp/secret/set')!.attributes).toMatchObject({ disabled: 'true', 'only-one': 'no' });
    expect(changedAttributes({ disabled: 'yes', mtu: '1500', x: '' }, { disabled: true, mtu: 1500, x: '' })).toEqual({});
    expect(changedAttributes({ disabled: 'false' }, { disabled: true, mtu: 1400 })).toEqual({ disabled: true, mtu: 1400 });
  });
});
