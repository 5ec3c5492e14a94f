/** /tool/netwatch (checks on the clock, runs up/down scripts) and the /ping, /tool/ping command. */
import type { MenuSpec } from '../spec';

export const netwatch: MenuSpec = {
  path: '/tool/netwatch',
  kind: 'list',
  mandatory: ['host'],
  fields: {
    host: {},
    type: { default: 'simple', v7: true },
    interval: { type: 'duration', default: '10s' },
    timeout: { type: 'duration', default: '1s' },
    status: { readOnly: true, default: 'unknown' },
    since: { readOnly: true },
    'up-script': { default: '' },
    'down-script': { default: '' },
    // The seed system writes `on-up`/`on-down`; accepted and run like up-/down-script.
    'on-up': {},
    'on-down': {},
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  hooks: {
    afterAdd: (row, core) => core.netwatch.arm(row.id),
    afterSet: (row, prev, core) => {
      if (row.props.interval !== prev.interval || row.props.disabled !== prev.disabled || row.props.host !== prev.host) core.netwatch.arm(row.id);
    },
    afterRemove: (row, core) => core.netwatch.disarm(row.id),
  },
  exportSection: '/tool netwatch',
};

export const TOOL_MENUS: MenuSpec[] = [netwatch];
