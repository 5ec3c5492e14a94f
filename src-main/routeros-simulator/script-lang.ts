/**
 * Parser for the RouterOS scripting language subset the product runs on a router (manual "Scripting",
 * https://help.mikrotik.com/docs/display/ROS/Scripting): statements split by `;` or new lines; `:local`,
 * `:global`, `:set`, `:if`, `:foreach`, `:for`, `:while`, `:do … on-error=`, `:return`, `:error`, `:log`,
 * `:put`, `:delay`, value commands (`:pick`, `:find`, `:len`, `:tonum`, `:tostr`, `:typeof`, `:toarray`),
 * menu commands (`/ppp secret set $i disabled=yes`, `[find where comment~"^x"]`, `[/system clock get time]`),
 * strings with `$var`, `[…]` substitutions, `(…)` expressions and `{…}` blocks or arrays.
 *
 * The whole text is parsed before anything runs: RouterOS refuses a script with a syntax error as a whole
 * (same manual, "Line structure"). Variable scope is checked in script-check.ts.
 */

export class ScriptSyntaxError extends Error {}

export type StrPart = string | { var: string };

/** A value as written in the source. */
export type Node =
  | { k: 'str'; parts: StrPart[] }
  | { k: 'word'; text: string }
  | { k: 'var'; name: string }
  | { k: 'sub'; body: Stmt[] }
  | { k: 'expr'; e: Expr }
  | { k: 'block'; body: Stmt[] }
  | { k: 'array'; items: Node[] };

export type Expr =
  | { k: 'atom'; n: Node }
  | { k: 'un'; op: '!' | '-'; a: Expr }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr };

export type BinOp = '||' | '&&' | '=' | '!=' | '<' | '>' | '<=' | '>=' | '~' | '.' | '+' | '-' | '*' | '/' | '%';

export interface Arg {
  /** undefined for positional arguments. */
  name?: string;
  value: Node;
}

/** A `find` condition: `name=x`, `comment~"^re"`, `name!=x`, `disabled`, `!disabled`. */
export interface Cond {
  prop: string;
  op: '=' | '!=' | '~' | '<' | '>' | 'true' | 'false';
  value?: Node;
}

export type Stmt =
  | { kind: 'builtin'; name: string; args: Arg[]; line: number }
  | { kind: 'cmd'; path: string; verb: string; args: Arg[]; conds: Cond[]; line: number };

/** Menu verbs: the first of these words after a menu path ends the path. */
export const VERBS = new Set([
  'add', 'set', 'remove', 'enable', 'disable', 'print', 'run', 'unset', 'move', 'comment', 'make-static', 'login',
  'fetch', 'find', 'export', 'reset-counters', 'get',
]);

const VAR_START = /[A-Za-z_]/;

class Parser {
  private i = 0;
  private line = 1;

  constructor(private readonly src: string) {}

  private peek(o = 0): string {
    return this.src[this.i + o] ?? '';
  }

  private fail(msg: string): never {
    throw new ScriptSyntaxError(`syntax error: ${msg} (line ${this.line} column ${this.column()})`);
  }

  private column(): number {
    const nl = this.src.lastIndexOf('\n', this.i - 1);
    return this.i - nl;
  }

  /** Spaces and tabs; a `\` at the end of a line continues it. With `newlines`, line ends too. */
  private skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && (this.peek(1) === '\n' || (this.peek(1) === '\r' && this.peek(2) === '\n'))) {
        this.i += this.peek(1) === '\r' ? 3 : 2;
        this.line++;
      } else if (newlines && (c === '\n' || c === '\r')) {
        if (c === '\n') this.line++;
        this.i++;
      } else return;
    }
  }

  /** Statements until `end` (a closing char) or the end of text. */
  block(end: string): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      this.skipSpace(true);
      const c = this.peek();
      if (c === ';') {
        this.i++;
        continue;
      }
      if (c === '#') {
        while (this.i < this.src.length && this.peek() !== '\n') this.i++;
        continue;
      }
      if (c === '') {
        if (end !== '') this.fail(`missing ${end}`);
        return out;
      }
      if (c === end) {
        this.i++;
        return out;
      }
      if (c === ']' || c === '}' || c === ')') this.fail(`unexpected ${c}`);
      out.push(this.statement());
    }
  }

  private atStatementEnd(): boolean {
    const c = this.peek();
    return c === '' || c === ';' || c === '\n' || c === '\r' || c === ']' || c === '}' || c === ')';
  }

  private readWord(): string {
    const start = this.i;
    while (!this.atStatementEnd() && !/\s/.test(this.peek())) {
      const c = this.peek();
      if (c === '"' || c === '[' || c === '(' || c === '{' || c === '$') break;
      this.i++;
    }
    return this.src.slice(start, this.i);
  }

  private statement(): Stmt {
    const line = this.line;
    if (this.peek() === ':') {
      this.i++;
      const name = this.readWord();
      if (!/^[a-z]+$/.test(name)) this.fail(`bad command name :${name}`);
      return { kind: 'builtin', name, args: this.args(false), line };
    }
    const path: string[] = [];
    let verb: string | undefined;
    const absolute = this.peek() === '/';
    const words: string[] = [];
    for (;;) {
      this.skipSpace(false);
      const save = this.i;
      const w = this.readWord();
      const plain = /^\/?[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/.test(w) && !w.includes('=');
      if (!plain || (words.length > 0 && w.startsWith('/'))) {
        this.i = save;
        break;
      }
      words.push(w);
      const parts = w.split('/').filter((p) => p !== '');
      let stop = false;
      for (const p of parts) {
        if (verb === undefined && VERBS.has(p) && (path.length > 0 || !absolute)) {
          verb = p;
          stop = true;
        } else if (verb === undefined) path.push(p);
        else this.fail(`bad command name ${w}`);
      }
      if (stop) break;
    }
    if (verb === undefined) verb = path.pop();
    if (verb === undefined) this.fail('bad command name');
    if (!absolute && path.length > 0) this.fail(`bad command name ${words.join(' ')}`);
    const isFind = verb === 'find';
    return { kind: 'cmd', path: absolute ? `/${path.join('/')}` : '', verb, args: isFind ? [] : this.args(true), conds: isFind ? this.conds() : [], line };
  }

  private args(menu: boolean): Arg[] {
    const out: Arg[] = [];
    for (;;) {
      this.skipSpace(false);
      if (this.atStatementEnd()) return out;
      const m = /^([a-z][a-z0-9.-]*)=/.exec(this.src.slice(this.i, this.i + 64));
      if (m && (menu || this.peek(m[0].length) !== '=')) {
        this.i += m[0].length;
        out.push({ name: m[1]!, value: this.value() });
      } else out.push({ value: this.value() });
    }
  }

  private conds(): Cond[] {
    const out: Cond[] = [];
    for (;;) {
      this.skipSpace(false);
      if (this.atStatementEnd()) return out;
      const m = /^(!?)([a-z.][a-z0-9.-]*)(!=|=|~|<|>)?/.exec(this.src.slice(this.i, this.i + 80));
      if (!m) this.fail('bad find condition');
      this.i += m[0].length;
      const prop = m[2]!;
      if ((prop === 'where' || prop === 'and') && !m[1] && !m[3]) continue;
      if (m[3]) {
        if (m[1]) this.fail('bad find condition');
        out.push({ prop, op: m[3] as Cond['op'], value: this.value() });
      } else out.push({ prop, op: m[1] ? 'false' : 'true' });
    }
  }

  private varName(inExpr: boolean): string {
    if (this.peek() === '"') {
      const s = this.string();
      if (s.parts.some((p) => typeof p !== 'string')) this.fail('bad variable name');
      return s.parts.join('');
    }
    const re = inExpr ? /^[A-Za-z_][A-Za-z0-9_]*/ : /^[A-Za-z_][\w-]*/;
    const m = re.exec(this.src.slice(this.i, this.i + 128));
    if (!m) this.fail('bad variable name');
    const name = m[0].replace(/-+$/, '');
    this.i += name.length;
    return name;
  }

  /** One argument value in command context. */
  value(): Node {
    const c = this.peek();
    if (c === '"') return this.string();
    if (c === '$') {
      this.i++;
      return { k: 'var', name: this.varName(false) };
    }
    if (c === '[') {
      this.i++;
      return { k: 'sub', body: this.block(']') };
    }
    if (c === '(') {
      this.i++;
      const e = this.expr(0);
      this.skipSpace(true);
      if (this.peek() !== ')') this.fail('missing )');
      this.i++;
      return { k: 'expr', e };
    }
    if (c === '{') return this.braces();
    const w = this.readWord();
    if (w === '') this.fail(`unexpected ${c}`);
    return { k: 'word', text: w };
  }

  /** `{…}`: an array of values when it starts like a value (`{"jan";"feb"}`, `{1;2}`), else a code block. */
  private braces(): Node {
    this.i++;
    const save = { i: this.i, line: this.line };
    this.skipSpace(true);
    const c = this.peek();
    if (c === '"' || c === '$' || c === '(' || /[0-9-]/.test(c)) {
      const items: Node[] = [];
      for (;;) {
        this.skipSpace(true);
        if (this.peek() === '}') {
          this.i++;
          return { k: 'array', items };
        }
        if (this.peek() === ';') {
          this.i++;
          continue;
        }
        items.push(this.value());
      }
    }
    this.i = save.i;
    this.line = save.line;
    return { k: 'block', body: this.block('}') };
  }

  private string(): { k: 'str'; parts: StrPart[] } {
    const parts: StrPart[] = [];
    let lit = '';
    this.i++;
    const flush = (): void => {
      if (lit !== '') parts.push(lit);
      lit = '';
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '"') {
        this.i++;
        flush();
        return { k: 'str', parts };
      }
      if (c === '\n') this.line++;
      if (c === '\\' && /^[0-9A-Fa-f]{2}$/.test(this.src.slice(this.i + 1, this.i + 3))) {
        // `\XX`: a byte given in hex (manual "Scripting", constant escape sequences).
        lit += String.fromCharCode(parseInt(this.src.slice(this.i + 1, this.i + 3), 16));
        this.i += 3;
        continue;
      }
      if (c === '\\' && this.i + 1 < this.src.length) {
        const n = this.src[this.i + 1]!;
        lit += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
        this.i += 2;
        continue;
      }
      if (c === '$' && VAR_START.test(this.src[this.i + 1] ?? '')) {
        this.i++;
        flush();
        parts.push({ var: this.varName(false) });
        continue;
      }
      lit += c;
      this.i++;
    }
    this.fail('unterminated string');
  }

  // Expressions inside ( ): usual precedence, loosest first.
  private static readonly LEVELS: ReadonlyArray<readonly BinOp[]> = [
    ['||'],
    ['&&'],
    ['=', '!=', '<=', '>=', '<', '>', '~'],
    ['.'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private readOp(level: readonly BinOp[]): BinOp | null {
    this.skipSpace(true);
    const rest = this.src.slice(this.i, this.i + 4);
    const words: Record<string, BinOp> = { and: '&&', or: '||' };
    for (const [w, op] of Object.entries(words)) {
      if (new RegExp(`^${w}\\b`).test(rest) && level.includes(op)) {
        this.i += w.length;
        return op;
      }
    }
    for (const op of [...level].sort((a, b) => b.length - a.length)) {
      if (rest.startsWith(op)) {
        // `.` followed by a digit inside a number is not reached here (numbers are read whole).
        this.i += op.length;
        return op;
      }
    }
    return null;
  }

  private expr(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let a = this.expr(level + 1);
    for (;;) {
      const op = this.readOp(Parser.LEVELS[level]!);
      if (op === null) return a;
      const b = this.expr(level + 1);
      a = { k: 'bin', op, a, b };
    }
  }

  private unary(): Expr {
    this.skipSpace(true);
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.i++;
      return { k: 'un', op: '!', a: this.unary() };
    }
    if (/^not\b/.test(this.src.slice(this.i, this.i + 4))) {
      this.i += 3;
      return { k: 'un', op: '!', a: this.unary() };
    }
    if (this.peek() === '-' && !/[0-9]/.test(this.peek(1))) {
      this.i++;
      return { k: 'un', op: '-', a: this.unary() };
    }
    return { k: 'atom', n: this.primary() };
  }

  private primary(): Node {
    const c = this.peek();
    if (c === '$') {
      this.i++;
      return { k: 'var', name: this.varName(true) };
    }
    if (c === '"' || c === '[' || c === '(' || c === '{') return this.value();
    const m = /^(-?\d+(?::\d\d){1,2}|-?(?:\d+[wdhms])+|-?\d+|[A-Za-z_][A-Za-z0-9_]*|\*[0-9A-Fa-f]+)/.exec(this.src.slice(this.i, this.i + 64));
    if (!m) this.fail(`unexpected ${c === '' ? 'end of text' : c}`);
    this.i += m[0].length;
    return { k: 'word', text: m[0] };
  }
}

/** Parses a whole script; throws ScriptSyntaxError when RouterOS would refuse it. */
export function parseRouterScript(source: string): Stmt[] {
  return new Parser(source).block('');
}
