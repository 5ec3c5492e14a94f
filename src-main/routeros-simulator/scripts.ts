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
export type InternalExec = (path: string, attrs: Record<string, string>, queries?: string[], policies?: ReadonlySet<string>) => InternalResult;
/** Whether `/menu/verb` names a command this router has. */
export type CommandExists = (path: string) => boolean;

/** Trap text when a scheduler's policy does not cover its script's (router-enforcement.md §1.1). */
export const SCRIPT_NO_PERMISSIONS = 'not enough permissions';

function policySet(text: string | undefined): Set<string> {
  return new Set((text ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('!')));
}

export class ScriptEngine {
  errors = 0;
  /** URLs requested by `/tool fetch` in scripts (netwatch / PPP on-up webhooks). */
  readonly fetches: string[] = [];

  /** Policies of the run in progress (undefined = the router itself: everything). */
  private policies: ReadonlySet<string> | undefined;

  constructor(
    private readonly core: () => RouterCore,
    private readonly exec: () => InternalExec,
    private readonly exists: CommandExists,
  ) {}

  /**
   * Why the router would refuse to run this text, or null when it would. RouterOS parses a whole script
   * before running any of it, so an unknown command or syntax error means nothing runs (no half-runs;
   * https://help.mikrotik.com/docs/display/ROS/Scripting "Line structure": a script runs line by line
   * "until the end of the script or until a runtime error occurs" — syntax errors are found before).
   */
  validate(source: string): string | null {
    let statements: Statement[];
    try {
      statements = parseScript(source);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    for (const st of statements) {
      const problem = this.checkStatement(st, '');
      if (problem) return problem;
    }
    return null;
  }

  private checkStatement(st: Statement, menu: string): string | null {
    if (st.kind !== 'command') return null;
    if (st.path === '' || st.verb === 'find') return `bad command name ${st.verb}`;
    if (!this.exists(`${st.path}/${st.verb}`)) return `bad command name ${st.verb} (${st.path})`;
    for (const a of st.args) {
      for (const seg of a.value) {
        if (seg.t !== 'br') continue;
        let inner: Statement;
        try {
          inner = parseStatement(seg.src);
        } catch (err) {
          return err instanceof Error ? err.message : String(err);
        }
        if (inner.kind !== 'command' || inner.verb !== 'find') return `unsupported expression [${seg.src}]`;
        const target = inner.path !== '' ? inner.path : (st.path || menu);
        if (!this.exists(`${target}/print`)) return `bad command name find (${target})`;
      }
    }
    return null;
  }

  runSource(source: string, origin: string, vars: Record<string, string> = {}, policies?: ReadonlySet<string>): boolean {
    const problem = this.validate(source);
    if (problem) return this.fail(origin, new Error(problem));
    const statements = parseScript(source);
    const outer = this.policies;
    this.policies = policies;
    try {
      for (const st of statements) {
        try {
          this.run(st, vars);
        } catch (err) {
          return this.fail(origin, err);
        }
      }
      return true;
    } finally {
      this.policies = outer;
    }
  }

  /**
   * Runs a stored script. Started by a scheduler, it runs with the scheduler's policy, and a script that
   * needs a policy the scheduler lacks fails with "not enough permissions" unless the script has
   * `dont-require-permissions=yes` (Scripting manual, "Script permissions",
   * https://help.mikrotik.com/docs/display/ROS/Scripting; router-enforcement.md §1.1).
   */
  runStoredScript(id: string, origin: string, policies?: ReadonlySet<string>): boolean {
    const core = this.core();
    const table = core.state.table('/system/script');
    const row = table.byId(id);
    if (!row) return this.fail(origin, new Error('no such script'));
    if (policies && row.props['dont-require-permissions'] !== 'true') {
      const missing = [...policySet(row.props.policy)].filter((p) => !policies.has(p));
      if (missing.length > 0) return this.fail(origin, new Error(SCRIPT_NO_PERMISSIONS));
    }
    table.update(
      row,
      { 'run-count': String(Number(row.props['run-count'] ?? 0) + 1), 'last-started': formatDateTime(core.clock.nowMs(), core.dateStyle) },
      'internal',
    );
    return this.runSource(row.props.source ?? '', origin, {}, policies);
  }

  /** Runs a stored script by name, or the text itself when no script has that name (scheduler on-event). */
  runEvent(onEvent: string, origin: string, policyText?: string): boolean {
    const policies = policyText === undefined ? undefined : policySet(policyText);
    const script = this.core().state.table('/system/script').findBy('name', onEvent.trim());
    return script ? this.runStoredScript(script.id, origin, policies) : this.runSource(onEvent, origin, {}, policies);
  }

  /** Whether a scheduler `on-event` would run: a stored script's name, or text the router can parse. */
  eventProblem(onEvent: string): string | null {
    const script = this.core().state.table('/system/script').findBy('name', onEvent.trim());
    return script ? this.validate(script.props.source ?? '') : this.validate(onEvent);
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
    const r = this.exec()(`${st.path}/${st.verb}`, attrs, [], this.policies);
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
    const r = this.exec()(`${target}/print`, { '.proplist': '.id' }, queries, this.policies);
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
