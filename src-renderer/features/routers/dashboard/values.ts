/**
 * Pure formatting helpers of the router dashboard tabs (RouterOS values shown in words people read).
 * No React, no i18n instance: callers pass translated words where a phrase needs one.
 */
import { rosDurationSeconds, rosRateBits } from '@shared/domain/routeros-values';

const BIT_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'] as const;

/** 5000000 → "5 Mbps", 1500000 → "1.5 Mbps", 512000 → "512 kbps" (decimal units, like RouterOS). */
export function formatBits(bitsPerSecond: number): string {
  let value = Math.max(0, bitsPerSecond);
  let unit = 0;
  while (value >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${BIT_UNITS[unit]}`;
}

/** An `upload/download` RouterOS rate (`5M/10M`, `5000000/10000000`) as bits per second; null if unreadable. */
export function parseRatePair(value: string): { upload: number; download: number } | null {
  const parts = value.trim().split('/');
  if (parts.length !== 2) return null;
  const upload = rosRateBits(parts[0]!);
  const download = rosRateBits(parts[1]!);
  return upload === null || download === null ? null : { upload, download };
}

/**
 * A simple queue's max-limit (target upload/download): `5000000/10000000` → "5 Mbps ↑ / 10 Mbps ↓".
 * 0 means "no limit" on RouterOS; an unreadable value is shown as it is.
 */
export function formatRatePair(value: string, unlimited = 'unlimited'): string {
  if (value.trim() === '') return '—';
  const pair = parseRatePair(value);
  if (!pair) return value;
  const side = (bits: number) => (bits === 0 ? unlimited : formatBits(bits));
  if (pair.upload === 0 && pair.download === 0) return unlimited;
  return `${side(pair.upload)} ↑ / ${side(pair.download)} ↓`;
}

/** Whether a RouterOS rate pair limits anything (`0/0` and empty do not). */
export function isRateSet(value: string): boolean {
  const pair = parseRatePair(value);
  return pair !== null && (pair.upload > 0 || pair.download > 0);
}

/** 1503192 → "1.5M", 4508 → "4.5k" (firewall packet counters). */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** A hotspot voucher that was never used has an uptime of `0s` (or none). */
export function isUnusedVoucher(uptime: string): boolean {
  const s = rosDurationSeconds(uptime);
  return uptime.trim() === '' || s === 0;
}

/** A ping round-trip (`44ms350us`, `1s2ms`) in milliseconds: "44.4 ms"; null stays null. */
export function formatRtt(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const s = rosDurationSeconds(value);
  if (s === null) return value;
  const ms = s * 1000;
  return `${ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10} ms`;
}

/** Badge colour of a firewall action: what blocks is red, what lets through is green. */
export function firewallActionColor(action: string): string {
  switch (action) {
    case 'drop':
    case 'reject':
    case 'tarpit':
      return 'red';
    case 'accept':
    case 'fasttrack-connection':
      return 'green';
    case 'jump':
    case 'return':
      return 'blue';
    case 'log':
    case 'passthrough':
      return 'gray';
    default:
      return 'grape';
  }
}

/** Badge colour of a DHCP lease status. */
export function leaseStatusColor(status: string): string {
  switch (status) {
    case 'bound':
      return 'green';
    case 'offered':
      return 'blue';
    case 'waiting':
      return 'gray';
    case 'busy':
    case 'conflict':
    case 'declined':
      return 'orange';
    default:
      return 'gray';
  }
}

/** Distinct, sorted values (for filter selects built from what the router returned). */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
}

/** "core-router-2026-03-05-1405.rsc": a file name for a saved configuration export. */
export function backupFileName(routerName: string, fetchedAt: string): string {
  const slug = routerName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'router';
  const stamp = fetchedAt.slice(0, 16).replace(/[-:T]/g, (c) => (c === 'T' ? '-' : c === ':' ? '' : '-'));
  return `${slug}-${stamp}.rsc`;
}

/** 5000000 → "5M", 512000 → "512k", 1500000 → "1500k": the short form people type in rate fields. */
export function shortRate(bits: number): string {
  if (bits === 0) return '0';
  if (bits % 1e9 === 0) return `${bits / 1e9}G`;
  if (bits % 1e6 === 0) return `${bits / 1e6}M`;
  if (bits % 1e3 === 0) return `${bits / 1e3}k`;
  return String(bits);
}

/** A rate pair as typed in a form: `5000000/10000000` → "5M/10M"; unset (`0/0`, empty) → "". */
export function editableRatePair(value: string): string {
  const pair = parseRatePair(value);
  if (!pair) return value.trim();
  if (pair.upload === 0 && pair.download === 0) return '';
  return `${shortRate(pair.upload)}/${shortRate(pair.download)}`;
}
