/**
 * API query words for print (integrations.md §1.6, MikroTik manual "Queries"): each item is evaluated
 * with a stack of booleans that starts as infinitely many `true`; it matches when no `false` is left.
 */

export type QueryItem = (name: string) => string | undefined;

type Step =
  | { kind: 'has'; name: string; negate: boolean }
  | { kind: 'cmp'; name: string; op: '=' | '<' | '>'; value: string }
  | { kind: 'ops'; ops: string };

export class QuerySyntaxError extends Error {}

export interface CompiledQuery {
  readonly empty: boolean;
  /** True when there is no `?#` word, so every pushed value is ANDed (lets callers use indexes). */
  readonly conjunctive: boolean;
  /** `name=value` equalities of a conjunctive query. */
  readonly equalities: ReadonlyArray<{ name: string; value: string }>;
  matches(item: QueryItem): boolean;
}

export function compileQuery(words: readonly string[], normalize?: (name: string, value: string) => string): CompiledQuery {
  const steps: Step[] = words.map((w) => parseWord(w, normalize));
  const conjunctive = steps.every((s) => s.kind !== 'ops');
  const equalities = conjunctive
    ? steps.flatMap((s) => (s.kind === 'cmp' && s.op === '=' ? [{ name: s.name, value: s.value }] : []))
    : [];
  return {
    empty: steps.length === 0,
    conjunctive,
    equalities,
    matches: (item) => (steps.length === 0 ? true : conjunctive ? allTrue(steps, item) : evaluate(steps, item)),
  };
}

function parseWord(word: string, normalize?: (name: string, value: string) => string): Step {
  if (!word.startsWith('?')) throw new QuerySyntaxError(`not a query word: ${word}`);
  const body = word.slice(1);
  if (body.startsWith('#')) return { kind: 'ops', ops: body.slice(1) };
  const first = body[0];
  if (first === '<' || first === '>' || first === '=') {
    const rest = body.slice(1);
    const eq = rest.indexOf('=');
    if (eq <= 0) throw new QuerySyntaxError(`bad query word: ${word}`);
    const name = rest.slice(0, eq);
    const raw = rest.slice(eq + 1);
    return { kind: 'cmp', name, op: first, value: normalize ? normalize(name, raw) : raw };
  }
  if (first === '-') return { kind: 'has', name: body.slice(1), negate: true };
  const eq = body.indexOf('=');
  if (eq === -1) return { kind: 'has', name: body, negate: false };
  const name = body.slice(0, eq);
  const raw = body.slice(eq + 1);
  return { kind: 'cmp', name, op: '=', value: normalize ? normalize(name, raw) : raw };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function compare(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stack: explicit values on top of an infinite run of `fill` (initially true). */
class BoolStack {
  values: boolean[] = [];
  fill = true;
  push(v: boolean): void {
    this.values.push(v);
  }
  pop(): boolean {
    return this.values.length > 0 ? this.values.pop()! : this.fill;
  }
  /** Index 0 = top. */
  at(index: number): boolean {
    const i = this.values.length - 1 - index;
    return i >= 0 ? this.values[i]! : this.fill;
  }
  replaceAll(v: boolean): void {
    this.values = [];
    this.fill = v;
  }
  allTrue(): boolean {
    return this.fill && this.values.every(Boolean);
  }
}

function stepValue(step: Exclude<Step, { kind: 'ops' }>, item: QueryItem): boolean {
  if (step.kind === 'has') {
    const present = item(step.name) !== undefined;
    return step.negate ? !present : present;
  }
  const v = item(step.name);
  if (step.op === '=') return (v ?? '') === step.value;
  if (v === undefined) return false;
  const c = compare(v, step.value);
  return step.op === '<' ? c < 0 : c > 0;
}

/** Without `?#` every pushed value must be true: short-circuit, no stack. */
function allTrue(steps: readonly Step[], item: QueryItem): boolean {
  for (const step of steps) if (step.kind !== 'ops' && !stepValue(step, item)) return false;
  return true;
}

function evaluate(steps: readonly Step[], item: QueryItem): boolean {
  const stack = new BoolStack();
  for (const step of steps) {
    if (step.kind === 'ops') applyOps(stack, step.ops);
    else stack.push(stepValue(step, item));
  }
  return stack.allTrue();
}

/**
 * `?#` operations, left to right: digits = stack index (top 0); an index followed by another character
 * pushes a copy; an index at the end replaces all values; `!` negates the top; `&`/`|` pop two and push
 * the AND/OR; `.` after an index does nothing, after anything else pushes a copy of the top.
 */
function applyOps(stack: BoolStack, ops: string): void {
  let i = 0;
  let afterIndex = false;
  while (i < ops.length) {
    const ch = ops[i]!;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < ops.length && ops[j]! >= '0' && ops[j]! <= '9') j++;
      const index = Number(ops.slice(i, j));
      const value = stack.at(index);
      if (j === ops.length) stack.replaceAll(value);
      else stack.push(value);
      i = j;
      afterIndex = true;
      continue;
    }
    if (ch === '.') {
      if (!afterIndex) stack.push(stack.at(0));
    } else if (ch === '!') stack.push(!stack.pop());
    else if (ch === '&') {
      const a = stack.pop();
      const b = stack.pop();
      stack.push(a && b);
    } else if (ch === '|') {
      const a = stack.pop();
      const b = stack.pop();
      stack.push(a || b);
    } else throw new QuerySyntaxError(`unknown query operation '${ch}'`);
    afterIndex = false;
    i++;
  }
}

