/**
 * Runs RouterOS scripts (script-lang.ts parses, script-check.ts refuses what the router would refuse,
 * script-eval.ts runs) against the router's own menus. A run stops at its first uncaught runtime error,
 * which is logged as `script error: ...` and counted; it never throws out of here, so a bad scheduler
 * entry cannot take the simulator down. `:global` variables live here, in RAM: a reboot clears them.
 */
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import { checkScript } from './script-check';
import { ScriptRuntimeError, ScriptRun } from './script-eval';
import { parseRouterScript, ScriptSyntaxError, type Stmt } from './script-lang';
import type { Val } from './script-values';
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

  /** Router-wide `:global` variables (RAM only). */
  readonly globals = new Map<string, Val>();

  /**
   * Why the router would refuse to run this text, or null when it would. RouterOS parses a whole script
   * before running any of it, so an unknown command, a syntax error or an undeclared variable means nothing
   * runs (no half-runs; https://help.mikrotik.com/docs/display/ROS/Scripting "Line structure", "Variables").
   */
  validate(source: string, predeclared: readonly string[] = []): string | null {
    const parsed = this.parse(source);
    if (typeof parsed === 'string') return parsed;
    return checkScript(parsed, this.exists, predeclared);
  }

  private parse(source: string): Stmt[] | string {
    try {
      return parseRouterScript(source);
    } catch (err) {
      if (err instanceof ScriptSyntaxError) return err.message;
      throw err;
    }
  }

  runSource(source: string, origin: string, vars: Record<string, string> = {}, policies?: ReadonlySet<string>): boolean {
    const problem = this.validate(source, Object.keys(vars));
    if (problem) return this.fail(origin, new Error(problem));
    const statements = this.parse(source) as Stmt[];
    const outer = this.policies;
    this.policies = policies;
    try {
      new ScriptRun({
        core: this.core(),
        exec: (path, attrs) => this.exec()(path, attrs, [], this.policies),
        globals: this.globals,
        fetch: (url) => this.fetchUrl(url),
        item: (path, key) => this.item(path, key),
      }).run(statements, vars);
      return true;
    } catch (err) {
      if (err instanceof ScriptRuntimeError) return this.fail(origin, err);
      return this.fail(origin, err);
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

  /** One list item as print shows it; reading needs the `read` policy like print does. */
  private item(path: string, key: string): Props | undefined {
    if (this.policies && !this.policies.has('read')) throw new ScriptRuntimeError(SCRIPT_NO_PERMISSIONS);
    const table = this.core().state.table(path);
    const row = table.byId(key) ?? (table.spec.nameField ? table.findBy(table.spec.nameField, key) : undefined);
    if (!row) return undefined;
    const hidden = this.policies ? table.hiddenFor(this.policies) : table.hiddenProps;
    const out: Props = { '.id': row.id };
    for (const [k, v] of Object.entries(table.view(row))) if (!hidden.has(k) && !k.startsWith('$')) out[k] = v;
    return out;
  }

  /** `/tool fetch url=…` from a script (netwatch / PPP on-up webhooks): recorded, and really requested for http(s). */
  private fetchUrl(url: string): void {
    const core = this.core();
    this.fetches.push(url);
    if (typeof fetch !== 'function' || !/^https?:\/\//.test(url)) return;
    fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (res) => core.log(res.ok ? 'fetch,info' : 'fetch,error', `Download from ${url} ${res.ok ? 'FINISHED' : `FAILED: HTTP ${res.status}`}`),
      () => core.log('fetch,error', `Download from ${url} FAILED`),
    );
  }
}
