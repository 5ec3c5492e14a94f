/** Generic item commands shared by every menu (integrations.md §1.7). */
import type { CommandContext } from './command';
import { checkExportArgs, exportShowsSensitive, finishExport } from './commands';
import { exportMenu } from './export';
import { runListen, runPrint } from './print';
import { RosTrap, type Props, type VerbSpec } from './spec';
import type { MenuTable, Row } from './table';

function targets(ctx: CommandContext, table: MenuTable): Row[] {
  if (table.spec.kind === 'singleton') return [ctx.core.state.singletonRow(table.path)];
  const list = ctx.attrs['.id'] ?? ctx.attrs.numbers;
  if (list === undefined) throw new RosTrap('missing value(s) of argument(s) numbers', 1);
  return table.resolve(list);
}

function changesOf(ctx: CommandContext, skip: readonly string[]): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(ctx.attrs)) if (!skip.includes(k)) out[k] = v;
  return out;
}

function listOnly(table: MenuTable): void {
  if (table.spec.kind !== 'list') throw new RosTrap('no such command');
}

export const GENERIC_VERBS: Record<string, VerbSpec> = {
  print: { policy: 'read', run: runPrint },
  getall: { policy: 'read', run: runPrint },
  listen: { policy: 'read', run: runListen },
  export: {
    policy: 'read',
    run: (ctx, table) => {
      checkExportArgs(ctx);
      finishExport(ctx, exportMenu(ctx.core, table, exportShowsSensitive(ctx)));
    },
  },
  add: {
    policy: 'write',
    run: (ctx, table) => {
      listOnly(table);
      const before = ctx.attrs['place-before'];
      const placeBefore = before !== undefined && table.spec.ordered ? table.resolve(before)[0] : undefined;
      const row = table.insert(changesOf(ctx, ['.proplist']), 'api', { placeBefore });
      ctx.done(ctx.core.settings.addWithoutRet.has(table.path) ? undefined : row.id);
    },
  },
  set: {
    policy: 'write',
    run: (ctx, table) => {
      const rows = targets(ctx, table);
      const changes = changesOf(ctx, ['.id', 'numbers']);
      for (const r of rows) table.update(r, changes, 'api');
      ctx.done();
    },
  },
  remove: {
    policy: 'write',
    run: (ctx, table) => {
      listOnly(table);
      for (const r of targets(ctx, table)) table.delete(r, 'api');
      ctx.done();
    },
  },
  enable: {
    policy: 'write',
    run: (ctx, table) => {
      listOnly(table);
      if (!('disabled' in table.spec.fields)) throw new RosTrap('no such command');
      for (const r of targets(ctx, table)) table.update(r, { disabled: 'false' }, 'api');
      ctx.done();
    },
  },
  disable: {
    policy: 'write',
    run: (ctx, table) => {
      listOnly(table);
      if (!('disabled' in table.spec.fields)) throw new RosTrap('no such command');
      for (const r of targets(ctx, table)) table.update(r, { disabled: 'true' }, 'api');
      ctx.done();
    },
  },
  unset: {
    policy: 'write',
    run: (ctx, table) => {
      const names = ctx.attrs['value-name'];
      if (names === undefined) throw new RosTrap('missing value(s) of argument(s) value-name', 1);
      const rows = targets(ctx, table);
      for (const r of rows) for (const n of names.split(',')) table.unset(r, n.trim(), 'api');
      ctx.done();
    },
  },
  comment: {
    policy: 'write',
    run: (ctx, table) => {
      listOnly(table);
      const rows = targets(ctx, table);
      for (const r of rows) table.update(r, { comment: ctx.attrs.comment ?? '' }, 'api');
      ctx.done();
    },
  },
  move: {
    policy: 'write',
    run: (ctx, table) => {
      if (!table.spec.ordered) throw new RosTrap('no such command');
      const rows = targets(ctx, table);
      const dest = ctx.attrs.destination;
      const destination = dest !== undefined && dest !== '' ? table.resolve(dest)[0] : undefined;
      table.move(rows, destination);
      ctx.done();
    },
  },
};

/** Verbs of menus the API can only read. */
export const READ_VERBS = ['print', 'getall', 'listen', 'export'] as const;

export function verbFor(table: MenuTable, verb: string): VerbSpec | undefined {
  const own = table.spec.verbs?.[verb];
  if (own) return own;
  const found = GENERIC_VERBS[verb];
  if (!found) return undefined;
  const generic = found.policy === 'write' && table.spec.writePolicy ? { ...found, policy: table.spec.writePolicy } : found;
  if (table.spec.kind === 'singleton' && !['print', 'getall', 'set', 'listen', 'export'].includes(verb)) return undefined;
  if (table.spec.apiVerbs && !table.spec.apiVerbs.includes(verb)) return undefined;
  return generic;
}
