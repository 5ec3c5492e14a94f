import { formatDuration } from '@shared/domain/time';

/** "0 bps", "850 kbps", "180.4 Mbps", "1.25 Gbps" (decimal units, as RouterOS and ISPs quote speeds). */
export function formatBitRate(bps: number): string {
  const v = Math.max(0, bps);
  if (v < 1_000) return `${Math.round(v)} bps`;
  if (v < 1_000_000) return `${(v / 1_000).toFixed(v < 10_000 ? 2 : 1)} kbps`;
  if (v < 1_000_000_000) return `${(v / 1_000_000).toFixed(v < 10_000_000 ? 2 : 1)} Mbps`;
  return `${(v / 1_000_000_000).toFixed(2)} Gbps`;
}

/** Short axis labels: "0", "850k", "12M", "1.2G". */
export function formatAxisRate(bps: number): string {
  const v = Math.max(0, bps);
  const short = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1).replace(/\.0$/, ''));
  if (v < 1_000) return `${Math.round(v)}`;
  if (v < 1_000_000) return `${short(v / 1_000)}k`;
  if (v < 1_000_000_000) return `${short(v / 1_000_000)}M`;
  return `${short(v / 1_000_000_000)}G`;
}

/** Byte sizes up to TB (binary multiples, as RouterOS shows memory and disk). */
export function formatByteSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/** Clock skew above this is worth a warning: expiry times are computed by the router's clock. */
export const SKEW_WARN_MS = 2 * 60_000;

/** "+3m 10s" (router ahead) / "−45s" (router behind) / "0s". */
export function formatSkew(ms: number): string {
  const abs = formatDuration(Math.abs(ms));
  if (Math.abs(ms) < 1000) return abs;
  return `${ms > 0 ? '+' : '−'}${abs}`;
}
