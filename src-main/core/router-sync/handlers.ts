import type { routerSyncChannels } from '@shared/contract/router-sync';
import type { HandlersFor } from '../rpc/handlers';
import { listDrift, reconcileRouter, resolveDrift } from './drift-service';
import { listSyncObjects, retrySync, syncStatus } from './sync-service';

type RouterSyncChannels = Extract<keyof typeof routerSyncChannels, string>;

export const routerSyncHandlers: HandlersFor<RouterSyncChannels> = {
  'sync.status': (i, ctx) => syncStatus(ctx, i),
  'sync.objects': (q, ctx) => listSyncObjects(ctx, q),
  'sync.retry': (i, ctx) => retrySync(ctx, i),
  'sync.reconcile': (i, ctx) => reconcileRouter(ctx, i.routerId),
  'sync.drift.list': (q, ctx) => listDrift(ctx, q),
  'sync.drift.resolve': (i, ctx) => resolveDrift(ctx, i),
};
