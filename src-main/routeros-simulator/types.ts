/** Public option and handle types of the RouterOS API simulator (see index.ts). */
import type { SimState } from './state';
import type { BootClockOptions } from './wall-clock';

export interface SimUser {
  name: string;
  password: string;
  /** 'full' (all policies), 'read', 'write', or a custom group given in `groups` / added via state. */
  group: string;
}

export interface SimGroup {
  name: string;
  /** Comma list like RouterOS: `read,api,!write`. */
  policy: string;
}

export interface SimFaults {
  /** Delay every reply sentence batch. */
  latencyMs: number;
  /** Close the socket (no reply) after N more commands on a connection; the N+1th command is applied, its reply lost. */
  dropAfterCommands: number | null;
  /** Accept bytes, never answer (a hung router): commands are neither executed nor answered. */
  stall: boolean;
  /** Every /login gets the invalid-credentials trap. */
  refuseLogin: boolean;
  /** e.g. path '/ppp/secret/add': that command is not executed and answers this trap. */
  trapOnPath: { path: string; message: string; category?: number } | null;
}

export interface SimulatorOptions {
  host?: string;
  port?: number;
  version?: string;
  loginMode?: 'modern' | 'legacy';
  users?: SimUser[];
  /** Extra user groups created before the users (addition to the brief's API). */
  groups?: SimGroup[];
  tls?: boolean;
  /** Port for the API-SSL listener (default 0 = random). */
  tlsPort?: number;
  clock?: 'real' | 'virtual';
  startTime?: Date;
  identity?: string;
  boardName?: string;
  randomSeed?: number;
  seed?: 'minimal' | 'demo';
  /** Demo seed flavour (default 'core'). */
  demoVariant?: 'core' | 'branch';
  /** Value written to /ppp/secret last-disconnect-reason when /ppp/active/remove kicks a session. */
  pppKickReason?: string;
  /**
   * Menus (e.g. `/ip/firewall/address-list`) whose `add` answers a bare `!done` without `=ret=`. Which
   * menus and builds do this is unverified, so tests choose; clients must then find the new item themselves.
   */
  addWithoutRet?: readonly string[];
  /** First version with `/file/read` (default 7.13; unconfirmed, see version.ts). */
  fileReadSince?: string;
  /** NTP client at start (default: enabled and synchronized). */
  ntp?: { enabled?: boolean; synced?: boolean };
  /** Router time zone, minutes east of UTC (default 180, Nairobi). */
  gmtOffsetMinutes?: number;
}

/** The router's own clock (wall-clock.ts): what `/system clock` and scripts read. */
export interface SimRouterClockHandle {
  now(): Date;
  /** Moves the router clock by `ms` (negative = back), e.g. a bad manual set. */
  jump(ms: number): void;
  /** NTP reaches its server now: clock corrected, status synchronized. */
  syncNtp(): void;
  /** NTP loses its server; the clock keeps running from where it is. */
  unsyncNtp(): void;
  readonly ntpSynced: boolean;
  /** Changes the router's time zone (gmt-offset), minutes east of UTC (may be negative). */
  setGmtOffsetMinutes(minutes: number): void;
}

export interface SimClockHandle {
  now(): Date;
  advance(ms: number): void;
}

export interface RouterSimulator {
  readonly host: string;
  readonly port: number;
  readonly tlsPort: number | null;
  readonly tlsFingerprintSha256: string | null;
  readonly version: string;
  readonly users: SimUser[];
  readonly clock: SimClockHandle;
  readonly faults: { set(f: Partial<SimFaults>): void; clear(): void; readonly current: SimFaults };
  readonly state: SimState;
  connectPpp(
    name: string,
    password: string,
    opts?: { callerId?: string; service?: string },
  ): { ok: true; id: string } | { ok: false; reason: string };
  disconnectPpp(name: string, reason?: string): boolean;
  loginHotspot(
    user: string,
    password: string,
    opts: { mac: string; ip: string },
  ): { ok: true; id: string } | { ok: false; reason: string };
  /**
   * Reboot fault: every API connection drops, then the router comes back as after a power cycle (see
   * SimRouter.reboot): sessions, dynamic/timeout address-list entries and RAM files gone, uptime and
   * scheduler run-counts reset, `start-time=startup` entries due 3 s later. `downMs` of (virtual) clock
   * pass while it is down; a real clock just reboots.
   */
  reboot(opts?: { downMs?: number } & BootClockOptions): void;
  /** The router's wall clock and NTP client (true time stays on `clock`). */
  readonly routerClock: SimRouterClockHandle;
  /** Sets a script `:global` (RAM) variable, e.g. a flag a long-running script left. */
  setScriptGlobal(name: string, value: number | string | null): void;
  /** Ping/netwatch reachability of a host (default: reachable). */
  setHostReachable(address: string, reachable: boolean): void;
  readonly openConnections: number;
  readonly commandsServed: number;
  /** Scripts (scheduler, netwatch, /system/script/run) that failed to parse or run. */
  readonly scriptErrors: number;
  /** TLS certificate in PEM (null without tls). */
  readonly tlsCertificatePem: string | null;
  regenerateCertificate(): void;
  stop(): Promise<void>;
}
