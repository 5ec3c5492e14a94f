/** Public types of the RouterOS API client (the router domain codes against these). */
import type { WordEncoding } from '../codec/word-codec';
import type { RosError } from './errors';

/** Attribute words of one `!re` (or of `!done`), including `.id`; `.tag` is not part of a row. */
export type RosRow = Record<string, string>;

export type RosAttributes = Record<string, string | number | boolean | undefined>;

export interface RosConnectOptions {
  host: string;
  /** Default 8728, or 8729 when `tls` is set. */
  port?: number;
  username: string;
  password: string;
  /**
   * Present = API-SSL. `pinnedSha256: null` trusts on first use (the fingerprint is exposed on the
   * connection); a string must equal the peer's SHA-256 fingerprint (Node's `fingerprint256` form,
   * case and ':' separators are not significant) or the connection fails with RosTlsError('pin-mismatch')
   * before any credential is sent.
   */
  tls?: { pinnedSha256: string | null };
  /** TCP + TLS + login; default 5000. */
  connectTimeoutMs?: number;
  /** Per command; default 10000; 0 = no timeout. */
  commandTimeoutMs?: number;
  /**
   * Idle keepalive (`/system/identity/print =.proplist=name`) after this long with nothing received;
   * default 30000; 0 disables.
   */
  keepaliveIntervalMs?: number;
  /**
   * Dead-router detection: while a command waits for its answer and nothing at all arrives from the
   * router for this long, the session is closed with RosConnectionError('silent'); default 10000; 0 disables.
   */
  deadAfterMs?: number;
  /** The same after this many command timeouts in a row with nothing received; default 3; 0 disables. */
  deadAfterTimeouts?: number;
  /** A word or a sentence bigger than this closes the session (RosProtocolError); default 16 MiB each. */
  maxWordBytes?: number;
  maxSentenceBytes?: number;
  /**
   * Text encoding of words; default 'utf8-lossless' (UTF-8, and bytes that are not UTF-8 survive a read
   * and write-back unchanged). 'win1252' shows Windows-1252 comments as WinBox does; 'latin1' = raw bytes.
   */
  encoding?: WordEncoding;
}

export interface RosStreamOptions {
  /** Unread rows at which the session stops reading the socket; default 1000. */
  highWaterMark?: number;
  /** Paused this long without the consumer reading a row → the stream is cancelled; default 30000; 0 = never. */
  stuckCancelMs?: number;
}

export interface RosCommandOptions {
  timeoutMs?: number;
  /** Aborting rejects the command with `signal.reason` and sends `/cancel` for it. */
  signal?: AbortSignal;
}

export interface RosArgs {
  attributes?: RosAttributes;
  /** Query words, passed through in order (`?name=x`, `?-name`, `?#|`, ...). */
  query?: string[];
  proplist?: string[];
}

export interface RosResult {
  rows: RosRow[];
  /** `=ret=` of `!done` (e.g. the new `.id` of `add`, the count of `count-only`). */
  ret?: string;
  /** All attributes of `!done`. */
  done: RosRow;
  /**
   * True when the command produced no data: `!empty` (RouterOS 7.18+) or, on older versions,
   * a bare `!done` with no `!re` — so callers see the same value on every version.
   */
  empty: boolean;
}

export interface RosStream extends AsyncIterable<RosRow> {
  /** Sends `/cancel =tag=<tag>`; resolves after the cancelled command's `!done` (iteration then ends cleanly). */
  cancel(): Promise<void>;
  readonly tag: string;
}

export interface RosPrintOptions extends RosCommandOptions {
  where?: Record<string, string>;
  query?: string[];
  proplist?: string[];
}

export interface RosConnection {
  readonly host: string;
  readonly port: number;
  readonly tlsFingerprintSha256: string | null;
  readonly loginMethod: 'plain' | 'challenge';
  readonly isOpen: boolean;
  /** How words are turned into text and back on this connection (see RosConnectOptions.encoding). */
  readonly encoding: WordEncoding;
  command(path: string, args?: RosArgs, opts?: RosCommandOptions): Promise<RosResult>;
  print(menu: string, opts?: RosPrintOptions): Promise<RosRow[]>;
  add(menu: string, attrs: RosAttributes, opts?: RosCommandOptions): Promise<string>;
  set(menu: string, id: string, attrs: RosAttributes, opts?: RosCommandOptions): Promise<void>;
  /**
   * `set` with only the attributes that differ from `current` (a row read with its `.id`); sends nothing
   * when nothing changed. Returns what was sent. See changedAttributes.
   */
  setChanged(menu: string, current: RosRow, desired: RosAttributes, opts?: RosCommandOptions): Promise<RosAttributes>;
  remove(menu: string, id: string, opts?: RosCommandOptions): Promise<void>;
  stream(path: string, args?: RosArgs, opts?: RosStreamOptions): RosStream;
  onClose(listener: (err: RosError | null) => void): () => void;
  close(): Promise<void>;
}
