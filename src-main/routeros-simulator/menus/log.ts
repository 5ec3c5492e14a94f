/** /log (memory, last 1000 entries). */
import { formatLogTime } from '../dates';
import type { MenuSpec } from '../spec';
import { READ_VERBS } from '../verbs';

const ro = { readOnly: true } as const;

export const log: MenuSpec = {
  path: '/log',
  kind: 'list',
  apiVerbs: READ_VERBS,
  maxRows: 1000,
  fields: { time: ro, topics: ro, message: ro, $at: { readOnly: true, hidden: true } },
  computed: (row, core) => ({ time: formatLogTime(Number(row.props.$at ?? 0), core.clock.nowMs(), core.dateStyle) }),
  exportSection: false,
};

export const LOG_MENUS: MenuSpec[] = [log];
