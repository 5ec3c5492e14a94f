/** Runtime-switchable fault injection (latency, drops, stalls, refused logins, traps on a path). */
import type { SimFaults } from './types';

export const NO_FAULTS: SimFaults = Object.freeze({
  latencyMs: 0,
  dropAfterCommands: null,
  stall: false,
  refuseLogin: false,
  trapOnPath: null,
});

export class FaultState {
  current: SimFaults = { ...NO_FAULTS };
  /** Bumped whenever dropAfterCommands is set, so each connection restarts its count from then. */
  dropGeneration = 0;

  set(f: Partial<SimFaults>): void {
    this.current = { ...this.current, ...f };
    if ('dropAfterCommands' in f) this.dropGeneration++;
  }

  clear(): void {
    this.current = { ...NO_FAULTS };
    this.dropGeneration++;
  }
}

/** Per-connection view of the drop fault. */
export class DropCounter {
  private generation = -1;
  private count = 0;

  /** Counts one command; true when this command's reply must be lost and the socket closed. */
  shouldDrop(faults: FaultState): boolean {
    const limit = faults.current.dropAfterCommands;
    if (limit === null) return false;
    if (this.generation !== faults.dropGeneration) {
      this.generation = faults.dropGeneration;
      this.count = 0;
    }
    this.count++;
    return this.count > limit;
  }
}
