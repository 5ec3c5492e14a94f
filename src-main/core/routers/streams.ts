import { AppError, notFound } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { ParsedInputOf } from '@shared/contract';
import type { DiagnosisNote } from '@shared/contract/diagnosis';
import type { Core, TenantCtx } from '../context';
import type { RosRow, RosStream } from '../routeros/client';
import type { RouterConnectionManager } from './connections';
import { explainRouterError, routerFailure } from './diagnose';
import { mustFindRouter } from './router-repo';

interface LiveStream {
  id: string;
  tenantId: string;
  token: string;
  kind: 'traffic' | 'log';
  target: { host: string; port: number; useTls: boolean };
  ros: RosStream | null;
  stopped: boolean;
}

const MAX_PER_SESSION = 8;

/**
 * Live router data pushed to one session as `routers.stream-data` events. A stream ends when its view
 * calls stop, when the session ends or stops listening, when the tenant goes inactive, or on a router fault.
 */
export class RouterStreams {
  private readonly live = new Map<string, LiveStream>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly core: Core, private readonly connections: RouterConnectionManager) {
    core.sessions.onEnd((s) => this.stopWhere((l) => l.token === s.token));
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
    else void this.pump(entry, input.kind === 'log' ? input.topics : '');
    return { streamId: entry.id };
  }

  private async pump(entry: LiveStream, topics: string): Promise<void> {
    const send = (rows: RosRow[], ended: boolean, error: DiagnosisNote | null) =>
      this.core.events.emitToToken(entry.token, 'routers.stream-data', {
        streamId: entry.id, kind: entry.kind, at: this.core.clock.now().toISOString(), rows, ended, error,
      });
    try {
      for await (const row of entry.ros!) {
        if (entry.stopped) break;
        if (topics && !(row.topics ?? '').includes(topics)) continue;
        send([row], false, null);
      }
      send([], true, null);
    } catch (e) {
      send([], true, explainRouterError(e, entry.target).note);
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

  private stopWhere(pred: (l: LiveStream) => boolean): void {
    for (const l of [...this.live.values()]) if (pred(l)) this.end(l);
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
