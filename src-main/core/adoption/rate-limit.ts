/**
 * Reads a PPP profile's `rate-limit` (MikroTik manual "PPP → Profiles", rate-limit):
 * `rx-rate[/tx-rate] [rx-burst-rate[/tx-burst-rate] [rx-burst-threshold[/tx-burst-threshold]
 * [rx-burst-time[/tx-burst-time] …]]]`, from the router's point of view. Rates are bits per second unless
 * suffixed `k` or `M` (RouterOS also accepts `G`); a missing tx part means "same as rx"; burst thresholds
 * default to the rates and burst time to 1 s.
 */
export interface ParsedRateLimit {
  rxKbps: number;
  txKbps: number;
  burst: { rxKbps: number; txKbps: number; thresholdRxKbps: number; thresholdTxKbps: number; timeSec: number } | null;
}

const UNIT_KBPS: Record<string, number> = { '': 0.001, k: 1, K: 1, m: 1000, M: 1000, g: 1_000_000, G: 1_000_000 };

/** One rate in kbps (at least 1: our packages have no "0 = unlimited"); null when unreadable. */
export function rateKbps(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(text.trim());
  if (!m) return null;
  const kbps = Number(m[1]) * UNIT_KBPS[m[2]!]!;
  return kbps > 0 ? Math.max(1, Math.round(kbps)) : null;
}

function pair(text: string | undefined): [number, number] | null {
  if (text === undefined) return null;
  const [rx, tx] = text.split('/');
  const r = rateKbps(rx ?? '');
  if (r === null) return null;
  const t = tx === undefined || tx === '' ? r : rateKbps(tx);
  return t === null ? null : [r, t];
}

function seconds(text: string | undefined): number | null {
  if (text === undefined) return 1;
  const first = text.split('/')[0]!.trim();
  const m = /^(\d+)(s?)$/.exec(first);
  return m ? Math.max(1, Number(m[1])) : null;
}

/** Null for an empty rate-limit (unlimited) or text we cannot read: the caller says so in the preview. */
export function parseRateLimit(text: string | undefined): ParsedRateLimit | null {
  const parts = (text ?? '').trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const base = pair(parts[0]);
  if (!base) return null;
  const burstRate = pair(parts[1]);
  if (parts[1] !== undefined && !burstRate) return null;
  if (!burstRate) return { rxKbps: base[0], txKbps: base[1], burst: null };
  const threshold = parts[2] !== undefined ? pair(parts[2]) : base;
  const time = seconds(parts[3]);
  if (!threshold || time === null) return null;
  return {
    rxKbps: base[0], txKbps: base[1],
    burst: { rxKbps: burstRate[0], txKbps: burstRate[1], thresholdRxKbps: threshold[0], thresholdTxKbps: threshold[1], timeSec: Math.min(3600, time) },
  };
}
