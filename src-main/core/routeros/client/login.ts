/**
 * `/login` for every RouterOS version (integrations.md §1.9): send the ≥ 6.43 form (name + plain
 * password); a pre-6.43 router ignores the password and answers `!done =ret=<challenge>`, and we answer
 * `=response=00<md5(0x00 + password bytes + challenge bytes)>`. The password bytes are the encoded
 * bytes (UTF-8 by default), not UTF-16 code units — node-routeros sizes them by `string.length` and
 * breaks on non-ASCII passwords.
 */
import { createHash } from 'node:crypto';
import { textToBytes, type WordEncoding } from '../codec/word-codec';
import { RosLoginError, RosTimeoutError, RosTrapError, type RosLoginReason } from './errors';
import type { RosArgs, RosCommandOptions, RosResult } from './types';

export interface LoginHost {
  command(path: string, args?: RosArgs, opts?: RosCommandOptions): Promise<RosResult>;
}

export interface LoginOptions {
  username: string;
  password: string;
  encoding: WordEncoding;
  /** Time left of connectTimeoutMs when login starts. */
  timeoutMs: number;
  /** connectTimeoutMs, for the error message. */
  connectTimeoutMs: number;
}

/**
 * RouterOS texts: `invalid user name or password (6)` (≥ 6.43), `cannot log in` (legacy).
 * A user whose group lacks the `api` policy is refused with `not enough permissions (9)` — the same
 * text RouterOS uses for any command outside the group's policies — so at login it means "no api policy".
 */
export function classifyLoginMessage(message: string): RosLoginReason {
  if (/invalid user name or password|cannot log in|wrong user name or password|login failure/i.test(message)) {
    return 'bad-credentials';
  }
  if (/not enough permissions|no api policy|policy/i.test(message)) return 'no-api-policy';
  return 'other';
}

export function legacyResponse(password: string, challengeHex: string, encoding: WordEncoding): string {
  const md5 = createHash('md5');
  md5.update(Buffer.from([0]));
  md5.update(textToBytes(password, encoding));
  md5.update(Buffer.from(challengeHex, 'hex'));
  return `00${md5.digest('hex')}`;
}

async function loginStep(host: LoginHost, attributes: Record<string, string>, deadline: number, opts: LoginOptions): Promise<RosResult> {
  const timeoutMs = Math.max(1, deadline - Date.now());
  try {
    return await host.command('/login', { attributes }, { timeoutMs });
  } catch (err) {
    if (err instanceof RosTrapError) throw new RosLoginError(classifyLoginMessage(err.trapMessage), err.trapMessage);
    if (err instanceof RosTimeoutError) throw new RosTimeoutError('login', opts.connectTimeoutMs);
    throw err;
  }
}

export async function login(host: LoginHost, opts: LoginOptions): Promise<'plain' | 'challenge'> {
  const deadline = Date.now() + opts.timeoutMs;
  const first = await loginStep(host, { name: opts.username, password: opts.password }, deadline, opts);
  const challenge = first.ret;
  if (challenge === undefined) return 'plain';
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(challenge)) {
    throw new RosLoginError('other', `unexpected login challenge ${JSON.stringify(challenge.slice(0, 40))}`);
  }
  await loginStep(
    host,
    { name: opts.username, response: legacyResponse(opts.password, challenge, opts.encoding) },
    deadline,
    opts,
  );
  return 'challenge';
}
