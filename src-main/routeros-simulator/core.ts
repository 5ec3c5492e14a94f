/** The router as the menus see it: state, clock, version, log and the session services. */
import type { SimClock } from './clock';
import type { DateStyle } from './dates';
import type { HotspotService } from './sessions-hotspot';
import type { Network } from './network';
import type { NetwatchService } from './netwatch';
import type { PppService } from './sessions-ppp';
import type { SchedulerService } from './scheduler';
import type { ScriptEngine } from './scripts';
import type { SimState } from './state';
import type { TrafficModel } from './traffic';
import type { VersionInfo } from './version';
import type { WallClock } from './wall-clock';

export interface CoreSettings {
  readonly boardName: string;
  readonly pppKickReason: string;
  readonly addWithoutRet: ReadonlySet<string>;
  readonly seed: number;
  readonly apiPort: () => number;
  readonly apiSslPort: () => number | null;
}

export interface RouterCore {
  readonly state: SimState;
  readonly clock: SimClock;
  /** The router's own clock (what `/system clock` and scripts read); see wall-clock.ts. */
  readonly wall: WallClock;
  readonly version: VersionInfo;
  readonly dateStyle: DateStyle;
  readonly settings: CoreSettings;
  /** Router time of the last boot (uptime counts from here; reboot() moves it). */
  readonly bootMs: number;
  readonly traffic: TrafficModel;
  readonly network: Network;
  readonly ppp: PppService;
  readonly hotspot: HotspotService;
  readonly scripts: ScriptEngine;
  readonly scheduler: SchedulerService;
  readonly netwatch: NetwatchService;
  /** Appends a /log entry (topics like `system,info,account`). */
  log(topics: string, message: string): void;
}
