import type { routersChannels } from '@shared/contract/routers';
import type { HandlersFor } from '../rpc/handlers';
import { bootstrapScript, localAddresses } from './bootstrap-script';
import { diffBackups, fetchBackup, getBackup, listBackups } from './backups';
import { firewallFilters, interfaces, overview, ping, recentLog } from './dashboard-system';
import { addAddressListEntry, addQueue, addressLists, leases, queues, removeAddressListEntry, removeQueue, updateQueue } from './dashboard-network';
import {
  addPppSecret, hotspotActive, hotspotProfiles, hotspotUsers, kickHotspot, kickPpp, pppActive, pppProfiles, pppSecrets, removePppSecret, updatePppSecret,
} from './dashboard-ppp';
import { homeSummary } from './home';
import { routersOf } from './runtime';
import { createRouter, deleteRouter, getRouter, hotspotRouters, listDowntime, listRouters, trustCertificate, updateRouter } from './router-service';
import { testConnection } from './test-connection';

type RouterChannels = Extract<keyof typeof routersChannels, string>;

export const routersHandlers: HandlersFor<RouterChannels> = {
  'routers.list': (q, ctx) => listRouters(ctx, q),
  'routers.home': (_i, ctx) => homeSummary(ctx),
  'routers.get': (i, ctx) => getRouter(ctx, i.routerId),
  'routers.create': (i, ctx) => createRouter(ctx, i),
  'routers.update': (i, ctx) => updateRouter(ctx, i),
  'routers.delete': (i, ctx) => deleteRouter(ctx, i.routerId),
  'routers.test-connection': (i, ctx) => testConnection(ctx, i),
  'routers.trust-certificate': (i, ctx) => trustCertificate(ctx, i),
  'routers.bootstrap-script': (i, ctx) => Promise.resolve(bootstrapScript(i, ctx.core.clock.now())),
  'routers.local-addresses': () => Promise.resolve(localAddresses()),
  'routers.dashboard.overview': (i, ctx) => overview(ctx, i.routerId),
  'routers.dashboard.interfaces': (i, ctx) => interfaces(ctx, i.routerId),
  'routers.stream.start': (i, ctx) => routersOf(ctx.core).streams.start(ctx, i),
  'routers.stream.stop': (i, ctx) => {
    routersOf(ctx.core).streams.stop(ctx, i.streamId);
    return Promise.resolve({ ok: true as const });
  },
  'routers.ppp.active': (q, ctx) => pppActive(ctx, q),
  'routers.ppp.kick': (i, ctx) => kickPpp(ctx, i),
  'routers.ppp.secrets': (q, ctx) => pppSecrets(ctx, q),
  'routers.ppp.secret.add': (i, ctx) => addPppSecret(ctx, i),
  'routers.ppp.secret.update': (i, ctx) => updatePppSecret(ctx, i),
  'routers.ppp.secret.remove': (i, ctx) => removePppSecret(ctx, i),
  'routers.ppp.profiles': (i, ctx) => pppProfiles(ctx, i.routerId),
  'routers.hotspot.active': (q, ctx) => hotspotActive(ctx, q),
  'routers.hotspot.routers': (_i, ctx) => hotspotRouters(ctx),
  'routers.hotspot.kick': (i, ctx) => kickHotspot(ctx, i),
  'routers.hotspot.users': (q, ctx) => hotspotUsers(ctx, q),
  'routers.hotspot.profiles': (i, ctx) => hotspotProfiles(ctx, i.routerId),
  'routers.queues.list': (q, ctx) => queues(ctx, q),
  'routers.queues.add': (i, ctx) => addQueue(ctx, i),
  'routers.queues.update': (i, ctx) => updateQueue(ctx, i),
  'routers.queues.remove': (i, ctx) => removeQueue(ctx, i),
  'routers.dhcp.leases': (q, ctx) => leases(ctx, q),
  'routers.address-lists.list': (q, ctx) => addressLists(ctx, q),
  'routers.address-lists.add': (i, ctx) => addAddressListEntry(ctx, i),
  'routers.address-lists.remove': (i, ctx) => removeAddressListEntry(ctx, i),
  'routers.firewall.filters': (i, ctx) => firewallFilters(ctx, i.routerId),
  'routers.log.recent': (i, ctx) => recentLog(ctx, i),
  'routers.ping': (i, ctx) => ping(ctx, i),
  'routers.backups.fetch': async (i, ctx) => {
    await getRouter(ctx, i.routerId);
    return fetchBackup(ctx.core, routersOf(ctx.core).connections, ctx.tenant.id, i.routerId, 'manual');
  },
  'routers.backups.list': (q, ctx) => listBackups(ctx, q),
  'routers.backups.get': (i, ctx) => getBackup(ctx, i.backupId),
  'routers.backups.diff': (i, ctx) => diffBackups(ctx, i),
  'routers.downtime.list': (q, ctx) => listDowntime(ctx, q),
};
