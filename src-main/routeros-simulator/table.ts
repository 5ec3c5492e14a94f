/** One menu's items: ids, defaults, validation, unique indexes, order and change events. */
import type { RouterCore } from './core';
import { RosTrap, type FieldSpec, type MenuSpec, type Props, type RowView } from './spec';
import { normalizeValue } from './values';

export interface Row extends RowView {
  readonly id: string;
  props: Props;
}

export type TableEvent = { type: 'add' | 'set' | 'remove'; row: Row };

/** Who is writing: the API (validated like a router) or the simulator itself / tests (may set read-only props). */
export type Origin = 'api' | 'internal';

export class MenuTable {
  private rows = new Map<string, Row>();
  private nextNum: number;
  private readonly uniqueIdx: Array<{ fields: readonly string[]; message: string; map: Map<string, Row> }>;
  private readonly listeners = new Set<(ev: TableEvent) => void>();
  /** Bumped on every change; invalidates the lazy equality indexes. */
  private version = 0;
  private readonly eqIndexes = new Map<string, { version: number; map: Map<string, Row[]> }>();
  /** Props never printed (hidden, or v7-only on v6). */
  readonly hiddenProps: ReadonlySet<string>;
  /** Hidden props plus passwords and secrets: what a session without the `sensitive` policy cannot see. */
  readonly hiddenWithoutSensitive: ReadonlySet<string>;

  constructor(
    readonly spec: MenuSpec,
    private readonly core: () => RouterCore,
    v7: boolean,
  ) {
    this.nextNum = spec.firstId ?? 1;
    this.uniqueIdx = (spec.unique ?? []).map((u) => ({ ...u, map: new Map<string, Row>() }));
    this.hiddenProps = new Set(
      Object.entries(spec.fields)
        .filter(([, f]) => f.hidden === true || (f.v7 === true && !v7))
        .map(([k]) => k),
    );
    this.hiddenWithoutSensitive = new Set([
      ...this.hiddenProps,
      ...Object.entries(spec.fields)
        .filter(([, f]) => f.sensitive === true)
        .map(([k]) => k),
    ]);
  }

  /** Props a session may not see. */
  hiddenFor(policies: ReadonlySet<string>): ReadonlySet<string> {
    return policies.has('sensitive') ? this.hiddenProps : this.hiddenWithoutSensitive;
  }

  get path(): string {
    return this.spec.path;
  }

  get size(): number {
    return this.rows.size;
  }

  rowsInOrder(): IterableIterator<Row> {
    return this.rows.values();
  }

  byId(id: string): Row | undefined {
    return this.rows.get(id.toUpperCase().startsWith('*') ? `*${id.slice(1).toUpperCase()}` : id);
  }

  /** Unique single-field lookup (used for `?name=x` queries and `numbers=name`). */
  byUnique(field: string, value: string): Row | undefined | null {
    const idx = this.uniqueIdx.find((u) => u.fields.length === 1 && u.fields[0] === field);
    return idx ? (idx.map.get(value) ?? undefined) : null;
  }

  hasUniqueIndex(field: string): boolean {
    return this.uniqueIdx.some((u) => u.fields.length === 1 && u.fields[0] === field);
  }

  /**
   * Rows whose stored `field` equals `value`, in print order, via an index built lazily and reused until
   * the next change (bursts of `?mac-address=`/`?comment=` prints stay O(1) per query).
   */
  whereEquals(field: string, value: string): Row[] {
    let idx = this.eqIndexes.get(field);
    if (!idx || idx.version !== this.version) {
      const map = new Map<string, Row[]>();
      for (const r of this.rows.values()) {
        const v = r.props[field] ?? '';
        const list = map.get(v);
        if (list) list.push(r);
        else map.set(v, [r]);
      }
      idx = { version: this.version, map };
      this.eqIndexes.set(field, idx);
    }
    return idx.map.get(value) ?? [];
  }

  findBy(field: string, value: string): Row | undefined {
    const indexed = this.byUnique(field, value);
    if (indexed !== null) return indexed;
    for (const r of this.rows.values()) if (r.props[field] === value) return r;
    return undefined;
  }

  /** Printed form: stored + computed props. */
  view(row: Row): Props {
    const extra = this.spec.computed?.(row, this.core());
    return extra ? { ...row.props, ...extra } : row.props;
  }

  subscribe(fn: (ev: TableEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves `=.id=`/`=numbers=` (comma list of ids or names); unknown → `no such item`. */
  resolve(list: string): Row[] {
    const out: Row[] = [];
    for (const token of list.split(',').map((t) => t.trim()).filter((t) => t !== '')) {
      const row = token.startsWith('*')
        ? this.byId(token)
        : this.spec.nameField
          ? this.findBy(this.spec.nameField, token)
          : undefined;
      if (!row) throw new RosTrap('no such item');
      if (!out.includes(row)) out.push(row);
    }
    return out;
  }

  insert(input: Props, origin: Origin, opts: { placeBefore?: Row; id?: string } = {}): Row {
    const core = this.core();
    const clean = this.normalize(input, origin);
    for (const m of this.spec.mandatory ?? []) {
      if (clean[m] === undefined || clean[m] === '') throw new RosTrap(`missing value(s) of argument(s) ${m}`, 1);
    }
    const props: Props = {};
    for (const [name, field] of Object.entries(this.spec.fields)) {
      const v = clean[name] ?? resolveDefault(field, core, clean);
      if (v !== undefined) props[name] = v;
    }
    for (const [k, v] of Object.entries(clean)) if (!(k in props)) props[k] = v;
    this.checkRefs(props, Object.keys(clean));
    this.spec.hooks?.beforeAdd?.(props, core);
    this.checkUnique(props, undefined);
    const id = opts.id ?? `*${(this.nextNum++).toString(16).toUpperCase()}`;
    const row: Row = { id, props };
    this.store(row, opts.placeBefore);
    this.spec.hooks?.afterAdd?.(row, core);
    this.emit({ type: 'add', row });
    this.trim();
    return row;
  }

  update(row: Row, input: Props, origin: Origin): void {
    const core = this.core();
    if (origin === 'api') this.checkLocked(row, 'set');
    const changes = this.normalize(input, origin);
    this.spec.hooks?.beforeSet?.(row, changes, core);
    const next: Props = { ...row.props };
    for (const [k, v] of Object.entries(changes)) next[k] = v;
    this.checkRefs(next, Object.keys(changes));
    this.checkUnique(next, row);
    const previous = row.props;
    this.unindex(row);
    row.props = next;
    this.index(row);
    this.spec.hooks?.afterSet?.(row, previous, core);
    this.emit({ type: 'set', row });
  }

  /** `unset =value-name=` : the property becomes unset (or back to its default). */
  unset(row: Row, name: string, origin: Origin): void {
    if (origin === 'api') this.checkLocked(row, 'set');
    const field = this.spec.fields[name];
    if (!field && !this.spec.openFields) throw new RosTrap(`unknown parameter ${name}`);
    if (field?.readOnly && origin === 'api') throw new RosTrap(`unknown parameter ${name}`);
    if ((this.spec.mandatory ?? []).includes(name)) throw new RosTrap(`missing value(s) of argument(s) ${name}`, 1);
    const previous = row.props;
    const next: Props = { ...row.props };
    delete next[name];
    const def = field ? resolveDefault(field, this.core(), next) : undefined;
    if (def !== undefined) next[name] = def;
    this.unindex(row);
    row.props = next;
    this.index(row);
    this.spec.hooks?.afterSet?.(row, previous, this.core());
    this.emit({ type: 'set', row });
  }

  delete(row: Row, origin: Origin): void {
    if (!this.rows.has(row.id)) return;
    if (origin === 'api') this.checkLocked(row, 'remove');
    const core = this.core();
    this.spec.hooks?.beforeRemove?.(row, core);
    this.unindex(row);
    this.rows.delete(row.id);
    this.spec.hooks?.afterRemove?.(row, core);
    this.emit({ type: 'remove', row });
  }

  /** Moves rows before `destination` (end of list when undefined), keeping their relative order. */
  move(moving: Row[], destination: Row | undefined): void {
    const ids = new Set(moving.map((r) => r.id));
    const next = new Map<string, Row>();
    for (const r of this.rows.values()) {
      if (destination && r.id === destination.id) for (const m of moving) next.set(m.id, m);
      if (!ids.has(r.id)) next.set(r.id, r);
    }
    if (!destination || ids.has(destination.id)) for (const m of moving) if (!next.has(m.id)) next.set(m.id, m);
    this.rows = next;
    for (const m of moving) this.emit({ type: 'set', row: m });
  }

  private normalize(input: Props, origin: Origin): Props {
    const out: Props = {};
    for (const [name, raw] of Object.entries(input)) {
      if (name === '.id' || name === 'numbers' || name === 'place-before' || name === 'copy-from') continue;
      const field: FieldSpec | undefined = this.spec.fields[name];
      if (!field) {
        if (this.spec.openFields && !(origin === 'api' && name.startsWith('$'))) {
          out[name] = raw;
          continue;
        }
        throw new RosTrap(`unknown parameter ${name}`);
      }
      if (field.readOnly && origin === 'api') throw new RosTrap(`unknown parameter ${name}`);
      out[name] = normalizeValue(name, raw, field);
    }
    return out;
  }

  private checkRefs(props: Props, changed: readonly string[]): void {
    const state = this.core().state;
    for (const name of changed) {
      const ref = this.spec.fields[name]?.ref;
      const v = props[name];
      if (!ref || v === undefined || v === '' || ref.also?.includes(v)) continue;
      const target = state.table(ref.menu);
      const ok = v.split(',').every((part) => target.findBy(ref.field, part) !== undefined);
      if (!ok) throw new RosTrap(`input does not match any value of ${name}`, 1);
    }
  }

  private checkUnique(props: Props, self: Row | undefined): void {
    for (const u of this.uniqueIdx) {
      if (u.fields.some((f) => props[f] === undefined)) continue;
      const hit = u.map.get(keyOf(u.fields, props));
      if (hit && hit !== self) throw new RosTrap(u.message);
    }
  }

  private checkLocked(row: Row, action: 'set' | 'remove'): void {
    if (this.spec.lockDynamic && row.props.dynamic === 'true') throw new RosTrap(this.spec.lockDynamic);
    if (action === 'remove' && this.spec.lockDefault && row.props.default === 'true') throw new RosTrap(this.spec.lockDefault);
  }

  private store(row: Row, placeBefore: Row | undefined): void {
    if (placeBefore && this.rows.has(placeBefore.id)) {
      const next = new Map<string, Row>();
      for (const r of this.rows.values()) {
        if (r.id === placeBefore.id) next.set(row.id, row);
        next.set(r.id, r);
      }
      this.rows = next;
    } else this.rows.set(row.id, row);
    this.index(row);
  }

  private index(row: Row): void {
    for (const u of this.uniqueIdx) if (u.fields.every((f) => row.props[f] !== undefined)) u.map.set(keyOf(u.fields, row.props), row);
  }

  private unindex(row: Row): void {
    for (const u of this.uniqueIdx) {
      const k = keyOf(u.fields, row.props);
      if (u.map.get(k) === row) u.map.delete(k);
    }
  }

  private emit(ev: TableEvent): void {
    this.version++;
    if (this.listeners.size === 0) return;
    for (const fn of [...this.listeners]) fn(ev);
  }

  private trim(): void {
    const max = this.spec.maxRows;
    if (!max) return;
    while (this.rows.size > max) {
      const first = this.rows.values().next().value;
      if (!first) break;
      this.unindex(first);
      this.rows.delete(first.id);
      this.emit({ type: 'remove', row: first });
    }
  }
}

function keyOf(fields: readonly string[], props: Props): string {
  return fields.length === 1 ? (props[fields[0]!] ?? '') : fields.map((f) => props[f] ?? '').join('\u0000');
}

function resolveDefault(field: FieldSpec, core: RouterCore, props: Props): string | undefined {
  return typeof field.default === 'function' ? field.default(core, props) : field.default;
}
