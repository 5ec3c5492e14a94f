/** /user + /user/group lookups: password checks (modern and legacy MD5 challenge) and policies. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RouterCore } from './core';

export const ALL_POLICIES = [
  'local', 'telnet', 'ssh', 'ftp', 'reboot', 'read', 'write', 'policy', 'test', 'winbox', 'password', 'web', 'sniff',
  'sensitive', 'api', 'romon', 'rest-api',
] as const;

export function policiesOfGroup(core: RouterCore, group: string): Set<string> {
  const row = core.state.table('/user/group').findBy('name', group);
  const out = new Set<string>();
  for (const p of (row?.props.policy ?? '').split(',')) {
    const t = p.trim();
    if (t !== '' && !t.startsWith('!')) out.add(t);
  }
  return out;
}

export type LoginResult = { ok: true; user: string; policies: Set<string> } | { ok: false; reason: 'credentials' | 'policy' };

function finish(core: RouterCore, name: string, passwordOk: boolean): LoginResult {
  const row = core.state.table('/user').findBy('name', name);
  if (!row || !passwordOk || row.props.disabled === 'true') return { ok: false, reason: 'credentials' };
  const policies = policiesOfGroup(core, row.props.group ?? '');
  if (!policies.has('api')) return { ok: false, reason: 'policy' };
  return { ok: true, user: name, policies };
}

export function checkPassword(core: RouterCore, name: string, password: string): LoginResult {
  const row = core.state.table('/user').findBy('name', name);
  const stored = row?.props.password ?? '';
  const a = Buffer.from(stored, 'latin1');
  const b = Buffer.from(password, 'latin1');
  const same = row !== undefined && a.length === b.length && timingSafeEqual(a, b);
  return finish(core, name, same);
}

/**
 * Pre-6.43 login: response = `00` + md5(0x00 + password bytes + challenge bytes) in hex. A string is
 * JS text (UTF-8); a Buffer is the password's bytes as stored.
 */
export function legacyResponse(password: string | Buffer, challenge: Buffer): string {
  const bytes = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  const md5 = createHash('md5').update(Buffer.concat([Buffer.from([0]), bytes, challenge])).digest('hex');
  return `00${md5}`;
}

export function checkLegacy(core: RouterCore, name: string, response: string, challenge: Buffer): LoginResult {
  const row = core.state.table('/user').findBy('name', name);
  const ok = row !== undefined && legacyResponse(Buffer.from(row.props.password ?? '', 'latin1'), challenge) === response.toLowerCase();
  return finish(core, name, ok);
}
