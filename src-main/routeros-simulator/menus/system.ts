/** /system menus: identity, resource, clock, routerboard, package, script, scheduler. */
import { boardProfile } from '../boards';
import type { RouterCore } from '../core';
import { formatDate, formatDateTime, formatTime, formatTimeOfDay, formatYmd, parseStartDate, parseTimeOfDay } from '../dates';
import { formatUptime } from '../duration';
import { hash32 } from '../rng';
import { RosTrap, type MenuSpec, type Props } from '../spec';
import { READ_VERBS } from '../verbs';

const SCRIPT_POLICY = 'ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon';
const POLICY_NAMES = SCRIPT_POLICY.split(',');

/**
 * Script and scheduler `policy`: a set of the ten script policies (Scripting manual, "Script permissions",
 * https://help.mikrotik.com/docs/display/ROS/Scripting). A name outside the set traps (the router's value
 * list refuses it, as for any list-valued argument: API manual category 1) instead of being stored and
 * silently granting nothing; the router keeps a bit set, so it prints the policies in its own order.
 */
function normalizePolicy(props: Props): void {
  const raw = props.policy;
  if (raw === undefined) return;
  const given = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const p of given) if (!POLICY_NAMES.includes(p)) throw new RosTrap('input does not match any value of policy', 1);
  props.policy = POLICY_NAMES.filter((p) => given.includes(p)).join(',');
}

const ro = { readOnly: true } as const;

function buildTime(core: RouterCore): string {
  return formatDateTime(Date.UTC(2024, 10, 6, 8, 54, 33), core.dateStyle);
}

export const identity: MenuSpec = {
  path: '/system/identity',
  kind: 'singleton',
  fields: { name: { default: 'MikroTik' } },
  exportSection: '/system identity',
};

export const resource: MenuSpec = {
  path: '/system/resource',
  kind: 'singleton',
  apiVerbs: READ_VERBS,
  fields: {
    uptime: ro,
    version: { readOnly: true, default: (c) => c.version.display },
    'build-time': { readOnly: true, default: buildTime },
    'factory-software': { readOnly: true, default: (c) => (c.version.v7 ? '7.1.5' : '6.44.6') },
    'free-memory': ro,
    'total-memory': { readOnly: true, default: (c) => String(boardProfile(c.settings.boardName).totalMemory) },
    cpu: { readOnly: true, default: (c) => boardProfile(c.settings.boardName).cpu },
    'cpu-count': { readOnly: true, default: (c) => String(boardProfile(c.settings.boardName).cpuCount) },
    'cpu-frequency': { readOnly: true, default: (c) => String(boardProfile(c.settings.boardName).cpuFrequency) },
    'cpu-load': ro,
    'free-hdd-space': ro,
    'total-hdd-space': { readOnly: true, default: (c) => String(boardProfile(c.settings.boardName).totalHdd) },
    'write-sect-since-reboot': { readOnly: true, default: '1543' },
    'write-sect-total': { readOnly: true, default: '4188523' },
    'bad-blocks': { readOnly: true, default: '0' },
    'architecture-name': { readOnly: true, default: (c) => boardProfile(c.settings.boardName).architecture },
    'board-name': { readOnly: true, default: (c) => c.settings.boardName },
    platform: { readOnly: true, default: 'MikroTik' },
  },
  computed: (_row, core) => {
    const now = core.clock.nowMs();
    const board = boardProfile(core.settings.boardName);
    const tick = Math.floor(now / 1000);
    const active = core.state.table('/ppp/active').size;
    const load = 2 + (hash32(`cpu${tick}`, core.settings.seed) % 12) + Math.min(40, Math.floor(active / 10));
    const used = Math.floor(board.totalMemory * (0.18 + (hash32(`mem${Math.floor(tick / 60)}`, core.settings.seed) % 80) / 1000));
    return {
      uptime: formatUptime(now - core.bootMs),
      'cpu-load': String(load),
      'free-memory': String(board.totalMemory - used),
      'free-hdd-space': String(Math.floor(board.totalHdd * 0.62)),
    };
  },
};

export const clock: MenuSpec = {
  path: '/system/clock',
  kind: 'singleton',
  fields: {
    time: ro,
    date: ro,
    'time-zone-autodetect': { type: 'bool', default: 'true' },
    'time-zone-name': { default: 'Africa/Nairobi' },
    'gmt-offset': { readOnly: true },
    'dst-active': { readOnly: true, default: 'false', v7: true },
  },
  computed: (_row, core) => {
    const now = core.wall.nowMs();
    const off = core.dateStyle.offsetMinutes;
    const abs = Math.abs(off);
    const gmt = `${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return { time: formatTime(now, core.dateStyle), date: formatDate(now, core.dateStyle), 'gmt-offset': gmt };
  },
  exportSection: '/system clock',
};

export const routerboard: MenuSpec = {
  path: '/system/routerboard',
  kind: 'singleton',
  apiVerbs: READ_VERBS,
  fields: {
    routerboard: { readOnly: true, type: 'bool', default: (c) => (boardProfile(c.settings.boardName).routerboard ? 'true' : 'false') },
    'board-name': { readOnly: true, default: (c) => c.settings.boardName },
    model: { readOnly: true, default: (c) => c.settings.boardName },
    'serial-number': { readOnly: true, default: (c) => (hash32('serial', c.settings.seed).toString(16).toUpperCase() + 'A1B').slice(0, 12) },
    'firmware-type': { readOnly: true, default: (c) => boardProfile(c.settings.boardName).firmwareType },
    'factory-firmware': { readOnly: true, default: (c) => (c.version.v7 ? '7.1.5' : '6.44.6') },
    'current-firmware': { readOnly: true, default: (c) => c.version.text },
    'upgrade-firmware': { readOnly: true, default: (c) => c.version.text },
    'software-id': { readOnly: true, hidden: true, default: (c) => {
      const h = hash32('swid', c.settings.seed).toString(36).toUpperCase().padStart(8, 'X').slice(0, 8);
      return `${h.slice(0, 4)}-${h.slice(4)}`;
    } },
  },
};

export const systemPackage: MenuSpec = {
  path: '/system/package',
  kind: 'list',
  apiVerbs: READ_VERBS,
  fields: { name: ro, version: ro, 'build-time': ro, scheduled: { readOnly: true, default: '' }, disabled: { readOnly: true, type: 'bool', default: 'false' } },
  nameField: 'name',
};

export const script: MenuSpec = {
  path: '/system/script',
  kind: 'list',
  nameField: 'name',
  fields: {
    name: { default: (c) => `script${c.state.table('/system/script').size + 1}` },
    owner: { readOnly: true, default: 'admin' },
    policy: { default: SCRIPT_POLICY },
    'dont-require-permissions': { type: 'bool', default: 'false' },
    'last-started': ro,
    'run-count': { readOnly: true, default: '0' },
    source: { default: '' },
    invalid: { readOnly: true, type: 'bool' },
    comment: {},
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  hooks: {
    beforeAdd: (props) => normalizePolicy(props),
    beforeSet: (_row, changes) => normalizePolicy(changes),
  },
  // A script whose source the router cannot parse is flagged `invalid` (Scripting manual, script repository).
  computed: (row, core) => ({ invalid: core.scripts.validate(row.props.source ?? '') === null ? 'false' : 'true' }),
  verbs: {
    run: {
      policy: 'write',
      run: (ctx, table) => {
        const which = ctx.attrs['.id'] ?? ctx.attrs.number ?? ctx.attrs.numbers;
        if (which === undefined) throw new RosTrap('missing value(s) of argument(s) number', 1);
        for (const row of table.resolve(which)) ctx.core.scripts.runStoredScript(row.id, `script ${row.props.name ?? row.id}`);
        ctx.done();
      },
    },
  },
  exportSection: '/system script',
};

/**
 * Scheduler `start-date`/`start-time` as the router takes and prints them: the date in this version's form
 * (parseStartDate), the time `HH:MM:SS` or `startup`; anything else traps like any bad argument value
 * ("invalid value for argument …", category 1 = argument value failure, API manual
 * https://help.mikrotik.com/docs/spaces/ROS/pages/47579160/API; integrations.md §1.8).
 */
function normalizeStart(props: Props, core: RouterCore): void {
  const date = props['start-date'];
  if (date !== undefined) {
    const parsed = parseStartDate(date, core.dateStyle);
    if (!parsed) throw new RosTrap('invalid value for argument start-date', 1);
    props['start-date'] = formatYmd(parsed, core.dateStyle);
  }
  const time = props['start-time'];
  if (time !== undefined && time !== 'startup') {
    const secs = parseTimeOfDay(time);
    if (secs === null) throw new RosTrap('invalid value for argument start-time', 1);
    props['start-time'] = formatTimeOfDay(secs);
  }
}

export const scheduler: MenuSpec = {
  path: '/system/scheduler',
  kind: 'list',
  nameField: 'name',
  mandatory: ['name'],
  fields: {
    name: {},
    'start-date': { default: (c) => formatDate(c.clock.nowMs(), c.dateStyle) },
    'start-time': { default: (c) => formatTime(c.clock.nowMs(), c.dateStyle), words: ['startup'] },
    interval: { type: 'duration', default: '0s' },
    policy: { default: SCRIPT_POLICY },
    'on-event': { default: '' },
    owner: { readOnly: true, default: 'admin' },
    'run-count': { readOnly: true, default: '0' },
    'next-run': ro,
    invalid: { readOnly: true, type: 'bool' },
    disabled: { type: 'bool', default: 'false' },
    comment: {},
  },
  unique: [{ fields: ['name'], message: 'failure: item with such name already exists' }],
  computed: (row, core) => core.scheduler.computed(row),
  hooks: {
    beforeAdd: (props, core) => {
      normalizeStart(props, core);
      normalizePolicy(props);
    },
    beforeSet: (_row, changes, core) => {
      normalizeStart(changes, core);
      normalizePolicy(changes);
    },
    afterAdd: (row, core) => core.scheduler.arm(row.id),
    afterSet: (row, _prev, core) => core.scheduler.arm(row.id),
    afterRemove: (row, core) => core.scheduler.disarm(row.id),
  },
  exportSection: '/system scheduler',
};

/**
 * `/system ntp client`. v7: `enabled`, `servers`, read-only `status` (synchronized|stopped|waiting|…);
 * v6 (SNTP): `primary-ntp`, read-only `last-update-from` / `last-update-before` / `last-adjustment`, empty
 * until the client has synced (NTP manual, https://help.mikrotik.com/docs/spaces/ROS/pages/40992869/NTP;
 * router-enforcement.md §1.2). State comes from the wall clock (wall-clock.ts).
 */
export const ntpClient: MenuSpec = {
  path: '/system/ntp/client',
  kind: 'singleton',
  fields: {
    enabled: { type: 'bool', default: 'true' },
    mode: { type: 'enum', values: ['unicast', 'broadcast', 'multicast', 'manycast'], default: 'unicast' },
  },
  computed: (_row, core): Props => {
    const enabled = _row.props.enabled !== 'false';
    if (core.version.v7) {
      const status = !enabled ? 'stopped' : core.wall.synced ? 'synchronized' : 'waiting';
      const out: Props = { servers: core.wall.server, status };
      if (core.wall.synced && enabled) out['synced-server'] = core.wall.server;
      return out;
    }
    const synced = enabled && core.wall.synced;
    return {
      'primary-ntp': core.wall.server,
      'last-update-from': synced ? core.wall.server : '',
      'last-update-before': synced ? '00:00:12' : '',
      'last-adjustment': synced ? '1ms' : '',
    };
  },
  // Not in /export here: the export tests pin the section list of the factory router.
  exportSection: false,
};

export const SYSTEM_MENUS: MenuSpec[] = [identity, clock, resource, routerboard, systemPackage, script, scheduler, ntpClient];
