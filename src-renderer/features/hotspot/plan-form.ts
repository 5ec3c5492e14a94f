import { parseAmount } from '@shared/domain/money';
import type { InputOf } from '@shared/contract';
import type { HotspotPlanSummary } from '@shared/contract/hotspot';
import { minorToAmountText } from '../packages/package-form';

export const SPAN_UNITS = { minutes: 60, hours: 3600, days: 86_400 } as const;
export type SpanUnit = keyof typeof SPAN_UNITS;

/**
 * The hotspot plan form as people think of it: Mbit/s, minutes, megabytes and the price as typed;
 * `toPlanInput` turns it into the contract's kbps, seconds, bytes and minor units.
 */
export interface PlanFormValues {
  name: string;
  routerId: string;
  server: string;
  profileName: string;
  dnsName: string;
  rxMbps: number | string;
  txMbps: number | string;
  sharedUsers: number | string;
  addressPool: string;
  limitKind: 'uptime' | 'validity' | 'none';
  limitAmount: number | string;
  limitUnit: SpanUnit;
  dataMb: number | string;
  sessionMin: number | string;
  idleMin: number | string;
  price: string;
  status: 'active' | 'disabled';
  macLock: boolean;
}

export const emptyPlanForm: PlanFormValues = {
  name: '', routerId: '', server: 'all', profileName: '', dnsName: '', rxMbps: '', txMbps: '', sharedUsers: 1, addressPool: '', limitKind: 'uptime',
  limitAmount: 1, limitUnit: 'hours', dataMb: '', sessionMin: '', idleMin: '', price: '', status: 'active', macLock: false,
};

/** Seconds in the largest unit that divides them: 7200 → 2 hours. */
export function spanOf(seconds: number): { amount: number; unit: SpanUnit } {
  if (seconds % SPAN_UNITS.days === 0) return { amount: seconds / SPAN_UNITS.days, unit: 'days' };
  if (seconds % SPAN_UNITS.hours === 0) return { amount: seconds / SPAN_UNITS.hours, unit: 'hours' };
  return { amount: Math.round(seconds / 60), unit: 'minutes' };
}

export function planFormFrom(p: HotspotPlanSummary, currency: string): PlanFormValues {
  const span = p.limit.kind === 'none' ? { amount: 1, unit: 'hours' as const } : spanOf(p.limit.seconds);
  return {
    name: p.name, routerId: p.routerId, server: p.server, profileName: p.profileName, dnsName: p.dnsName ?? '',
    rxMbps: p.rateLimit.rxKbps / 1000, txMbps: p.rateLimit.txKbps / 1000, sharedUsers: p.sharedUsers, addressPool: p.addressPool ?? '', limitKind: p.limit.kind,
    limitAmount: span.amount, limitUnit: span.unit, dataMb: p.limitBytesTotal === null ? '' : Math.round(p.limitBytesTotal / 1024 ** 2),
    sessionMin: p.sessionTimeoutSec === null ? '' : Math.round(p.sessionTimeoutSec / 60), idleMin: p.idleTimeoutSec === null ? '' : Math.round(p.idleTimeoutSec / 60),
    price: minorToAmountText(p.priceMinor, currency), status: p.status, macLock: p.macLock,
  };
}

function num(v: number | string): number {
  return typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
}

/** Blank = null (an optional limit); anything else is scaled, a non-number passed on for the contract to refuse. */
function optional(v: number | string, scale: number): number | null {
  if (typeof v === 'string' && v.trim() === '') return null;
  const n = num(v);
  return Number.isFinite(n) ? Math.round(n * scale) : Number.NaN;
}

export function toPlanInput(v: PlanFormValues, currency: string): { input: InputOf<'hotspot.plans.create'> } | { field: 'price' } {
  const priceMinor = parseAmount(v.price, currency);
  if (priceMinor === null) return { field: 'price' };
  const seconds = Math.round(num(v.limitAmount) * SPAN_UNITS[v.limitUnit]);
  return {
    input: {
      name: v.name, routerId: v.routerId, server: v.server, profileName: v.profileName, dnsName: v.dnsName,
      rateLimit: { rxKbps: Math.round(num(v.rxMbps) * 1000), txKbps: Math.round(num(v.txMbps) * 1000) },
      sharedUsers: num(v.sharedUsers), addressPool: v.addressPool.trim() === '' ? null : v.addressPool.trim(),
      limit: v.limitKind === 'none' ? { kind: 'none' } : { kind: v.limitKind, seconds },
      limitBytesTotal: optional(v.dataMb, 1024 ** 2), sessionTimeoutSec: optional(v.sessionMin, 60), idleTimeoutSec: optional(v.idleMin, 60),
      priceMinor, status: v.status, macLock: v.macLock,
    },
  };
}

/** Server field paths → form fields. */
export const PLAN_FIELD_RENAMES: Record<string, keyof PlanFormValues> = {
  'rateLimit.rxKbps': 'rxMbps', 'rateLimit.txKbps': 'txMbps', 'limit.seconds': 'limitAmount', limit: 'limitKind', limitBytesTotal: 'dataMb',
  sessionTimeoutSec: 'sessionMin', idleTimeoutSec: 'idleMin', priceMinor: 'price',
};
