/**
 * `/export` text (.rsc): deterministic — the same state gives the same text, except the first header
 * line with the date. Dynamic items and read-only or default-valued properties are left out, as RouterOS
 * does (no `verbose`). v7 hides sensitive values unless `show-sensitive`; v6 shows them unless `hide-sensitive`.
 */
import type { RouterCore } from './core';
import { formatDateTime } from './dates';
import type { Props } from './spec';
import type { MenuTable, Row } from './table';

const PLAIN = /^[A-Za-z0-9._:/*,@+-]+$/;

export function quoteRsc(value: string): string {
  if (value !== '' && PLAIN.test(value)) return value;
  return `"${value.replace(/[\\"$?]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function exportable(core: RouterCore, table: MenuTable, row: Row, showSensitive: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const props: Props = row.props;
  // Built-in items remember their factory values in `$seed`; only changes from those are exported.
  const factory = props.$seed ? (JSON.parse(props.$seed) as Props) : null;
  for (const [k, raw] of Object.entries(props)) {
    if (k.startsWith('$') || factory?.[k] === raw) continue;
    const f = table.spec.fields[k];
    if (k === 'dynamic' || k === 'default') continue;
    if (f) {
      if (f.readOnly || f.hidden || (f.v7 && !core.version.v7)) continue;
      if (f.sensitive && !showSensitive) continue;
      // Only literal defaults are dropped: computed ones (dates, counters) would make the text time-dependent.
      if (typeof f.default === 'string' && f.default === raw) continue;
      if (f.default === undefined && raw === '') continue;
    }
    out.push([k, f?.type === 'bool' ? (raw === 'true' ? 'yes' : 'no') : raw]);
  }
  return out;
}

export function line(verb: string, pairs: Array<[string, string]>): string {
  return [verb, ...pairs.map(([k, v]) => `${k}=${quoteRsc(v)}`)].join(' ');
}

export function exportSectionLines(core: RouterCore, table: MenuTable, showSensitive: boolean): string[] {
  const section = table.spec.exportSection;
  if (!section) return [];
  const lines: string[] = [];
  if (table.spec.exportLines) {
    lines.push(...table.spec.exportLines(core, [...table.rowsInOrder()]));
  } else if (table.spec.kind === 'singleton') {
    const pairs = exportable(core, table, core.state.singletonRow(table.path), showSensitive);
    if (pairs.length > 0) lines.push(line('set', pairs));
  } else {
    const defaults = [...table.rowsInOrder()].filter((r) => r.props.default === 'true').length;
    for (const row of table.rowsInOrder()) {
      if (row.props.dynamic === 'true' || (row.props.$seed && row.props.default !== 'true')) {
        if (row.props.dynamic === 'true' || exportable(core, table, row, showSensitive).length === 0) continue;
        lines.push(line(`set [ find name=${quoteRsc(row.props.name ?? '')} ]`, exportable(core, table, row, showSensitive)));
        continue;
      }
      const pairs = exportable(core, table, row, showSensitive);
      if (row.props.default === 'true') {
        const changed = pairs.filter(([k]) => k !== 'name');
        if (changed.length > 0) lines.push(line(defaults === 1 ? 'set [ find default=yes ]' : `set ${row.id}`, changed));
      } else lines.push(line('add', pairs));
    }
  }
  if (lines.length === 0) return [];
  return lines[0]!.startsWith('/') ? lines : [section, ...lines];
}

export function exportMenu(core: RouterCore, table: MenuTable, showSensitive: boolean): string {
  return [...header(core), ...exportSectionLines(core, table, showSensitive)].join('\n') + '\n';
}

function header(core: RouterCore): string[] {
  const rb = core.state.singletonRow('/system/routerboard').props;
  return [
    `# ${formatDateTime(core.clock.nowMs(), core.dateStyle)} by RouterOS ${core.version.text}`,
    `# software id = ${rb['software-id'] ?? 'SIM0-0000'}`,
    '#',
    `# model = ${rb.model ?? core.settings.boardName}`,
    `# serial number = ${rb['serial-number'] ?? '000000000000'}`,
  ];
}

export function exportAll(core: RouterCore, showSensitive: boolean): string {
  const lines = header(core);
  for (const path of core.state.menuPaths()) lines.push(...exportSectionLines(core, core.state.table(path), showSensitive));
  return lines.join('\n') + '\n';
}
