/**
 * /file: names, sizes and `contents`, capped per version, plus `/file/read` in chunks.
 * Manual: https://help.mikrotik.com/docs/spaces/ROS/pages/2555971/Files ("It is possible to retrieve
 * content and edit files up to 60KB in size. For accessing contents of larger files, please refer to
 * section Get File Contents", i.e. `/file/read`).
 */
import type { RouterCore } from '../core';
import { formatDateTime } from '../dates';
import { RosTrap, type MenuSpec, type Props } from '../spec';

const ro = { readOnly: true } as const;

/**
 * Largest `chunk-size` `/file/read` accepts: 32768 (tikoci centrs FILE_READ_CHUNK_BYTES,
 * https://tikoci.github.io/centrs/api/variables/FILE_READ_CHUNK_BYTES.html).
 */
export const FILE_READ_MAX_CHUNK = 32_768;

const READ_ARGS = new Set(['file', 'chunk-size', 'offset', 'as-value', '.proplist']);

/** Writes (or replaces) a file; contents are a byte string (bytes.ts). */
export function writeFile(core: RouterCore, name: string, type: string, data: string): void {
  const files = core.state.table('/file');
  const old = files.findBy('name', name);
  if (old) files.delete(old, 'internal');
  files.insert({ name, type, size: String(data.length), $data: data }, 'internal');
}

/**
 * Files outside `flash/` live on a RAM disk and are gone after a reboot ("anything outside of it is kept
 * within a RAM disk and will be lost upon reboot", Files manual above). Disk and directory entries stay.
 */
export function dropRamFiles(core: RouterCore): void {
  const files = core.state.table('/file');
  for (const row of [...files.rowsInOrder()]) {
    const name = row.props.name ?? '';
    if (row.props.type === 'disk' || row.props.type === 'directory' || name.startsWith('flash/')) continue;
    files.delete(row, 'internal');
  }
}

function nonNegativeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new RosTrap(`invalid value for argument ${name}`, 1);
  return Number(raw.trim());
}

export const file: MenuSpec = {
  path: '/file',
  kind: 'list',
  nameField: 'name',
  apiVerbs: ['print', 'getall', 'set', 'remove', 'listen', 'read'],
  fields: {
    name: ro,
    type: ro,
    size: ro,
    'free-space': ro,
    'creation-time': { readOnly: true, default: (c) => formatDateTime(c.clock.nowMs(), c.dateStyle) },
    contents: {},
    $data: { readOnly: true, hidden: true },
  },
  computed: (row, core): Props | undefined => {
    const data = row.props.$data;
    if (data === undefined) return undefined;
    // Bigger files print without `contents` (stricter than truncating: a client cannot mistake a cut file for a whole one).
    return data.length <= core.version.fileContentsMax ? { contents: data } : undefined;
  },
  hooks: {
    beforeAdd: (props) => {
      if (props.contents === undefined) return;
      props.$data = props.contents;
      props.size = String(props.contents.length);
      delete props.contents;
    },
    beforeSet: (_row, changes, core) => {
      const data = changes.contents;
      if (data === undefined) return;
      if (data.length > core.version.fileContentsMax) throw new RosTrap('failure: contents too long', 1);
      delete changes.contents;
      changes.$data = data;
      changes.size = String(data.length);
    },
  },
  verbs: {
    read: {
      policy: 'read',
      run: (ctx) => {
        const { core } = ctx;
        if (!core.version.fileRead) throw new RosTrap('no such command');
        for (const k of Object.keys(ctx.attrs)) if (!READ_ARGS.has(k)) throw new RosTrap(`unknown parameter ${k}`);
        const name = ctx.attrs.file;
        if (name === undefined || name === '') throw new RosTrap('missing value(s) of argument(s) file', 1);
        const chunk = nonNegativeInt('chunk-size', ctx.attrs['chunk-size'], Number.NaN);
        if (Number.isNaN(chunk)) throw new RosTrap('missing value(s) of argument(s) chunk-size', 1);
        if (chunk < 1 || chunk > FILE_READ_MAX_CHUNK) throw new RosTrap('invalid value for argument chunk-size', 1);
        const offset = nonNegativeInt('offset', ctx.attrs.offset, 0);
        const row = core.state.table('/file').findBy('name', name);
        if (!row || row.props.$data === undefined) throw new RosTrap('no such item');
        ctx.re({ data: row.props.$data.slice(offset, offset + chunk) });
        ctx.done();
      },
    },
  },
  exportSection: false,
};
