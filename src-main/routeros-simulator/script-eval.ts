/**
 * Runs a parsed script (script-lang.ts) with RouterOS semantics: block-scoped `:local`, router-wide
 * `:global` (RAM only, gone after a reboot), typed values (script-values.ts), runtime errors that end the
 * script unless a `:do … on-error=` catches them (manual "Scripting": https://help.mikrotik.com/docs/display/ROS/Scripting).
 * Menu commands go through the router's own command engine with the run's policies.
 */
import type { RouterCore } from './core';
import type { InternalResult } from './scripts';
import type { Arg, Cond, Expr, Node, Stmt } from './script-lang';
import type { Props } from './spec';
import { NIL, NOTHING, bool, equalVals, num, parseTimeText, str, toArgText, toStr, typeName, wordValue, type Val } from './script-values';

export class ScriptRuntimeError extends Error {}

class ReturnSignal {
  constructor(readonly value: Val) {}
}

export interface EvalHost {
  core: RouterCore;
  exec(path: string, attrs: Record<string, string>): InternalResult;
  globals: Map<string, Val>;
  fetch(url: string): void;
  /**
   * One item as `print` would show it (by `.id`, or by name where the menu has names), without listing the
   * whole menu: `[/ppp secret get $i comment]` inside a loop over thousands of secrets stays linear.
   */
  item(path: string, key: string): Props | undefined;
}

interface Binding {
  global: boolean;
  value: Val;
}

class Scope {
  private readonly vars = new Map<string, Binding>();
  constructor(private readonly parent: Scope | null) {}
  declare(name: string, b: Binding): void {
    this.vars.set(name, b);
  }
  lookup(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  child(): Scope {
    return new Scope(this);
  }
}

/** Statements one run may execute (a runaway `:while` ends as a script error instead of hanging the simulator). */
const MAX_STEPS = 5_000_000;

const TIME_PROPS = new Set(['uptime', 'time', 'last-link-up-time']);

export class ScriptRun {
  private steps = 0;

  constructor(private readonly host: EvalHost) {}

  /** Runs the script; a runtime error propagates as ScriptRuntimeError. */
  run(stmts: readonly Stmt[], vars: Record<string, string>): void {
    const scope = new Scope(null);
    for (const [k, v] of Object.entries(vars)) scope.declare(k, { global: false, value: str(v) });
    try {
      this.block(stmts, scope, '');
    } catch (err) {
      if (err instanceof ReturnSignal) return;
      throw err;
    }
  }

  private fail(msg: string): never {
    throw new ScriptRuntimeError(msg);
  }

  private block(stmts: readonly Stmt[], scope: Scope, menu: string): Val {
    let last: Val = NOTHING;
    for (const st of stmts) last = this.stmt(st, scope, menu);
    return last;
  }

  private readVar(name: string, scope: Scope): Val {
    const b = scope.lookup(name);
    if (!b) this.fail(`undefined variable ${name}`);
    return b.global ? (this.host.globals.get(name) ?? NOTHING) : b.value;
  }

  private writeVar(name: string, value: Val, scope: Scope): void {
    const b = scope.lookup(name);
    if (!b) this.fail(`undefined variable ${name}`);
    if (b.global) this.host.globals.set(name, value);
    else b.value = value;
  }

  private pos(args: readonly Arg[]): Node[] {
    return args.filter((a) => a.name === undefined).map((a) => a.value);
  }

  private named(args: readonly Arg[], name: string): Node | undefined {
    return args.find((a) => a.name === name)?.value;
  }

  private runBody(n: Node | undefined, scope: Scope, menu: string): Val {
    if (!n) return NOTHING;
    if (n.k !== 'block') this.fail('expected a {} block');
    return this.block(n.body, scope.child(), menu);
  }

  private stmt(st: Stmt, scope: Scope, menu: string): Val {
    if (++this.steps > MAX_STEPS) this.fail('script ran too long');
    if (st.kind === 'cmd') return this.command(st, scope, menu);
    const p = this.pos(st.args);
    const ev = (n: Node | undefined): Val => (n ? this.node(n, scope, menu) : NOTHING);
    switch (st.name) {
      case 'local':
      case 'global': {
        const name = (p[0] as { text: string }).text;
        if (st.name === 'local') scope.declare(name, { global: false, value: p[1] ? ev(p[1]) : NOTHING });
        else {
          scope.declare(name, { global: true, value: NOTHING });
          if (p[1]) this.host.globals.set(name, ev(p[1]));
          else if (!this.host.globals.has(name)) this.host.globals.set(name, NOTHING);
        }
        return NOTHING;
      }
      case 'set':
        this.writeVar((p[0] as { text: string }).text, p[1] ? ev(p[1]) : NOTHING, scope);
        return NOTHING;
      case 'if': {
        const c = ev(p[0]);
        if (c.t !== 'bool') this.fail(`conditional not boolean (${typeName(c)})`);
        return c.v ? this.runBody(this.named(st.args, 'do'), scope, menu) : this.runBody(this.named(st.args, 'else'), scope, menu);
      }
      case 'foreach': {
        const name = (p[0] as { text: string }).text;
        const src = ev(this.named(st.args, 'in'));
        const items = src.t === 'array' ? src.v : src.t === 'nothing' || src.t === 'nil' ? [] : [src];
        const body = this.named(st.args, 'do');
        for (const item of items) {
          const inner = scope.child();
          inner.declare(name, { global: false, value: item });
          this.runBody(body, inner, menu);
        }
        return NOTHING;
      }
      case 'for': {
        const name = (p[0] as { text: string }).text;
        const from = this.needNum(ev(this.named(st.args, 'from')), ':for from');
        const to = this.needNum(ev(this.named(st.args, 'to')), ':for to');
        const stepNode = this.named(st.args, 'step');
        const step = stepNode ? this.needNum(ev(stepNode), ':for step') : from <= to ? 1 : -1;
        if (step === 0) this.fail('step 0');
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
          const inner = scope.child();
          inner.declare(name, { global: false, value: num(i) });
          this.runBody(this.named(st.args, 'do'), inner, menu);
          if (++this.steps > MAX_STEPS) this.fail('script ran too long');
        }
        return NOTHING;
      }
      case 'while':
        for (;;) {
          const c = ev(p[0]);
          if (c.t !== 'bool') this.fail('conditional not boolean');
          if (!c.v) return NOTHING;
          this.runBody(this.named(st.args, 'do'), scope, menu);
          if (++this.steps > MAX_STEPS) this.fail('script ran too long');
        }
      case 'do': {
        const onError = this.named(st.args, 'on-error');
        try {
          return this.runBody(p[0], scope, menu);
        } catch (err) {
          if (!onError || !(err instanceof ScriptRuntimeError)) throw err;
          return this.runBody(onError, scope, menu);
        }
      }
      case 'return':
        throw new ReturnSignal(ev(p[0]));
      case 'error':
        return this.fail(toStr(ev(p[0])));
      case 'log': {
        const level = (p[0] as { text: string }).text;
        this.host.core.log(`script,${level}`, p.slice(1).map((n) => toStr(ev(n))).join(' '));
        return NOTHING;
      }
      case 'put':
      case 'delay':
        // `:delay` is not modelled: a simulated run takes no router time (sweeps that overlap are set up by tests).
        for (const n of p) ev(n);
        return NOTHING;
      case 'pick':
        return this.pick(ev(p[0]), ev(p[1]), p[2] ? ev(p[2]) : undefined);
      case 'find':
        return this.find(ev(p[0]), ev(p[1]), p[2] ? ev(p[2]) : undefined);
      case 'len': {
        const v = ev(p[0]);
        return num(v.t === 'array' ? v.v.length : v.t === 'nothing' || v.t === 'nil' ? 0 : toStr(v).length);
      }
      case 'tonum':
        return this.toNum(ev(p[0]));
      case 'tostr':
        return str(toStr(ev(p[0])));
      case 'typeof':
        return str(typeName(ev(p[0])));
      case 'toarray': {
        const v = ev(p[0]);
        if (v.t === 'array') return v;
        const text = toStr(v);
        return { t: 'array', v: text === '' ? [] : text.split(',').map((s) => wordValue(s)) };
      }
      default:
        this.fail(`bad command name :${st.name}`);
    }
  }

  private needNum(v: Val, what: string): number {
    if (v.t !== 'num') this.fail(`${what}: expected a number`);
    return v.v;
  }

  /**
   * `:tonum` of a time gives seconds only from 7.12.1 (forum t=205980, router-enforcement.md §1.3); older
   * versions give nothing usable, modelled as nil (the stricter choice: scripts must parse the text).
   */
  private toNum(v: Val): Val {
    if (v.t === 'num') return v;
    if (v.t === 'str') return /^-?\d+$/.test(v.v.trim()) ? num(Number(v.v.trim())) : NIL;
    if (v.t === 'time') {
      const ver = this.host.core.version;
      const ok = ver.major > 7 || (ver.major === 7 && (ver.minor > 12 || (ver.minor === 12 && ver.patch >= 1)));
      return ok ? num(v.v) : NIL;
    }
    if (v.t === 'bool') return num(v.v ? 1 : 0);
    return NIL;
  }

  private pick(v: Val, start: Val, end: Val | undefined): Val {
    const s = this.needNum(start, ':pick start');
    if (v.t === 'array') {
      if (end === undefined) return v.v[s] ?? NOTHING;
      return { t: 'array', v: v.v.slice(s, this.needNum(end, ':pick end')) };
    }
    const text = toStr(v);
    const e = end === undefined ? s + 1 : this.needNum(end, ':pick end');
    return str(text.slice(Math.max(0, s), Math.max(0, e)));
  }

  private find(v: Val, what: Val, start: Val | undefined): Val {
    const from = start === undefined ? 0 : this.needNum(start, ':find start');
    if (v.t === 'array') {
      for (let i = Math.max(0, from); i < v.v.length; i++) if (equalVals(v.v[i]!, what)) return num(i);
      return NIL;
    }
    const at = toStr(v).indexOf(toStr(what), Math.max(0, from));
    return at < 0 ? NIL : num(at);
  }

  private node(n: Node, scope: Scope, menu: string): Val {
    switch (n.k) {
      case 'word':
        return wordValue(n.text);
      case 'str':
        return str(n.parts.map((p) => (typeof p === 'string' ? p : toStr(this.readVar(p.var, scope)))).join(''));
      case 'var':
        return this.readVar(n.name, scope);
      case 'sub':
        return this.block(n.body, scope.child(), menu);
      case 'expr':
        return this.expr(n.e, scope, menu);
      case 'array':
        return { t: 'array', v: n.items.map((i) => this.node(i, scope, menu)) };
      case 'block':
        if (n.body.length === 0) return { t: 'array', v: [] };
        return this.fail('code blocks as values are not supported');
    }
  }

  private expr(e: Expr, scope: Scope, menu: string): Val {
    if (e.k === 'atom') return this.node(e.n, scope, menu);
    if (e.k === 'un') {
      const a = this.expr(e.a, scope, menu);
      if (e.op === '!') {
        if (a.t !== 'bool') this.fail('! needs a boolean');
        return bool(!a.v);
      }
      if (a.t === 'num' || a.t === 'time') return { t: a.t, v: -a.v };
      return this.fail('- needs a number');
    }
    const a = this.expr(e.a, scope, menu);
    const b = this.expr(e.b, scope, menu);
    switch (e.op) {
      case '&&':
      case '||':
        if (a.t !== 'bool' || b.t !== 'bool') this.fail(`${e.op} needs booleans`);
        return bool(e.op === '&&' ? a.v && b.v : a.v || b.v);
      case '=':
        return bool(equalVals(a, b));
      case '!=':
        return bool(!equalVals(a, b));
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const ok = (a.t === 'num' && b.t === 'num') || (a.t === 'time' && b.t === 'time') || (a.t === 'str' && b.t === 'str');
        if (!ok) this.fail(`cannot compare ${typeName(a)} with ${typeName(b)}`);
        const x = (a as { v: number | string }).v;
        const y = (b as { v: number | string }).v;
        return bool(e.op === '<' ? x < y : e.op === '>' ? x > y : e.op === '<=' ? x <= y : x >= y);
      }
      case '~':
        return bool(this.regex(toStr(b)).test(toStr(a)));
      case '.':
        return str(toStr(a) + toStr(b));
      default:
        return this.arith(e.op, a, b);
    }
  }

  private regex(pattern: string): RegExp {
    try {
      return new RegExp(pattern);
    } catch {
      return this.fail(`invalid regular expression ${pattern}`);
    }
  }

  private arith(op: '+' | '-' | '*' | '/' | '%', a: Val, b: Val): Val {
    if (a.t === 'num' && b.t === 'num') {
      if ((op === '/' || op === '%') && b.v === 0) this.fail('division by zero');
      const r = op === '+' ? a.v + b.v : op === '-' ? a.v - b.v : op === '*' ? a.v * b.v : op === '/' ? Math.trunc(a.v / b.v) : a.v % b.v;
      return num(r);
    }
    if (a.t === 'time' && b.t === 'time' && (op === '+' || op === '-')) return { t: 'time', v: op === '+' ? a.v + b.v : a.v - b.v };
    return this.fail(`cannot ${op} ${typeName(a)} and ${typeName(b)}`);
  }

  // ---- menu commands ----

  private command(st: Extract<Stmt, { kind: 'cmd' }>, scope: Scope, menu: string): Val {
    const path = st.path || menu;
    if (path === '') this.fail(`bad command name ${st.verb}`);
    if (st.verb === 'find') return this.findItems(path, st.conds, scope);
    if (st.verb === 'get') return this.get(path, st.args, scope);
    const attrs: Record<string, string> = {};
    const positional: string[] = [];
    for (const a of st.args) {
      const v = this.node(a.value, scope, path);
      if (a.name === undefined) positional.push(toArgText(v));
      else attrs[a.name] = toArgText(v);
    }
    if (path === '/tool' && st.verb === 'fetch') {
      if (!attrs.url) this.fail('missing value(s) of argument(s) url');
      this.host.fetch(attrs.url);
      return NOTHING;
    }
    if (positional.length > 0) {
      const numbers = positional.filter((p) => p !== '').join(',');
      // `[find ...]` that matched nothing: RouterOS does nothing, without error.
      if (numbers === '') return NOTHING;
      attrs.numbers = numbers;
    }
    const r = this.host.exec(`${path}/${st.verb}`, attrs);
    if (!r.ok) this.fail(r.message);
    return r.ret !== undefined ? { t: 'id', v: r.ret } : NOTHING;
  }

  private rows(path: string): Props[] {
    const r = this.host.exec(`${path}/print`, {});
    if (!r.ok) this.fail(r.message);
    return r.rows;
  }

  private findItems(path: string, conds: readonly Cond[], scope: Scope): Val {
    const tests = conds.map((c) => ({ c, want: c.value ? toArgText(this.node(c.value, scope, path)) : '' }));
    const out: Val[] = [];
    for (const row of this.rows(path)) {
      const ok = tests.every(({ c, want }) => {
        const have = row[c.prop];
        switch (c.op) {
          case 'true':
            return have === 'true';
          case 'false':
            return have !== 'true';
          case '~':
            return this.regex(want).test(have ?? '');
          case '<':
          case '>':
            return have !== undefined && (c.op === '<' ? Number(have) < Number(want) : Number(have) > Number(want));
          default: {
            const eq = have === want || (have !== undefined && boolText(have) !== null && boolText(have) === boolText(want));
            return c.op === '=' ? eq : !eq;
          }
        }
      });
      if (ok && row['.id'] !== undefined) out.push({ t: 'id', v: row['.id'] });
    }
    return { t: 'array', v: out };
  }

  /** `[/menu get <item> <prop>]`, `[/system clock get time]` for singletons; typed like RouterOS prints it. */
  private get(path: string, args: readonly Arg[], scope: Scope): Val {
    const pos = this.pos(args).map((n) => this.node(n, scope, path));
    const core = this.host.core;
    const table = core.state.table(path);
    const singleton = table.spec.kind === 'singleton';
    const prop = toStr(pos[singleton ? 0 : 1] ?? NOTHING);
    if (prop === '') this.fail('missing value(s) of argument(s) value-name');
    let row: Props | undefined;
    if (singleton) row = this.rows(path)[0];
    else {
      let which = pos[0] ?? NOTHING;
      if (which.t === 'array') which = which.v.length === 1 ? which.v[0]! : NOTHING;
      const key = toStr(which);
      row = key === '' ? undefined : this.host.item(path, key);
    }
    if (!row) this.fail('no such item');
    if (path === '/system/clock' && prop === 'gmt-offset') {
      // Seconds east of UTC; a negative offset reads as an unsigned 32-bit number (forum p=977170).
      const secs = core.dateStyle.offsetMinutes * 60;
      return num(secs < 0 ? secs + 2 ** 32 : secs);
    }
    const text = row[prop];
    if (text === undefined) {
      if (prop in table.spec.fields && !(table.spec.fields[prop]!.v7 && !core.version.v7)) return str('');
      return this.fail(`no such property ${prop}`);
    }
    const type = table.spec.fields[prop]?.type;
    if (prop === '.id') return { t: 'id', v: text };
    if (type === 'bool') return bool(text === 'true');
    if (type === 'int' || prop === 'run-count') return /^-?\d+$/.test(text) ? num(Number(text)) : str(text);
    if (type === 'duration' || TIME_PROPS.has(prop)) {
      const secs = parseTimeText(text);
      if (secs !== null) return { t: 'time', v: secs };
    }
    return str(text);
  }
}

function boolText(t: string): boolean | null {
  if (t === 'true' || t === 'yes') return true;
  if (t === 'false' || t === 'no') return false;
  return null;
}
