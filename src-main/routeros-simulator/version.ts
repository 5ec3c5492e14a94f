/** RouterOS version facts that change behaviour (integrations.md §1.11). */

export interface VersionInfo {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly v7: boolean;
  /** `!empty` for zero-row prints: 7.18 and later. */
  readonly emitsEmpty: boolean;
  /** ISO dates (`2026-11-27`) from 7.10 on; `nov/27/2026` before. */
  readonly isoDates: boolean;
  /** `/system/resource` version string, e.g. `7.16.2 (stable)`. */
  readonly display: string;
  /**
   * Largest file whose `contents` `/file print` returns. v7: "It is possible to retrieve content and edit
   * files up to 60KB in size" (https://help.mikrotik.com/docs/spaces/ROS/pages/2555971/Files). v6 returns
   * far less: the contents of larger files are missing (pear2/Net_RouterOS#1, GideonLeGrange/mikrotik-java#78);
   * the exact v6 bound is unconfirmed, so the stricter 4095 bytes (the v6 script string limit) is used.
   */
  readonly fileContentsMax: number;
  /** `/file/read file= chunk-size= offset=` ("Get File Contents" on the Files page above). */
  readonly fileRead: boolean;
}

/** RouterOS version where `/file/read` first exists. Unconfirmed (no changelog line found); configurable. */
export const DEFAULT_FILE_READ_SINCE = '7.13';

function numbers(text: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(text.trim());
  if (!m) throw new Error(`unsupported RouterOS version: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

export function parseVersion(text: string, opts: { fileReadSince?: string } = {}): VersionInfo {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`unsupported RouterOS version: ${text}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3] ?? 0);
  const atLeast = (a: number, b: number): boolean => major > a || (major === a && minor >= b);
  const channel = major === 6 && minor >= 49 ? 'long-term' : 'stable';
  const [readMajor, readMinor] = numbers(opts.fileReadSince ?? DEFAULT_FILE_READ_SINCE);
  return {
    text,
    major,
    minor,
    patch,
    v7: major >= 7,
    emitsEmpty: atLeast(7, 18),
    isoDates: atLeast(7, 10),
    display: `${text} (${channel})`,
    fileContentsMax: major >= 7 ? 60_000 : 4095,
    fileRead: atLeast(readMajor, readMinor),
  };
}
