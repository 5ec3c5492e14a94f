/**
 * Declarative menu model: every stateful menu is a MenuSpec (fields with types and defaults, mandatory
 * and unique properties, error texts, hooks), served by one generic engine (table.ts, verbs.ts).
 */
import type { CommandContext } from './command';
import type { RouterCore } from './core';
import type { MenuTable } from './table';

/** Stored and printed property values; an absent key = unset (omitted from `!re`). */
export type Props = Record<string, string>;

/** Trap text of a command the session's policies do not allow. */
export const NOT_ENOUGH_PERMISSIONS = 'not enough permissions (9)';

/** A RouterOS `!trap`: `=message=` plus `=category=` when the router sends one. */
export class RosTrap extends Error {
  constructor(
    message: string,
    readonly category?: number,
  ) {
    super(message);
    this.name = 'RosTrap';
  }
}

export type FieldType =
  | 'string'
  | 'bool'
  | 'int'
  | 'duration'
  | 'bytes'
  | 'rate-pair'
  | 'enum'
  /** address-list address: prefixes normalised to the network; `/32` shown as the bare IP. */
  | 'address-prefix'
  /** /ip/address address: `a.b.c.d/len` (host bits kept). */
  | 'cidr'
  /** queue target: each IP becomes `IP/32`; interface names kept. */
  | 'queue-target';

export interface FieldSpec {
  type?: FieldType;
  values?: readonly string[];
  /** Literal words accepted besides the type (e.g. `none`, `unlimited`, `startup`). */
  words?: readonly string[];
  default?: string | ((core: RouterCore, props: Props) => string | undefined);
  /** Computed or router-maintained: not accepted from the API. */
  readOnly?: boolean;
  /** Never printed (e.g. /user password). */
  hidden?: boolean;
  /** Hidden by v7 /export unless show-sensitive. */
  sensitive?: boolean;
  /** Printed only by RouterOS v7. */
  v7?: boolean;
  /** Value must name an existing item (`input does not match any value of <prop>`). */
  ref?: { menu: string; field: string; also?: readonly string[] };
}

export interface RowView {
  readonly id: string;
  readonly props: Props;
}

export interface VerbSpec {
  policy: 'read' | 'write' | 'policy';
  run(ctx: CommandContext, table: MenuTable): void;
}

export interface MenuHooks {
  /** Validate or complete a new item before it is stored (throw RosTrap to refuse). */
  beforeAdd?(props: Props, core: RouterCore): void;
  afterAdd?(row: RowView, core: RouterCore): void;
  beforeSet?(row: RowView, changes: Props, core: RouterCore): void;
  afterSet?(row: RowView, previous: Props, core: RouterCore): void;
  beforeRemove?(row: RowView, core: RouterCore): void;
  afterRemove?(row: RowView, core: RouterCore): void;
}

export interface MenuSpec {
  path: string;
  kind: 'list' | 'singleton';
  fields: Record<string, FieldSpec>;
  mandatory?: readonly string[];
  unique?: ReadonlyArray<{ fields: readonly string[]; message: string }>;
  /** Property that `=numbers=<name>` and script `[find name=...]` resolve. */
  nameField?: string;
  /** Ordered list (firewall, queues): supports `place-before` and `move`. */
  ordered?: boolean;
  /** Store parameters that have no FieldSpec (firewall matchers). */
  openFields?: boolean;
  /** Generic verbs the API may use (default: all); internal code still writes (e.g. /ppp/active, /log). */
  apiVerbs?: readonly string[];
  /** Policy that writes need instead of `write` (/user and /user/group need `policy`). */
  writePolicy?: 'policy';
  /** Refuse set/remove of `dynamic=true` items with this message. */
  lockDynamic?: string;
  /** Refuse removal of `default=true` items with this message. */
  lockDefault?: string;
  firstId?: number;
  /** Oldest items are dropped beyond this many (memory /log). */
  maxRows?: number;
  computed?(row: RowView, core: RouterCore): Props | undefined;
  hooks?: MenuHooks;
  verbs?: Record<string, VerbSpec>;
  /** `/export` section name (e.g. `/ppp secret`); false = not exported. */
  exportSection?: string | false;
  /** Custom export body lines (after the section header) for menus that export as `set` of fixed items. */
  exportLines?(core: RouterCore, rows: readonly RowView[]): string[];
}
