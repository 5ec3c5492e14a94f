/** What the router can reach: ping / netwatch targets with deterministic round-trip times. */
import { hash32 } from './rng';

export class Network {
  private readonly unreachable = new Set<string>();
  private readonly rttOverride = new Map<string, number>();

  constructor(private readonly seed: number) {}

  setReachable(host: string, reachable: boolean): void {
    if (reachable) this.unreachable.delete(host);
    else this.unreachable.add(host);
  }

  /** Fixes a host's base round trip in ms. */
  setRtt(host: string, ms: number): void {
    this.rttOverride.set(host, ms);
  }

  isReachable(host: string): boolean {
    return !this.unreachable.has(host);
  }

  /** Round trip of probe `seq` in microseconds: a per-host base plus small deterministic jitter. */
  rttUs(host: string, seq: number): number {
    const baseMs = this.rttOverride.get(host) ?? 1 + (hash32(host, this.seed) % 40);
    const jitter = hash32(`${host}#${seq}`, this.seed) % Math.max(1, Math.round(baseMs * 150));
    return Math.round(baseMs * 1000 + jitter);
  }
}
