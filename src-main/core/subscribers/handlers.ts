import type { packagesChannels } from '@shared/contract/packages';
import type { subscribersChannels } from '@shared/contract/subscribers';
import type { HandlersFor } from '../rpc/handlers';
import { applyBulk, previewBulk } from './bulk';
import { applyImport, exportSubscribers, previewImport } from './csv';
import { createPackage, deletePackage, getPackage, listPackages, setPackageStatus, updatePackage } from './package-service';
import { readSettings, toSettingsDto, updateSettings } from './settings';
import { listSubscribers } from './subscriber-list';
import {
  createSubscriber, deleteSubscriber, disableSubscriber, extendSubscriber, getSubscriber, reconnectSubscriber, revealPassword, subscriberHistory, suspendSubscriber,
  updateSubscriber,
} from './subscriber-service';

type Channels = Extract<keyof typeof packagesChannels | keyof typeof subscribersChannels, string>;

export const subscribersHandlers: HandlersFor<Channels> = {
  'packages.list': (q, ctx) => listPackages(ctx, q),
  'packages.get': (i, ctx) => getPackage(ctx, i.packageId),
  'packages.create': (i, ctx) => createPackage(ctx, i),
  'packages.update': (i, ctx) => updatePackage(ctx, i),
  'packages.set-status': (i, ctx) => setPackageStatus(ctx, i),
  'packages.delete': (i, ctx) => deletePackage(ctx, i.packageId),
  'subscribers.list': (q, ctx) => listSubscribers(ctx, q),
  'subscribers.get': (i, ctx) => getSubscriber(ctx, i.subscriberId),
  'subscribers.create': (i, ctx) => createSubscriber(ctx, i),
  'subscribers.update': (i, ctx) => updateSubscriber(ctx, i),
  'subscribers.delete': (i, ctx) => deleteSubscriber(ctx, i.subscriberId),
  'subscribers.extend': (i, ctx) => extendSubscriber(ctx, i),
  'subscribers.suspend': (i, ctx) => suspendSubscriber(ctx, i),
  'subscribers.disable': (i, ctx) => disableSubscriber(ctx, i),
  'subscribers.reconnect': (i, ctx) => reconnectSubscriber(ctx, i.subscriberId),
  'subscribers.reveal-password': (i, ctx) => revealPassword(ctx, i.subscriberId),
  'subscribers.history': (q, ctx) => subscriberHistory(ctx, q),
  'subscribers.settings.get': async (_i, ctx) => toSettingsDto(await readSettings(ctx.db)),
  'subscribers.settings.update': (i, ctx) => updateSettings(ctx, i),
  'subscribers.bulk.preview': (i, ctx) => previewBulk(ctx, i),
  'subscribers.bulk.apply': (i, ctx) => applyBulk(ctx, i),
  'subscribers.export': (i, ctx) => exportSubscribers(ctx, i),
  'subscribers.import.preview': (i, ctx) => previewImport(ctx, i.csv),
  'subscribers.import.apply': (i, ctx) => applyImport(ctx, i.csv),
};
