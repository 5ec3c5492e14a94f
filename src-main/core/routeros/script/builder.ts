/**
 * The one place that builds what ISP Desk writes onto a router as scripts: script lines with quoted values,
 * named `/system/script` entries with an explicit policy, schedulers that call them by name, and a tag in
 * every comment we own so we can find (and only touch) our own entries later.
 */
import { rosDateParts, rosDurationSeconds } from '@shared/domain/routeros-values';
import type { RosAttributes, RosRow } from '../client';
import { formatRosDate, formatRosTime, type RosDateStyle } from './dates';
import { rosName, rosQuote } from './quote';

export const OWNED_PREFIX = 'ispdesk';

/** Script policies (manual "Scripting", policy). */
export type RosPolicy = 'read' | 'write' | 'policy' | 'test' | 'reboot' | 'ftp' | 'sniff' | 'sensitive' | 'romon' | 'password';

const KIND = /^[a-z][a-z0-9-]*$/;
const ID = /^[A-Za-z0-9_.-]+$/;

/** `ispdesk:<kind>:<id>`, optionally followed by a note for people reading WinBox. */
export function ownedComment(kind: string, id: string, note?: string): string {
  if (!KIND.test(kind) || !ID.test(id)) throw new TypeError(`bad owner tag ${kind}:${id}`);
  return `${OWNED_PREFIX}:${kind}:${id}${note ? ` ${note}` : ''}`;
}

export function parseOwnedComment(comment: string | undefined): { kind: string; id: string } | null {
  const m = /^ispdesk:([a-z][a-z0-9-]*):([A-Za-z0-9_.-]+)(?:\s|$)/.exec(comment ?? '');
  return m ? { kind: m[1]!, id: m[2]! } : null;
}

/** `/ip/firewall/address-list` → `/ip firewall address-list`. */
function menuWords(menu: string): string {
  const parts = menu.split('/').filter((p) => p !== '');
  if (parts.length === 0) throw new TypeError('empty menu');
  return `/${parts.map(rosName).join(' ')}`;
}

/** One script line: `/ip firewall address-list add list="x" address="10.0.0.2" comment="…"`; every value quoted. */
export function commandLine(menu: string, verb: string, args: Readonly<Record<string, string>> = {}, target?: Readonly<Record<string, string>>): string {
  const parts = [menuWords(menu), rosName(verb)];
  if (target) parts.push(findExpr(target));
  for (const name of Object.keys(args)) parts.push(`${rosName(name)}=${rosQuote(args[name]!)}`);
  return parts.join(' ');
}

/** `[find where name="x" comment="y"]` (all conditions must hold). */
export function findExpr(where: Readonly<Record<string, string>>): string {
  const conds = Object.keys(where).map((k) => `${rosName(k)}=${rosQuote(where[k]!)}`);
  if (conds.length === 0) throw new TypeError('find without a condition would match every item');
  return `[find where ${conds.join(' ')}]`;
}

function policyList(policy: readonly RosPolicy[]): string {
  if (policy.length === 0) throw new TypeError('a script needs an explicit policy');
  return [...new Set(policy)].sort().join(',');
}

export interface OwnedRef {
  kind: string;
  id: string;
}

/** Name of our `/system/script` entry for an owned object (scheduler `on-event` calls it by this name). */
export function scriptName(ref: OwnedRef): string {
  ownedComment(ref.kind, ref.id);
  return `${OWNED_PREFIX}-${ref.kind}-${ref.id}`;
}

/** Attributes of `/system/script/add` for a named script with an explicit policy. */
export function scriptEntry(ref: OwnedRef, lines: readonly string[], policy: readonly RosPolicy[], note?: string): RosAttributes {
  return {
    name: scriptName(ref),
    source: lines.join('\n'),
    policy: policyList(policy),
    'dont-require-permissions': false,
    comment: ownedComment(ref.kind, ref.id, note),
  };
}

export interface SchedulerSpec {
  start: { year: number; month: number; day: number; hours: number; minutes: number; seconds?: number };
  /** `0s` = run once; otherwise a RouterOS duration (`1d`, `00:05:00`). */
  interval?: string;
  policy: readonly RosPolicy[];
  note?: string;
}

/** Attributes of `/system/scheduler/add` that run our named script; the date in the router's style. */
export function schedulerEntry(ref: OwnedRef, spec: SchedulerSpec, style: RosDateStyle): RosAttributes {
  const { start } = spec;
  return {
    name: scriptName(ref),
    'on-event': scriptName(ref),
    'start-date': formatRosDate(start.year, start.month, start.day, style),
    'start-time': formatRosTime(start.hours, start.minutes, start.seconds ?? 0),
    interval: spec.interval ?? '0s',
    policy: policyList(spec.policy),
    comment: ownedComment(ref.kind, ref.id, spec.note),
  };
}

/** A value as the router would print it back, for comparison. */
function normalise(name: string, value: string): string {
  const v = value.replace(/\r\n/g, '\n');
  if (name === 'policy') return v.split(',').map((p) => p.trim()).filter((p) => p !== '').sort().join(',');
  if (name === 'start-date') {
    const d = rosDateParts(v);
    return d ? d.join('-') : v;
  }
  if (name === 'interval') {
    const s = rosDurationSeconds(v);
    return s === null ? v : String(s);
  }
  if (v === 'yes' || v === 'true') return 'true';
  if (v === 'no' || v === 'false') return 'false';
  return v;
}

/**
 * After writing, read the entry back and compare: names of the attributes whose normalised value differs
 * (empty = the router holds what we wrote). Normalised: policy order, date style, duration spelling,
 * yes/no vs true/false, CRLF.
 */
export function readBackMismatches(written: RosAttributes, row: RosRow): string[] {
  const out: string[] = [];
  for (const name of Object.keys(written)) {
    const w = written[name];
    if (w === undefined) continue;
    const got = row[name];
    const want = typeof w === 'boolean' ? (w ? 'true' : 'false') : String(w);
    if (got === undefined || normalise(name, got) !== normalise(name, want)) out.push(name);
  }
  return out;
}
