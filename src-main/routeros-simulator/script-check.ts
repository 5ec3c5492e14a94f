/**
 * What RouterOS checks before a script runs: known commands and menus, and variables declared before use
 * ("Every variable, except for built-in RouterOS variables, must be declared before usage by local or
 * global keywords. Undefined variables will be marked as undefined and will result in a compilation
 * error", manual "Scripting", Variables: https://help.mikrotik.com/docs/display/ROS/Scripting).
 */
import type { Arg, Cond, Expr, Node, Stmt } from './script-lang';

export const BUILTINS = new Set([
  'local', 'global', 'set', 'if', 'foreach', 'for', 'while', 'do', 'return', 'error', 'log', 'put', 'delay',
  'pick', 'find', 'len', 'tonum', 'tostr', 'typeof', 'toarray',
]);

const LOG_LEVELS = new Set(['info', 'warning', 'error', 'debug']);

class CheckError extends Error {}

class Names {
  private readonly own = new Set<string>();
  constructor(private readonly parent: Names | null) {}
  add(n: string): void {
    this.own.add(n);
  }
  has(n: string): boolean {
    return this.own.has(n) || (this.parent?.has(n) ?? false);
  }
  child(): Names {
    return new Names(this);
  }
}

export function checkScript(stmts: readonly Stmt[], exists: (path: string) => boolean, predeclared: readonly string[]): string | null {
  const root = new Names(null);
  for (const n of predeclared) root.add(n);
  try {
    new Checker(exists).block(stmts, root, '');
    return null;
  } catch (err) {
    if (err instanceof CheckError) return err.message;
    throw err;
  }
}

class Checker {
  constructor(private readonly exists: (path: string) => boolean) {}

  block(stmts: readonly Stmt[], names: Names, menu: string): void {
    for (const st of stmts) this.stmt(st, names, menu);
  }

  private positional(args: readonly Arg[]): Node[] {
    return args.filter((a) => a.name === undefined).map((a) => a.value);
  }

  private named(args: readonly Arg[], name: string): Node | undefined {
    return args.find((a) => a.name === name)?.value;
  }

  private wordOf(n: Node | undefined, what: string, line: number): string {
    if (!n || n.k !== 'word') throw new CheckError(`syntax error: expected ${what} (line ${line})`);
    return n.text;
  }

  private body(n: Node | undefined, names: Names, menu: string, line: number): void {
    if (!n) return;
    if (n.k !== 'block') throw new CheckError(`syntax error: expected a {} block (line ${line})`);
    this.block(n.body, names.child(), menu);
  }

  private stmt(st: Stmt, names: Names, menu: string): void {
    if (st.kind === 'cmd') {
      const path = st.path || menu;
      if (path === '') throw new CheckError(`bad command name ${st.verb} (line ${st.line})`);
      const probe = st.verb === 'find' || st.verb === 'get' ? `${path}/print` : `${path}/${st.verb}`;
      if (!this.exists(probe)) throw new CheckError(`bad command name ${st.verb} (${path}) (line ${st.line})`);
      for (const a of st.args) this.node(a.value, names, path);
      for (const c of st.conds) this.cond(c, names, path);
      return;
    }
    if (!BUILTINS.has(st.name)) throw new CheckError(`bad command name :${st.name} (line ${st.line})`);
    const pos = this.positional(st.args);
    switch (st.name) {
      case 'local':
      case 'global':
      case 'set': {
        const name = this.wordOf(pos[0], 'variable name', st.line);
        if (pos[1]) this.node(pos[1], names, menu);
        if (st.name === 'set' && !names.has(name)) throw new CheckError(`syntax error: undefined variable ${name} (line ${st.line})`);
        if (st.name !== 'set') names.add(name);
        return;
      }
      case 'if':
        if (!pos[0] || !this.named(st.args, 'do')) throw new CheckError(`syntax error: :if needs a condition and do= (line ${st.line})`);
        this.node(pos[0], names, menu);
        this.body(this.named(st.args, 'do'), names, menu, st.line);
        this.body(this.named(st.args, 'else'), names, menu, st.line);
        return;
      case 'foreach':
      case 'for': {
        const v = this.wordOf(pos[0], 'loop variable', st.line);
        for (const a of st.args) if (a.name !== undefined && a.name !== 'do') this.node(a.value, names, menu);
        const inner = names.child();
        inner.add(v);
        const d = this.named(st.args, 'do');
        if (!d || d.k !== 'block') throw new CheckError(`syntax error: :${st.name} needs do={} (line ${st.line})`);
        this.block(d.body, inner, menu);
        return;
      }
      case 'while':
        if (pos[0]) this.node(pos[0], names, menu);
        this.body(this.named(st.args, 'do'), names, menu, st.line);
        return;
      case 'do':
        this.body(pos[0], names, menu, st.line);
        this.body(this.named(st.args, 'on-error'), names, menu, st.line);
        if (this.named(st.args, 'while')) this.node(this.named(st.args, 'while')!, names, menu);
        return;
      case 'log':
        if (!LOG_LEVELS.has(pos[0]?.k === 'word' ? pos[0].text : '')) throw new CheckError(`bad :log level (line ${st.line})`);
        for (const n of pos.slice(1)) this.node(n, names, menu);
        return;
      default:
        for (const a of st.args) this.node(a.value, names, menu);
    }
  }

  private cond(c: Cond, names: Names, menu: string): void {
    if (c.value) this.node(c.value, names, menu);
  }

  private node(n: Node, names: Names, menu: string): void {
    switch (n.k) {
      case 'var':
        if (!names.has(n.name)) throw new CheckError(`syntax error: undefined variable ${n.name}`);
        return;
      case 'str':
        for (const p of n.parts) if (typeof p !== 'string' && !names.has(p.var)) throw new CheckError(`syntax error: undefined variable ${p.var}`);
        return;
      case 'sub':
        this.block(n.body, names.child(), menu);
        return;
      case 'expr':
        this.expr(n.e, names, menu);
        return;
      case 'block':
        this.block(n.body, names.child(), menu);
        return;
      case 'array':
        for (const i of n.items) this.node(i, names, menu);
        return;
      default:
        return;
    }
  }

  private expr(e: Expr, names: Names, menu: string): void {
    if (e.k === 'atom') this.node(e.n, names, menu);
    else if (e.k === 'un') this.expr(e.a, names, menu);
    else {
      this.expr(e.a, names, menu);
      this.expr(e.b, names, menu);
    }
  }
}
