/**
 * Seeded traffic model: per-interface rx/tx bit rates that move over (router) time, and byte/packet
 * counters that are their integral, so counters only grow and agree with monitor-traffic.
 */
import { hash32, unitHash } from './rng';

const AVG_PACKET_BYTES = 900;
const PERIOD_S = 300;
const SWING = 0.35;

export interface Rates {
  rxBps: number;
  txBps: number;
}

export class TrafficModel {
  private readonly base = new Map<string, Rates>();

  constructor(
    private readonly seed: number,
    private readonly bootMs: number,
  ) {}

  /** Base (average) rates of an interface; unknown names get a size from their name. */
  setBase(name: string, rates: Rates): void {
    this.base.set(name, rates);
  }

  baseOf(name: string): Rates {
    const fixed = this.base.get(name);
    if (fixed) return fixed;
    const u = unitHash(name, this.seed);
    const scale = name.startsWith('<pppoe-') || name.startsWith('<hotspot-') ? 2e6 : 20e6;
    // Subscribers download more than they upload: tx (towards them) is the bigger side on access links.
    return { rxBps: Math.round(scale * (0.2 + u)), txBps: Math.round(scale * (0.5 + 2 * u)) };
  }

  private factor(name: string, tMs: number, side: number): number {
    const phase = (hash32(`${name}/${side}`, this.seed) % 6283) / 1000;
    const t = (tMs - this.bootMs) / 1000;
    const wave = 1 + SWING * Math.sin((2 * Math.PI * t) / PERIOD_S + phase);
    const noise = 0.85 + 0.3 * unitHash(`${name}/${side}/${Math.floor(t)}`, this.seed);
    return wave * noise;
  }

  /** Instant rates in bits per second. */
  rates(name: string, tMs: number): Rates {
    const b = this.baseOf(name);
    return { rxBps: Math.round(b.rxBps * this.factor(name, tMs, 0)), txBps: Math.round(b.txBps * this.factor(name, tMs, 1)) };
  }

  /** Bytes since `sinceMs` (closed-form integral of the wave, noise-free so it is monotonic). */
  bytes(name: string, sinceMs: number, tMs: number): { rx: number; tx: number } {
    const b = this.baseOf(name);
    const integral = (bps: number, side: number): number => {
      const phase = (hash32(`${name}/${side}`, this.seed) % 6283) / 1000;
      const w = (2 * Math.PI) / PERIOD_S;
      const t0 = (sinceMs - this.bootMs) / 1000;
      const t1 = (Math.max(tMs, sinceMs) - this.bootMs) / 1000;
      const bits = bps * (t1 - t0) + ((bps * SWING) / w) * (Math.cos(w * t0 + phase) - Math.cos(w * t1 + phase));
      return Math.max(0, Math.floor(bits / 8));
    };
    return { rx: integral(b.rxBps, 0), tx: integral(b.txBps, 1) };
  }

  packets(bytes: number): number {
    return Math.floor(bytes / AVG_PACKET_BYTES);
  }

  packetsPerSecond(bps: number): number {
    return Math.round(bps / 8 / AVG_PACKET_BYTES);
  }
}
