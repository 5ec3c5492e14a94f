/**
 * All menus of one simulated router. Tests and seeds use the synchronous record API
 * (`state.menu('/ppp/secret').add({...})`); the protocol engine uses the MenuTable underneath.
 */
import { fromByteString, toByteString } from './bytes';
import type { RouterCore } from './core';
import { RosTrap, type MenuSpec, type Props } from './spec';
import { MenuTable, type Row } from './table';

/** A printed item: `.id` (lists) plus its properties as JS text (stored bytes decoded as UTF-8; see rawBytes). */
export type SimRecord = Record<string, string>;
/** Text is stored as its UTF-8 bytes; a Buffer is stored as given (e.g. a Windows-1252 comment). */
export type SimInput = Record<string, string | number | boolean | Buffer | undefined>;

function toProps(input: SimInput): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'boolean' ? (v ? 'true' : 'false') : typeof v === 'number' ? String(v) : toByteString(v);
  }
  return out;
}

export function normalizeMenuPath(path: string): string {
  const p = path.trim().replace(/\s+/g, '/').replace(/\/+/g, '/');
  return p.startsWith('/') ? p : `/${p}`;
}

export class MenuHandle {
  constructor(readonly table: MenuTable) {}

  private record(row: Row): SimRecord {
    const view = this.table.view(row);
    const out: SimRecord = this.table.spec.kind === 'list' ? { '.id': row.id } : {};
    for (const [k, v] of Object.entries(view)) if (!this.table.hiddenProps.has(k) && !k.startsWith('$')) out[k] = fromByteString(v);
    return out;
  }

  private matches(row: Row, filter: Props): boolean {
    const view = this.table.view(row);
    return Object.entries(filter).every(([k, v]) => (k === '.id' ? row.id === v : view[k] === v));
  }

  all(): SimRecord[] {
    return [...this.table.rowsInOrder()].map((r) => this.record(r));
  }

  find(filter: SimInput): SimRecord | undefined {
    const f = toProps(filter);
    for (const r of this.table.rowsInOrder()) if (this.matches(r, f)) return this.record(r);
    return undefined;
  }

  filter(filter: SimInput): SimRecord[] {
    const f = toProps(filter);
    return [...this.table.rowsInOrder()].filter((r) => this.matches(r, f)).map((r) => this.record(r));
  }

  get(id: string): SimRecord | undefined {
    const r = this.table.byId(id);
    return r ? this.record(r) : undefined;
  }

  /** The exact bytes the router holds for one property (what the API sends). */
  rawBytes(id: string, prop: string): Buffer | undefined {
    const r = this.table.byId(id);
    const v = r ? this.table.view(r)[prop] : undefined;
    return v === undefined ? undefined : Buffer.from(v, 'latin1');
  }

  /** Adds an item (router validation applies, read-only props allowed); returns its `.id`. */
  add(props: SimInput): string {
    return this.table.insert(toProps(props), 'internal').id;
  }

  update(id: string, props: SimInput): void {
    const r = this.table.byId(id);
    if (!r) throw new RosTrap('no such item');
    this.table.update(r, toProps(props), 'internal');
  }

  remove(id: string): void {
    const r = this.table.byId(id);
    if (!r) throw new RosTrap('no such item');
    this.table.delete(r, 'internal');
  }

  get count(): number {
    return this.table.size;
  }
}

export class SimState {
  private readonly tables = new Map<string, MenuTable>();
  private readonly handles = new Map<string, MenuHandle>();

  constructor(
    specs: readonly MenuSpec[],
    private readonly coreRef: () => RouterCore,
    v7: boolean,
  ) {
    for (const spec of specs) this.tables.set(spec.path, new MenuTable(spec, coreRef, v7));
  }

  /** The router owning this state (sessions, clock, log) — for seeds that need more than menus. */
  get router(): RouterCore {
    return this.coreRef();
  }

  hasMenu(path: string): boolean {
    return this.tables.has(normalizeMenuPath(path));
  }

  menuPaths(): string[] {
    return [...this.tables.keys()];
  }

  /** Engine access. */
  table(path: string): MenuTable {
    const t = this.tables.get(normalizeMenuPath(path));
    if (!t) throw new Error(`simulator has no menu ${path}`);
    return t;
  }

  menu(path: string): MenuHandle {
    const p = normalizeMenuPath(path);
    let h = this.handles.get(p);
    if (!h) {
      h = new MenuHandle(this.table(p));
      this.handles.set(p, h);
    }
    return h;
  }

  /** The single item of a singleton menu (created with defaults on first use). */
  singletonRow(path: string): Row {
    const t = this.table(path);
    const first = t.rowsInOrder().next().value;
    return first ?? t.insert({}, 'internal', { id: '*0' });
  }

  singleton(path: string): { get(): SimRecord; set(props: SimInput): void } {
    const t = this.table(path);
    return {
      get: () => {
        const row = this.singletonRow(path);
        const out: SimRecord = {};
        for (const [k, v] of Object.entries(t.view(row))) if (!t.hiddenProps.has(k) && !k.startsWith('$')) out[k] = fromByteString(v);
        return out;
      },
      set: (props) => t.update(this.singletonRow(path), toProps(props), 'internal'),
    };
  }
}
