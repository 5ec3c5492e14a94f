/**
 * Script values and their RouterOS types (manual "Scripting", "Data types": num, bool, str, ip, id, time,
 * array, nil, nothing). Only what the product's scripts use is modelled; mixing types where RouterOS would
 * not convert is an error (the stricter choice).
 */
import { parseDuration } from './duration';

export type Val =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'time'; v: number }
  | { t: 'id'; v: string }
  | { t: 'array'; v: Val[] }
  | { t: 'nil' }
  | { t: 'nothing' };

export const NOTHING: Val = { t: 'nothing' };
export const NIL: Val = { t: 'nil' };
export const str = (v: string): Val => ({ t: 'str', v });
export const num = (v: number): Val => ({ t: 'num', v });
export const bool = (v: boolean): Val => ({ t: 'bool', v });

/** `:typeof` names. */
export function typeName(v: Val): string {
  return v.t;
}

/**
 * Time as `:tostr`/`:put` show it: `03:04:05`, `2d03:04:05`, `1w2d03:04:05` (the `1w2d03:04:05` uptime text
 * scripts parse on v6, forum t=205980; router-enforcement.md §1.3).
 */
export function formatScriptTime(secs: number): string {
  const neg = secs < 0;
  let s = Math.abs(Math.trunc(secs));
  const w = Math.floor(s / 604800);
  s -= w * 604800;
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const hms = `${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
  return `${neg ? '-' : ''}${w > 0 ? `${w}w` : ''}${d > 0 ? `${d}d` : ''}${hms}`;
}

export function toStr(v: Val): string {
  switch (v.t) {
    case 'str':
    case 'id':
      return v.v;
    case 'num':
      return String(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'time':
      return formatScriptTime(v.v);
    case 'array':
      return v.v.map(toStr).join(';');
    default:
      return '';
  }
}

/** How a value is passed to a menu command argument. */
export function toArgText(v: Val): string {
  if (v.t === 'bool') return v.v ? 'yes' : 'no';
  if (v.t === 'array') return v.v.map(toArgText).join(',');
  return toStr(v);
}

const TIME_HMS = /^(-?)(?:(\d+)w)?(?:(\d+)d)?(\d+):(\d\d)(?::(\d\d))?$/;

/** A bare word as RouterOS types it: `5` num, `true` bool, `00:05:00`/`5m` time, `*1A` id, else str. */
export function wordValue(text: string): Val {
  if (/^-?\d+$/.test(text)) return num(Number(text));
  if (text === 'true' || text === 'yes') return bool(true);
  if (text === 'false' || text === 'no') return bool(false);
  if (/^\*[0-9A-Fa-f]+$/.test(text)) return { t: 'id', v: text };
  const t = parseTimeText(text);
  if (t !== null) return { t: 'time', v: t };
  return str(text);
}

/** `1w2d03:04:05`, `00:05:00`, `5m`, `1h30m` → seconds; null otherwise. */
export function parseTimeText(text: string): number | null {
  const m = TIME_HMS.exec(text);
  if (m) {
    const secs = Number(m[2] ?? 0) * 604800 + Number(m[3] ?? 0) * 86400 + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
    return m[1] ? -secs : secs;
  }
  if (/^(\d+[wdhms])+$/.test(text)) {
    const ms = parseDuration(text);
    return ms === null ? null : Math.floor(ms / 1000);
  }
  return null;
}

export function equalVals(a: Val, b: Val): boolean {
  if (a.t !== b.t) return false;
  if (a.t === 'array' && b.t === 'array') return a.v.length === b.v.length && a.v.every((x, i) => equalVals(x, b.v[i]!));
  if (a.t === 'nil' || a.t === 'nothing') return true;
  return (a as { v: unknown }).v === (b as { v: unknown }).v;
}
