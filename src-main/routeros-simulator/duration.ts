/** RouterOS durations (`1w2d3h4m5s`, `00:05:00`, `30m`, `0`) and byte/rate quantities. */

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };

/** Parses a RouterOS time value to milliseconds; null when it is not one. A bare number means seconds. */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === 'none' || t === 'never') return 0;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  // [Nd ]HH:MM:SS[.fff] and [Nw][Nd]HH:MM:SS as printed by some menus
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?\s*(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(t);
  if (clock) {
    const [, w = '0', d = '0', hh = '0', mm = '0', ss = '0', frac = ''] = clock;
    return (
      Number(w) * UNIT_MS.w! +
      Number(d) * UNIT_MS.d! +
      Number(hh) * UNIT_MS.h! +
      Number(mm) * UNIT_MS.m! +
      Number(ss) * 1000 +
      (frac ? Number(frac.padEnd(3, '0')) : 0)
    );
  }
  const re = /(\d+(?:\.\d+)?)(ms|us|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index !== consumed) return null;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = m.index + m[0].length;
  }
  if (consumed !== t.length || consumed === 0) return null;
  return Math.round(total);
}

/** Formats milliseconds as RouterOS does: `1w2d3h4m5s`, `0s`; sub-second remainders as `ms`. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of [
    ['w', 604_800_000],
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  if (rest > 0) out += `${rest}ms`;
  return out;
}

/** Ping round-trip as RouterOS prints it: v7 `13ms417us`, v6 `13ms`. */
export function formatRtt(us: number, v7: boolean): string {
  const whole = Math.floor(us / 1000);
  const frac = Math.round(us % 1000);
  if (!v7 || frac === 0) return `${whole}ms`;
  return whole === 0 ? `${frac}us` : `${whole}ms${frac}us`;
}

/** Byte quantities: `1G`, `500M`, `1GB`, `1024k` (binary multiples, as RouterOS limit-bytes-*) → integer string. */
export function parseBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt])?i?b?$/i.exec(text.trim());
  if (!m) return null;
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

/** Bit rates: `5M`, `512k`, `2000000` (decimal multiples, as queues) → bits/s. */
export function parseRate(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg])?$/i.exec(text.trim());
  if (!m) return null;
  const mult = { k: 1e3, m: 1e6, g: 1e9 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

/** `2M/5M` → `2000000/5000000`; a single value applies to both directions. */
export function normalizeRatePair(text: string): string | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const a = parseRate(parts[0] ?? '');
  const b = parseRate(parts[1] ?? parts[0] ?? '');
  if (a === null || b === null) return null;
  return `${a}/${b}`;
}

/** Uptimes and countdowns are shown in whole seconds. */
export function formatUptime(ms: number): string {
  return formatDuration(Math.floor(Math.max(0, ms) / 1000) * 1000);
}

/** Time left (address-list timeout, lease expiry): whole seconds, rounded up. */
export function formatRemaining(ms: number): string {
  return formatDuration(Math.ceil(Math.max(0, ms) / 1000) * 1000);
}
