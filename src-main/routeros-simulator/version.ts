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
}

export function parseVersion(text: string): VersionInfo {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`unsupported RouterOS version: ${text}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3] ?? 0);
  const atLeast = (a: number, b: number): boolean => major > a || (major === a && minor >= b);
  const channel = major === 6 && minor >= 49 ? 'long-term' : 'stable';
  return {
    text,
    major,
    minor,
    patch,
    v7: major >= 7,
    emitsEmpty: atLeast(7, 18),
    isoDates: atLeast(7, 10),
    display: `${text} (${channel})`,
  };
}
