/** /log (memory, last 1000 entries) and /file. */
import { formatDateTime, formatLogTime } from '../dates';
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

export const file: MenuSpec = {
  path: '/file',
  kind: 'list',
  nameField: 'name',
  apiVerbs: ['print', 'getall', 'set', 'remove', 'listen'],
  fields: {
    name: ro,
    type: ro,
    size: ro,
    'free-space': ro,
    'creation-time': { readOnly: true, default: (c) => formatDateTime(c.clock.nowMs(), c.dateStyle) },
    contents: {},
  },
  hooks: {
    beforeSet: (_row, changes) => {
      if (changes.contents !== undefined) changes.size = String(Buffer.byteLength(changes.contents));
    },
  },
  exportSection: false,
};

export const LOG_MENUS: MenuSpec[] = [log, file];
