import type { routerSyncChannels } from '@shared/contract/router-sync';
import type { HandlersFor } from '../rpc/handlers';
import { listDrift, reconcileRouter, resolveDrift } from './drift-service';
import { listSyncObjects, retrySync, syncStatus } from './sync-service';

type RouterSyncChannels = Extract<keyof typeof routerSyncChannels, string>;

export const routerSyncHandlers: HandlersFor<RouterSyncChannels> = {
  'routerSync.status': (i, ctx) => syncStatus(ctx, i),
  'routerSync.objects': (q, ctx) => listSyncObjects(ctx, q),
  'routerSync.retry': (i, ctx) => retrySync(ctx, i),
  'routerSync.reconcile': (i, ctx) => reconcileRouter(ctx, i.routerId),
  'routerSync.drift.list': (q, ctx) => listDrift(ctx, q),
  'routerSync.drift.resolve': (i, ctx) => resolveDrift(ctx, i),
};
