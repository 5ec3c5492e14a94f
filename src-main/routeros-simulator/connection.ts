/**
 * One API session on a socket: sentence assembly across TCP chunks, login, tags, /cancel, /quit,
 * faults, and batched replies (each reply batch is one socket.write of whole sentences).
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { ControlByteError, SentenceDecoder, encodeSentence } from '../core/routeros/codec/word-codec';
import { parseSentence } from '../core/routeros/codec/sentence';
import { checkLegacy, checkPassword, type LoginResult } from './auth';
import { bytesToWord, wordToBytes } from './bytes';
import type { CommandRun, ReplySink, SessionInfo } from './command';
import type { RouterCore } from './core';
import type { Engine } from './engine';
import { DropCounter, type FaultState } from './faults';
import { noteLogin } from './menus/users';

export const INVALID_LOGIN = 'invalid user name or password (6)';
export const LEGACY_LOGIN_FAILED = 'cannot log in';
export const NO_API_POLICY = 'not enough permissions (9)';

export interface ConnectionDeps {
  core: RouterCore;
  engine: Engine;
  faults: FaultState;
  loginMode: 'modern' | 'legacy';
  countCommand(): void;
  onClose(conn: ApiConnection): void;
}

export class ApiConnection implements ReplySink {
  private readonly decoder = new SentenceDecoder();
  private session: SessionInfo | null = null;
  private challenge: Buffer | null = null;
  private readonly running = new Set<CommandRun>();
  private pending: Buffer[] = [];
  private flushScheduled = false;
  private readonly delayed: Array<{ due: number; buf: Buffer }> = [];
  private delayTimer: NodeJS.Timeout | null = null;
  private endWhenDrained = false;
  private closed = false;
  private readonly drops = new DropCounter();
  readonly remoteAddress: string;

  constructor(
    private readonly socket: Socket,
    private readonly deps: ConnectionDeps,
  ) {
    this.remoteAddress = (socket.remoteAddress ?? '0.0.0.0').replace(/^::ffff:/, '');
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => this.onClosed());
  }

  get open(): boolean {
    return !this.closed;
  }

  send(words: string[]): void {
    if (this.closed || this.deps.faults.current.stall) return;
    // Words are byte strings (bytes.ts): sent back exactly as they were received or seeded.
    this.pending.push(encodeSentence(words.map(bytesToWord)));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Closes the socket and stops everything (server shutdown). */
  destroy(): void {
    this.socket.destroy();
    this.onClosed();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let sentences: Buffer[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (err) {
      if (err instanceof ControlByteError) {
        this.destroy();
        return;
      }
      throw err;
    }
    for (const words of sentences) {
      if (this.closed || this.endWhenDrained) return;
      this.handle(words.map(wordToBytes));
    }
  }

  private handle(words: string[]): void {
    const faults = this.deps.faults;
    if (faults.current.stall) return;
    this.deps.countCommand();
    const s = parseSentence(words);
    const drop = this.drops.shouldDrop(faults);
    if (drop) this.flush();
    const trapFault = faults.current.trapOnPath;
    if (trapFault && trapFault.path === s.head && s.head !== '/login') {
      this.reply(s.tag, [['!trap', ...(trapFault.category !== undefined ? [`=category=${trapFault.category}`] : []), `=message=${trapFault.message}`], ['!done']]);
    } else if (s.head === '/login') this.login(s.attributes, s.tag);
    else if (!this.session) {
      this.fatal('not logged in');
      return;
    } else if (s.head === '/quit') {
      this.fatal('session terminated on request');
      return;
    } else if (s.head === '/cancel') this.cancel(s.attributes.tag, s.tag);
    else {
      const run = this.deps.engine.execute(s.head, s.attributes, s.queries, s.tag, this.session, this, (r) => this.running.delete(r));
      if (!run.finished) this.running.add(run);
    }
    if (drop) {
      // The command was applied but its reply is lost: the "ghost success" case.
      this.pending = [];
      this.destroy();
    }
  }

  private reply(tag: string | undefined, sentences: string[][]): void {
    for (const [head = '!done', ...rest] of sentences) this.send(tag ? [head, `.tag=${tag}`, ...rest] : [head, ...rest]);
  }

  private login(attrs: Record<string, string>, tag: string | undefined): void {
    const { core, faults, loginMode } = this.deps;
    const failText = loginMode === 'legacy' ? LEGACY_LOGIN_FAILED : INVALID_LOGIN;
    const name = attrs.name ?? '';
    let result: LoginResult | null = null;
    if (attrs.response !== undefined && this.challenge) result = checkLegacy(core, name, attrs.response, this.challenge);
    else if (loginMode === 'legacy') {
      // Old routers ignore name/password and always answer the first /login with a challenge.
      this.challenge = randomBytes(16);
      this.reply(tag, [['!done', `=ret=${this.challenge.toString('hex')}`]]);
      return;
    } else if (attrs.password !== undefined) result = checkPassword(core, name, attrs.password);
    else result = { ok: false, reason: 'credentials' };
    this.challenge = null;
    if (faults.current.refuseLogin) result = { ok: false, reason: 'credentials' };
    if (result.ok) {
      this.session = { user: result.user, policies: result.policies, remoteAddress: this.remoteAddress, via: 'api' };
      core.log('system,info,account', `user ${result.user} logged in from ${this.remoteAddress} via api`);
      noteLogin(core, result.user);
      this.reply(tag, [['!done']]);
      return;
    }
    core.log('system,error,critical', `login failure for user ${name} from ${this.remoteAddress} via api`);
    const message = result.reason === 'policy' ? NO_API_POLICY : failText;
    this.reply(tag, [['!trap', `=message=${message}`], ['!done']]);
  }

  /** `/cancel [=tag=X]`: trap for each cancelled command, `!done` for /cancel, then `!done` for each. */
  private cancel(target: string | undefined, ownTag: string | undefined): void {
    const victims = [...this.running].filter((r) => target === undefined || r.tag === target);
    for (const v of victims) v.interrupt();
    this.reply(ownTag, [['!done']]);
    for (const v of victims) v.done();
  }

  private fatal(reason: string): void {
    this.send(['!fatal', reason]);
    this.endWhenDrained = true;
    this.flush();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length > 0 && !this.closed) {
      const buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
      this.pending = [];
      const latency = this.deps.faults.current.latencyMs;
      if (latency > 0 || this.delayed.length > 0) {
        const last = this.delayed[this.delayed.length - 1]?.due ?? 0;
        this.delayed.push({ due: Math.max(Date.now() + latency, last), buf });
        this.armDelay();
      } else this.socket.write(buf);
    }
    this.maybeEnd();
  }

  private armDelay(): void {
    if (this.delayTimer || this.delayed.length === 0) return;
    const wait = Math.max(0, this.delayed[0]!.due - Date.now());
    this.delayTimer = setTimeout(() => {
      this.delayTimer = null;
      const now = Date.now();
      while (this.delayed.length > 0 && this.delayed[0]!.due <= now) {
        const item = this.delayed.shift()!;
        if (!this.closed) this.socket.write(item.buf);
      }
      this.armDelay();
      this.maybeEnd();
    }, wait);
  }

  private maybeEnd(): void {
    if (this.endWhenDrained && this.delayed.length === 0 && this.pending.length === 0 && !this.closed) {
      this.socket.end();
      this.onClosed();
    }
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.delayTimer) clearTimeout(this.delayTimer);
    for (const r of [...this.running]) r.abandon();
    this.running.clear();
    if (this.session) {
      this.deps.core.log('system,info,account', `user ${this.session.user} logged out from ${this.remoteAddress} via api`);
    }
    this.deps.onClose(this);
  }
}
