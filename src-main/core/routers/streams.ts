import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { can } from '@shared/domain/permissions';
import { streams, type ParsedInputOf } from '@shared/contract';
import { STREAM_OF_KIND } from '@shared/contract/routers';
import type { Core, TenantCtx } from '../context';
import type { RosRow, RosStream } from '../routeros/client';
import type { RouterConnectionManager } from './connections';
import { routerFailure } from './diagnose';
import { mustFindRouter } from './router-repo';

interface LiveStream {
  id: string;
  tenantId: string;
  token: string;
  kind: 'traffic' | 'log';
  target: { host: string; port: number; useTls: boolean };
  ros: RosStream | null;
  stopped: boolean;
  /** Stopped because the session lost the right to see it (the session was told already). */
  revoked?: boolean;
}

const MAX_PER_SESSION = 8;

function trafficSampleOf(row: RosRow) {
  return { name: row.name ?? '', rxBitsPerSecond: Number(row['rx-bits-per-second'] ?? 0) || 0, txBitsPerSecond: Number(row['tx-bits-per-second'] ?? 0) || 0 };
}

/** Follow-only log rows may come without an id; the view keys lines by it, so make one up. */
function logLineOf(row: RosRow) {
  return { id: row['.id'] ?? uuidv7(), time: row.time ?? '', topics: row.topics ?? '', message: row.message ?? '' };
}

/**
 * Live router data pushed to one session as the typed events of `routers.live-traffic` / `routers.live-log`
 * (chunk, end, error). A stream ends when its view calls stop, when the session ends or stops listening,
 * when the session's roles no longer allow it, when the tenant goes inactive, or on a router fault.
 */
export class RouterStreams {
  private readonly live = new Map<string, LiveStream>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly core: Core, private readonly connections: RouterConnectionManager) {
    core.sessions.onEnd((s) => this.stopWhere((l) => l.token === s.token));
    // An admin took away the role that allowed the view: stop it and tell the session why.
    core.sessions.onRolesChanged((s) => {
      const access = (l: LiveStream) => streams[STREAM_OF_KIND[l.kind]].access;
      this.stopWhere((l) => l.token === s.token && !can(s.roles, access(l)), (l) => {
        const body = new AppError('FORBIDDEN', 'auth.role-revoked', { reason: `NEEDS_${access(l)}` }).toBody();
        core.events.streamError(l.token, STREAM_OF_KIND[l.kind], l.id, body);
      });
    });
    // A closed tab never says goodbye: stop streams nobody listens to any more.
    this.sweeper = setInterval(() => this.stopWhere((l) => !core.events.hasSink(l.token)), 15_000);
    this.sweeper.unref();
  }

  async start(ctx: TenantCtx, input: ParsedInputOf<'routers.stream.start'>): Promise<{ streamId: string }> {
    const router = await mustFindRouter(ctx.db, input.routerId);
    const mine = [...this.live.values()].filter((l) => l.token === ctx.session.token);
    if (mine.length >= MAX_PER_SESSION) throw new AppError('CONFLICT', 'stream.too-many');
    const target = { host: router.host, port: router.port, useTls: router.useTls === 1 };
    const entry: LiveStream = { id: uuidv7(), tenantId: ctx.tenant.id, token: ctx.session.token, kind: input.kind, target, ros: null, stopped: false };
    this.live.set(entry.id, entry);
    try {
      entry.ros =
        input.kind === 'traffic'
          ? await this.connections.openStream(ctx.tenant.id, router.id, '/interface/monitor-traffic', { attributes: { interface: input.interfaces.join(',') } })
          : await this.connections.openStream(ctx.tenant.id, router.id, '/log/print', { attributes: { 'follow-only': '' } });
    } catch (e) {
      this.live.delete(entry.id);
      throw routerFailure(e, target);
    }
    if (entry.stopped) void entry.ros.cancel().catch(() => undefined);
    else void this.pump(entry, input.kind === 'log' ? input.topics : '', target);
    return { streamId: entry.id };
  }

  private async pump(entry: LiveStream, topics: string, target: { host: string; port: number; useTls: boolean }): Promise<void> {
    const stream = STREAM_OF_KIND[entry.kind];
    const events = this.core.events;
    try {
      for await (const row of entry.ros!) {
        if (entry.stopped) break;
        const at = this.core.clock.now().toISOString();
        if (entry.kind === 'traffic') {
          events.streamChunk(entry.token, 'routers.live-traffic', entry.id, { at, interfaces: [trafficSampleOf(row)] });
        } else {
          if (topics && !(row.topics ?? '').includes(topics)) continue;
          events.streamChunk(entry.token, 'routers.live-log', entry.id, { at, lines: [logLineOf(row)] });
        }
      }
      // A view stopped by a role change was already told why.
      if (!entry.revoked) events.streamEnd(entry.token, stream, entry.id, {});
    } catch (e) {
      // Cancelling may surface as an error from the router stream; a stream we stopped simply ended.
      if (entry.revoked) return;
      if (entry.stopped) events.streamEnd(entry.token, stream, entry.id, {});
      else events.streamError(entry.token, stream, entry.id, routerFailure(e, target).toBody());
    } finally {
      this.live.delete(entry.id);
    }
  }

  stop(ctx: TenantCtx, streamId: string): void {
    const entry = this.live.get(streamId);
    if (!entry || entry.token !== ctx.session.token) throw notFound('stream.not-found');
    this.end(entry);
  }

  private end(entry: LiveStream): void {
    if (entry.stopped) return;
    entry.stopped = true;
    this.live.delete(entry.id);
    void entry.ros?.cancel().catch(() => undefined);
  }

  private stopWhere(pred: (l: LiveStream) => boolean, revoke?: (l: LiveStream) => void): void {
    for (const l of [...this.live.values()]) {
      if (!pred(l)) continue;
      if (revoke) {
        l.revoked = true;
        revoke(l);
      }
      this.end(l);
    }
  }

  stopTenant(tenantId: string): void {
    this.stopWhere((l) => l.tenantId === tenantId);
  }

  count(): number {
    return this.live.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.stopWhere(() => true);
  }
}
