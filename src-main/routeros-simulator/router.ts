/** One simulated router: state + clock + services wired together (no sockets; see server.ts). */
import { randomInt } from 'node:crypto';
import { SimClock } from './clock';
import type { CommandRun, SessionInfo } from './command';
import { COMMANDS } from './commands';
import type { CoreSettings, RouterCore } from './core';
import type { DateStyle } from './dates';
import { Engine } from './engine';
import { dropRamFiles } from './menus/file';
import { dropDynamicAddresses } from './menus/firewall';
import { ALL_MENUS } from './menus/index';
import { NetwatchService } from './netwatch';
import { Network } from './network';
import { ALL_POLICIES } from './auth';
import { SchedulerService } from './scheduler';
import { ScriptEngine, type InternalResult } from './scripts';
import { HotspotService } from './sessions-hotspot';
import { PppService } from './sessions-ppp';
import type { Props } from './spec';
import { SimState } from './state';
import { TrafficModel } from './traffic';
import { parseVersion, type VersionInfo } from './version';
import { WallClock, type BootClockOptions } from './wall-clock';

export interface RouterConfig {
  version: string;
  clock: 'real' | 'virtual';
  startTime?: Date;
  boardName: string;
  randomSeed?: number;
  pppKickReason: string;
  addWithoutRet?: readonly string[];
  fileReadSince?: string;
  /** NTP client at start (default enabled and synchronized). */
  ntp?: { enabled?: boolean; synced?: boolean };
  gmtOffsetMinutes?: number;
  /** Router uptime at start (boot lies this far before the start time). */
  uptimeMs?: number;
  apiPort: () => number;
  apiSslPort: () => number | null;
}

const SCRIPT_SESSION: SessionInfo = { user: 'admin', policies: new Set(ALL_POLICIES), remoteAddress: '127.0.0.1', via: 'script' };

export class SimRouter implements RouterCore {
  readonly state: SimState;
  readonly clock: SimClock;
  readonly wall: WallClock;
  readonly version: VersionInfo;
  readonly dateStyle: DateStyle;
  readonly settings: CoreSettings;
  bootMs: number;
  readonly traffic: TrafficModel;
  readonly network: Network;
  readonly ppp: PppService;
  readonly hotspot: HotspotService;
  readonly scripts: ScriptEngine;
  readonly scheduler: SchedulerService;
  readonly netwatch: NetwatchService;
  readonly engine: Engine;

  constructor(cfg: RouterConfig) {
    const seed = cfg.randomSeed ?? randomInt(1, 2 ** 31 - 1);
    this.version = parseVersion(cfg.version, { fileReadSince: cfg.fileReadSince });
    this.dateStyle = { iso: this.version.isoDates, offsetMinutes: cfg.gmtOffsetMinutes ?? 180 };
    this.clock = new SimClock(cfg.clock, cfg.startTime);
    this.bootMs = this.clock.nowMs() - (cfg.uptimeMs ?? 0);
    this.wall = new WallClock(this.clock, () => this.state.singleton('/system/ntp/client').get().enabled === 'true', cfg.ntp?.synced ?? true);
    this.settings = {
      boardName: cfg.boardName,
      pppKickReason: cfg.pppKickReason,
      addWithoutRet: new Set(cfg.addWithoutRet ?? []),
      seed,
      apiPort: cfg.apiPort,
      apiSslPort: cfg.apiSslPort,
    };
    const self = (): RouterCore => this;
    this.state = new SimState(ALL_MENUS, self, this.version.v7);
    this.traffic = new TrafficModel(seed, this.bootMs);
    this.network = new Network(seed);
    this.ppp = new PppService(self);
    this.hotspot = new HotspotService(self);
    this.scripts = new ScriptEngine(
      self,
      () => (path, attrs, queries, policies) => this.execInternal(path, attrs, queries, policies),
      (path) => this.commandExists(path),
    );
    this.scheduler = new SchedulerService(self);
    this.netwatch = new NetwatchService(self);
    this.engine = new Engine(this, COMMANDS);
    if (cfg.ntp?.enabled === false) {
      this.state.singleton('/system/ntp/client').set({ enabled: false });
      this.wall.synced = false;
    }
  }

  log(topics: string, message: string): void {
    this.state.table('/log').insert({ topics, message, $at: String(this.clock.nowMs()) }, 'internal');
  }

  /**
   * The reboot fault: what a power cycle leaves behind. Sessions end (PPP `last-disconnect-reason=reboot`,
   * a value of that enum: integrations.md §1.11), dynamic and timeout address-list entries and RAM-disk
   * files are gone, uptime restarts, scheduler `run-count` is 0 and `start-time=startup` entries fire 3 s
   * after boot (https://help.mikrotik.com/docs/display/ROS/Scheduler; router-enforcement.md §1.1, §1.4).
   * Configuration (secrets, static entries, schedulers, scripts) survives. The caller closes the sockets.
   */
  reboot(downMs = 0, clockOpts: BootClockOptions = {}): void {
    this.powerOff();
    if (downMs > 0 && this.clock.mode === 'virtual') this.clock.advance(downMs);
    this.boot(clockOpts);
  }

  private powerOff(): void {
    this.scheduler.disarmAll();
    this.wall.powerOff();
    // Script `:global` variables live in RAM (Scripting manual, "Variables": global variables are lost on reboot).
    this.scripts.globals.clear();
    for (const a of [...this.state.table('/ppp/active').rowsInOrder()]) this.ppp.disconnect(a.props.name ?? '', 'reboot');
    for (const a of [...this.state.table('/ip/hotspot/active').rowsInOrder()]) this.hotspot.logout(a.id, 'reboot');
    const hosts = this.state.table('/ip/hotspot/host');
    for (const h of [...hosts.rowsInOrder()]) hosts.delete(h, 'internal');
    dropDynamicAddresses(this);
    dropRamFiles(this);
  }

  private boot(clockOpts: BootClockOptions): void {
    this.bootMs = this.clock.nowMs();
    this.wall.boot(clockOpts, this.dateStyle.offsetMinutes);
    this.scheduler.afterBoot();
    this.log('system,info', 'router rebooted');
  }

  commandExists(path: string): boolean {
    try {
      this.engine.resolve(path);
      return true;
    } catch {
      return false;
    }
  }

  /** Runs a command as the router itself (scripts): collects rows, stops streaming commands. */
  execInternal(path: string, attrs: Record<string, string>, queries: string[] = [], policies?: ReadonlySet<string>): InternalResult {
    const rows: Props[] = [];
    let trap: string | undefined;
    let ret: string | undefined;
    const sink = {
      open: true,
      send: (words: string[]): void => {
        const props: Props = {};
        for (const w of words.slice(1)) {
          if (!w.startsWith('=')) continue;
          const eq = w.indexOf('=', 1);
          props[w.slice(1, eq)] = w.slice(eq + 1);
        }
        if (words[0] === '!re') rows.push(props);
        else if (words[0] === '!trap') trap = props.message ?? 'failure';
        else if (words[0] === '!done') ret = props.ret;
      },
    };
    const session = policies ? { ...SCRIPT_SESSION, policies, via: 'scheduler' } : SCRIPT_SESSION;
    const run: CommandRun = this.engine.execute(path, attrs, queries, undefined, session, sink, () => undefined);
    if (!run.finished) run.abandon();
    return trap !== undefined ? { ok: false, message: trap } : { ok: true, ret, rows };
  }
}
