/**
 * Runs the script subset (script-parser.ts) against the router's own menus, with full policies.
 * A script stops at its first error, which is logged as `script error: ...` and counted; it never
 * throws out of here, so a bad scheduler entry cannot take the simulator down.
 */
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import { parseScript, parseStatement, type Seg, type Statement } from './script-parser';
import type { Props } from './spec';

export type InternalResult = { ok: true; ret?: string; rows: Props[] } | { ok: false; message: string };
export type InternalExec = (path: string, attrs: Record<string, string>, queries?: string[]) => InternalResult;

export class ScriptEngine {
  errors = 0;
  /** URLs requested by `/tool fetch` in scripts (netwatch / PPP on-up webhooks). */
  readonly fetches: string[] = [];

  constructor(
    private readonly core: () => RouterCore,
    private readonly exec: () => InternalExec,
  ) {}

  runSource(source: string, origin: string, vars: Record<string, string> = {}): boolean {
    let statements: Statement[];
    try {
      statements = parseScript(source);
    } catch (err) {
      return this.fail(origin, err);
    }
    for (const st of statements) {
      try {
        this.run(st, vars);
      } catch (err) {
        return this.fail(origin, err);
      }
    }
    return true;
  }

  runStoredScript(id: string, origin: string): boolean {
    const core = this.core();
    const table = core.state.table('/system/script');
    const row = table.byId(id);
    if (!row) return this.fail(origin, new Error('no such script'));
    table.update(
      row,
      { 'run-count': String(Number(row.props['run-count'] ?? 0) + 1), 'last-started': formatDateTime(core.clock.nowMs(), core.dateStyle) },
      'internal',
    );
    return this.runSource(row.props.source ?? '', origin);
  }

  /** Runs a stored script by name, or the text itself when no script has that name (scheduler on-event). */
  runEvent(onEvent: string, origin: string): boolean {
    const script = this.core().state.table('/system/script').findBy('name', onEvent.trim());
    return script ? this.runStoredScript(script.id, origin) : this.runSource(onEvent, origin);
  }

  private fail(origin: string, err: unknown): false {
    this.errors++;
    const message = err instanceof Error ? err.message : String(err);
    this.core().log('script,error', `script error: ${message} (${origin})`);
    return false;
  }

  private run(st: Statement, vars: Record<string, string>): void {
    const core = this.core();
    if (st.kind === 'noop') return;
    if (st.kind === 'log') {
      core.log(`script,${st.level}`, this.value(st.message, vars, ''));
      return;
    }
    if (st.path === '/tool' && st.verb === 'fetch') {
      this.fetch(st, vars);
      return;
    }
    if (st.path === '' || st.verb === 'find') throw new Error(`bad command name ${st.verb}`);
    const attrs: Record<string, string> = {};
    const positional: string[] = [];
    for (const a of st.args) {
      const v = this.value(a.value, vars, st.path);
      if (a.name === undefined) positional.push(v);
      else attrs[a.name] = v;
    }
    if (positional.length > 0) {
      const numbers = positional.filter((p) => p !== '').join(',');
      // `[find ...]` that matched nothing: RouterOS does nothing, without error.
      if (numbers === '') return;
      attrs.numbers = numbers;
    }
    const r = this.exec()(`${st.path}/${st.verb}`, attrs);
    if (!r.ok) throw new Error(r.message);
  }

  private value(segs: readonly Seg[], vars: Record<string, string>, menu: string): string {
    let out = '';
    for (const s of segs) {
      if (s.t === 'lit') out += s.s;
      else if (s.t === 'var') out += vars[s.name] ?? '';
      else if (s.t === 'str') for (const p of s.parts) out += 'lit' in p ? p.lit : (vars[p.var] ?? '');
      else out += this.bracket(s.src, vars, menu);
    }
    return out;
  }

  /** `[find name="x"]`, `[find where list=L address=A]`, `[/ppp secret find name=x]` → comma list of ids. */
  private bracket(src: string, vars: Record<string, string>, menu: string): string {
    const st = parseStatement(src);
    if (st.kind !== 'command' || st.verb !== 'find') throw new Error(`unsupported expression [${src}]`);
    const target = st.path !== '' ? st.path : menu;
    if (target === '') throw new Error('find outside a menu');
    const queries: string[] = [];
    for (const a of st.args) {
      if (a.name === undefined) {
        const word = this.value(a.value, vars, target);
        if (word === 'where') continue;
        throw new Error(`unsupported find condition ${word}`);
      }
      queries.push(`?${a.name}=${this.value(a.value, vars, target)}`);
    }
    const r = this.exec()(`${target}/print`, { '.proplist': '.id' }, queries);
    if (!r.ok) throw new Error(r.message);
    return r.rows.map((row) => row['.id'] ?? '').filter((id) => id !== '').join(',');
  }

  private fetch(st: Extract<Statement, { kind: 'command' }>, vars: Record<string, string>): void {
    const core = this.core();
    let url = '';
    for (const a of st.args) if (a.name === 'url') url = this.value(a.value, vars, '/tool');
    if (url === '') throw new Error('missing value(s) of argument(s) url');
    this.fetches.push(url);
    if (typeof fetch !== 'function' || !/^https?:\/\//.test(url)) return;
    fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (res) => core.log(res.ok ? 'fetch,info' : 'fetch,error', `Download from ${url} ${res.ok ? 'FINISHED' : `FAILED: HTTP ${res.status}`}`),
      () => core.log('fetch,error', `Download from ${url} FAILED`),
    );
  }
}
