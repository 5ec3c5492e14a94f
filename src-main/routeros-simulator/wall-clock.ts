/**
 * The router's own idea of the time, apart from the simulator's true (virtual) time that drives timers.
 * Timers stay on true time (uptime, intervals); `/system clock` and scripts read this wall clock, which a
 * reboot, a jump or a missing NTP sync can put wrong:
 * - Without a battery the clock starts at `jan/02/1970 00:00:00`; local time is not stored with the
 *   configuration (Clock manual, https://help.mikrotik.com/docs/x/YoBxAg). Whether v7 restores a saved
 *   clock on such boards is unconfirmed, so `stale-restore` (the time at shutdown) is offered too
 *   (router-enforcement.md §1.2). `rtc` keeps the true time (a board with a real-time clock).
 * - NTP client: v7 `status` synchronized|stopped|waiting|using-local-clock; v6 SNTP has `last-update-from`,
 *   reset when the client restarts (NTP manual, https://help.mikrotik.com/docs/spaces/ROS/pages/40992869/NTP).
 *   After a boot the client is unsynced until `ntpSyncAfterMs` (or never).
 */
import type { SimClock, TimerHandle } from './clock';

export type BootClock = 'rtc' | 'epoch-1970' | 'stale-restore';

export interface BootClockOptions {
  bootClock?: BootClock;
  /** True time after boot until NTP syncs (default 5 s); 'never' = unreachable server. */
  ntpSyncAfterMs?: number | 'never';
}

export class WallClock {
  /** Router clock minus true time. */
  skewMs = 0;
  synced: boolean;
  /** Server the last sync came from (v6 `last-update-from`). */
  readonly server = '162.159.200.1';
  private shutdownWall: number | null = null;
  private pending: TimerHandle | null = null;

  constructor(
    private readonly clock: SimClock,
    private readonly enabled: () => boolean,
    synced: boolean,
  ) {
    this.synced = synced;
  }

  nowMs(): number {
    return this.clock.nowMs() + this.skewMs;
  }

  /** Moves the router clock (a manual `set`, a bad GPS/NTP source); NTP state is left as it is. */
  jump(ms: number): void {
    this.skewMs += ms;
  }

  /** A successful NTP exchange: the clock is right again and the client reports it. */
  syncNow(): void {
    if (!this.enabled()) return;
    this.pending?.cancel();
    this.pending = null;
    this.skewMs = 0;
    this.synced = true;
  }

  /** The client loses its server (it keeps the time it has). */
  unsync(): void {
    this.synced = false;
  }

  powerOff(): void {
    this.pending?.cancel();
    this.pending = null;
    this.shutdownWall = this.nowMs();
  }

  /** `offsetMinutes`: the router's gmt-offset, to place `jan/02/1970 00:00:00` in local time. */
  boot(opts: BootClockOptions, offsetMinutes: number): void {
    const trueNow = this.clock.nowMs();
    const mode = opts.bootClock ?? 'rtc';
    if (mode === 'epoch-1970') this.skewMs = Date.UTC(1970, 0, 2) - offsetMinutes * 60_000 - trueNow;
    else if (mode === 'stale-restore') this.skewMs = (this.shutdownWall ?? trueNow) - trueNow;
    this.synced = false;
    const after = opts.ntpSyncAfterMs ?? 5000;
    if (after !== 'never') this.pending = this.clock.after(after, () => this.syncNow());
  }
}
