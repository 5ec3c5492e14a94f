/** print / getall / listen: `.proplist`, queries, `count-only`, `from`, `follow`/`follow-only`, `interval`. */
import type { CommandContext } from './command';
import { parseDuration } from './duration';
import { compileQuery, QuerySyntaxError, type CompiledQuery } from './query';
import { RosTrap, type Props } from './spec';
import type { MenuTable, Row } from './table';
import { normalizeValue } from './values';

/** Print arguments a router accepts without effect here. */
const IGNORED = new Set([
  'detail', 'stats', 'without-paging', 'terse', 'brief', 'value-list', 'as-value', 'show-ids', 'where', 'append', 'file',
  'show-sensitive', 'oid', 'verbose',
]);

export function proplistOf(ctx: CommandContext): string[] | null {
  const p = ctx.attrs['.proplist'];
  return p === undefined ? null : p.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** `!re` attribute words of one item. */
export function itemWords(table: MenuTable, row: Row, view: Props, proplist: readonly string[] | null, hidden: ReadonlySet<string> = table.hiddenProps): string[] {
  const withId = table.spec.kind === 'list';
  const out: string[] = [];
  if (proplist) {
    for (const p of proplist) {
      if (p === '.id') {
        if (withId) out.push(`=.id=${row.id}`);
        continue;
      }
      const v = view[p];
      if (v !== undefined && !hidden.has(p) && !p.startsWith('$')) out.push(`=${p}=${v}`);
    }
    return out;
  }
  if (withId) out.push(`=.id=${row.id}`);
  // `$`-prefixed props are simulator bookkeeping (timestamps, factory values), never on the wire.
  for (const k in view) if (k.charCodeAt(0) !== 36 && !hidden.has(k)) out.push(`=${k}=${view[k]}`);
  return out;
}

export function compileFor(table: MenuTable, words: readonly string[]): CompiledQuery {
  try {
    return compileQuery(words, (name, value) => {
      const f = table.spec.fields[name];
      if (f?.type === 'bool') {
        try {
          return normalizeValue(name, value, f);
        } catch {
          return value;
        }
      }
      return value;
    });
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new RosTrap(err.message, 1);
    throw err;
  }
}

/** Items matching the query, using the `.id` or a unique index when the query is a plain AND. */
export function selectRows(table: MenuTable, query: CompiledQuery, from?: string): Array<{ row: Row; view: Props }> {
  let candidates: Iterable<Row> | null = from !== undefined ? table.resolve(from) : null;
  if (!candidates && query.conjunctive) {
    const indexable = table.spec.computed === undefined;
    for (const eq of query.equalities) {
      if (eq.name === '.id') {
        const r = table.byId(eq.value);
        candidates = r ? [r] : [];
        break;
      }
      if (indexable && !table.hiddenProps.has(eq.name) && table.hasUniqueIndex(eq.name)) {
        const r = table.byUnique(eq.name, eq.value);
        candidates = r ? [r] : [];
        break;
      }
    }
    const first = query.equalities.find((e) => e.name !== '.id' && !table.hiddenProps.has(e.name) && !e.name.startsWith('$'));
    if (!candidates && indexable && first) candidates = table.whereEquals(first.name, first.value);
  }
  candidates ??= table.rowsInOrder();
  const out: Array<{ row: Row; view: Props }> = [];
  for (const row of candidates) {
    const view = table.view(row);
    if (query.empty || query.matches((n) => (n === '.id' ? row.id : table.hiddenProps.has(n) || n.startsWith('$') ? undefined : view[n]))) out.push({ row, view });
  }
  return out;
}

export function runPrint(ctx: CommandContext, table: MenuTable): void {
  for (const k of Object.keys(ctx.attrs)) {
    if (!['.proplist', 'count-only', 'follow', 'follow-only', 'interval', 'from'].includes(k) && !IGNORED.has(k)) {
      throw new RosTrap(`unknown parameter ${k}`);
    }
  }
  const query = compileFor(table, ctx.queries);
  const proplist = proplistOf(ctx);
  const hidden = table.hiddenFor(ctx.session.policies);
  if (table.spec.kind === 'singleton') ctx.core.state.singletonRow(table.path);
  const printOnce = (): number => {
    const rows = selectRows(table, query, ctx.attrs.from);
    for (const { row, view } of rows) ctx.reWords(itemWords(table, row, view, proplist, hidden));
    return rows.length;
  };
  if ('count-only' in ctx.attrs) {
    ctx.done(String(selectRows(table, query, ctx.attrs.from).length));
    return;
  }
  if ('follow' in ctx.attrs || 'follow-only' in ctx.attrs) {
    if (!('follow-only' in ctx.attrs)) printOnce();
    const unsubscribe = table.subscribe((ev) => {
      if (ev.type !== 'add') return;
      const view = table.view(ev.row);
      if (query.empty || query.matches((n) => (n === '.id' ? ev.row.id : view[n]))) ctx.reWords(itemWords(table, ev.row, view, proplist, hidden));
    });
    ctx.onCancel(unsubscribe);
    return;
  }
  if (ctx.attrs.interval !== undefined) {
    const ms = parseDuration(ctx.attrs.interval);
    if (ms === null || ms <= 0) throw new RosTrap('invalid value for argument interval', 1);
    printOnce();
    const timer = ctx.core.clock.every(ms, () => {
      // Re-prints mark the start of each round with `.section`, as RouterOS does for repeated output.
      printOnce();
    });
    ctx.onCancel(() => timer.cancel());
    return;
  }
  if (printOnce() === 0) ctx.empty();
  else ctx.done();
}

export function runListen(ctx: CommandContext, table: MenuTable): void {
  const query = compileFor(table, ctx.queries);
  const proplist = proplistOf(ctx);
  const hidden = table.hiddenFor(ctx.session.policies);
  const unsubscribe = table.subscribe((ev) => {
    if (ev.type === 'remove') {
      ctx.reWords([`=.id=${ev.row.id}`, '=.dead=true']);
      return;
    }
    const view = table.view(ev.row);
    if (query.empty || query.matches((n) => (n === '.id' ? ev.row.id : view[n]))) ctx.reWords(itemWords(table, ev.row, view, proplist, hidden));
  });
  ctx.onCancel(unsubscribe);
}
