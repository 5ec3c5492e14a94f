/**
 * Parser for the RouterOS script subset the product writes into schedulers and profile scripts:
 * statements split by `;` or newlines; menu commands (`/ppp secret disable [find name="x"]`,
 * `/ip firewall address-list add list=L address=A comment="c"`), `:log <level> "text"`, `:put`, `:delay`.
 */

export type Part = { lit: string } | { var: string };
export type Seg = { t: 'lit'; s: string } | { t: 'str'; parts: Part[] } | { t: 'var'; name: string } | { t: 'br'; src: string };
export interface Token {
  segs: Seg[];
  raw: string;
}

export interface Arg {
  /** undefined for positional arguments (`[find ...]`, item names). */
  name?: string;
  value: Seg[];
}

export type Statement =
  | { kind: 'log'; level: string; message: Seg[]; source: string }
  | { kind: 'noop'; source: string }
  | { kind: 'command'; path: string; verb: string; args: Arg[]; source: string };

export class ScriptSyntaxError extends Error {}

const LOG_LEVELS = new Set(['info', 'warning', 'error', 'debug']);
const VERBS = new Set([
  'add', 'set', 'remove', 'enable', 'disable', 'print', 'run', 'unset', 'move', 'comment', 'make-static', 'login',
  'fetch', 'find', 'export', 'reset-counters', 'get',
]);

/** Splits source into statement strings at top-level `;` / newlines (quotes, brackets, braces respected). */
export function splitStatements(source: string): string[] {
  const text = source.replace(/\\\r?\n\s*/g, ' ');
  const out: string[] = [];
  let depth = 0;
  let inStr = false;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inStr) {
      cur += c;
      if (c === '\\' && i + 1 < text.length) cur += text[++i]!;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth--;
    if ((c === ';' || c === '\n' || c === '\r') && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (inStr) throw new ScriptSyntaxError('unterminated string');
  if (depth !== 0) throw new ScriptSyntaxError('unbalanced brackets');
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

function readString(src: string, start: number): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let lit = '';
  let i = start + 1;
  const flush = (): void => {
    if (lit !== '') parts.push({ lit });
    lit = '';
  };
  for (; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"') {
      flush();
      return { parts, end: i + 1 };
    }
    if (c === '\\' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      // `\XX`: a byte given in hex (manual "Scripting", constant escape sequences).
      lit += String.fromCharCode(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i]!;
      lit += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][\w-]*)/.exec(src.slice(i));
      if (m) {
        flush();
        parts.push({ var: m[1]! });
        i += m[0].length - 1;
        continue;
      }
    }
    lit += c;
  }
  throw new ScriptSyntaxError('unterminated string');
}

function readBracket(src: string, start: number): { inner: string; end: number } {
  let depth = 0;
  let inStr = false;
  for (let i = start; i < src.length; i++) {
    const c = src[i]!;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return { inner: src.slice(start + 1, i), end: i + 1 };
  }
  throw new ScriptSyntaxError('unterminated [');
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    while (i < src.length && /\s/.test(src[i]!)) i++;
    if (i >= src.length) break;
    const start = i;
    const segs: Seg[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit !== '') segs.push({ t: 'lit', s: lit });
      lit = '';
    };
    while (i < src.length && !/\s/.test(src[i]!)) {
      const c = src[i]!;
      if (c === '"') {
        flush();
        const s = readString(src, i);
        segs.push({ t: 'str', parts: s.parts });
        i = s.end;
      } else if (c === '[') {
        flush();
        const b = readBracket(src, i);
        segs.push({ t: 'br', src: b.inner.trim() });
        i = b.end;
      } else if (c === '$' && /^\$[A-Za-z_]/.test(src.slice(i))) {
        flush();
        const m = /^\$([A-Za-z_][\w-]*)/.exec(src.slice(i))!;
        segs.push({ t: 'var', name: m[1]! });
        i += m[0].length;
      } else {
        lit += c;
        i++;
      }
    }
    flush();
    tokens.push({ segs, raw: src.slice(start, i) });
  }
  return tokens;
}

/** `key=value` split of a token; undefined when the token is positional. */
function keyed(tok: Token): Arg | undefined {
  const first = tok.segs[0];
  if (!first || first.t !== 'lit') return undefined;
  const eq = first.s.indexOf('=');
  if (eq <= 0) return undefined;
  const rest = first.s.slice(eq + 1);
  return { name: first.s.slice(0, eq), value: [...(rest !== '' ? [{ t: 'lit', s: rest } as Seg] : []), ...tok.segs.slice(1)] };
}

function isPlainWord(tok: Token): boolean {
  return tok.segs.length === 1 && tok.segs[0]!.t === 'lit' && !tok.raw.includes('=');
}

/** Parses one statement (also used for bracket expressions like `find name="x"`). */
export function parseStatement(source: string): Statement {
  const tokens = tokenize(source);
  const head = tokens[0];
  if (!head) throw new ScriptSyntaxError('empty statement');
  if (head.raw === ':log') {
    const level = tokens[1]?.raw ?? '';
    if (!LOG_LEVELS.has(level)) throw new ScriptSyntaxError(`bad :log level ${level}`);
    return { kind: 'log', level, message: tokens.slice(2).flatMap((t, i) => (i > 0 ? [{ t: 'lit', s: ' ' } as Seg, ...t.segs] : t.segs)), source };
  }
  if (head.raw === ':put' || head.raw === ':delay') return { kind: 'noop', source };
  const path: string[] = [];
  let verb: string | undefined;
  let i = 0;
  const absolute = head.raw.startsWith('/');
  if (absolute) {
    for (const seg of head.raw.split('/').filter((s) => s !== '')) {
      if (verb === undefined && VERBS.has(seg) && path.length > 0) verb = seg;
      else if (verb === undefined) path.push(seg);
    }
    i = 1;
  }
  while (verb === undefined && i < tokens.length && isPlainWord(tokens[i]!)) {
    const w = tokens[i++]!.raw;
    if (VERBS.has(w)) verb = w;
    else path.push(w);
  }
  if (verb === undefined) verb = path.pop();
  if (verb === undefined || (!absolute && path.length !== 0)) throw new ScriptSyntaxError(`bad command name ${head.raw}`);
  const args: Arg[] = [];
  for (const tok of tokens.slice(i)) args.push(keyed(tok) ?? { value: tok.segs });
  return { kind: 'command', path: absolute ? `/${path.join('/')}` : '', verb, args, source };
}

export function parseScript(source: string): Statement[] {
  return splitStatements(source).map(parseStatement);
}
