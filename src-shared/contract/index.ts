import type { z } from 'zod';
import { authChannels, authEvents } from './auth';
import { tenancyChannels, tenancyEvents } from './tenancy';
import { routersChannels, routersEvents, routersStreams } from './routers';
import { streamEvents, type StreamPart } from './define';
import { opsChannels, opsEvents } from './ops';
import { demoChannels } from './demo';
import { schedulerChannels } from './scheduler';
import { packagesChannels } from './packages';
import { subscribersChannels, subscribersEvents } from './subscribers';
import { routerSyncChannels } from './router-sync';
import { enforcementChannels } from './enforcement';
import { adoptionChannels, adoptionEvents } from './adoption';
import { subscriberLiveChannels } from './subscriber-live';
import { paymentsChannels, paymentsEvents, paymentsPolicyChannels } from './payments';
import { mpesaChannels } from './mpesa';
import { invoicesChannels } from './invoices';
import { documentsChannels } from './documents';
import { hotspotChannels } from './hotspot';
import { hotspotAdoptionChannels } from './hotspot-adoption';
import { voucherTemplatesChannels } from './voucher-templates';
import { voucherSalesChannels } from './voucher-sales';
import { hotspotPortalChannels } from './hotspot-portal';

/** The whole RPC contract: every channel declared once, with zod input/output and the access it needs. */
export const contract = {
  ...tenancyChannels,
  ...authChannels,
  ...routersChannels,
  ...opsChannels,
  ...demoChannels,
  ...schedulerChannels,
  ...packagesChannels,
  ...subscribersChannels,
  ...routerSyncChannels,
  ...enforcementChannels,
  ...adoptionChannels,
  ...subscriberLiveChannels,
  ...paymentsChannels,
  ...paymentsPolicyChannels,
  ...mpesaChannels,
  ...invoicesChannels,
  ...documentsChannels,
  ...hotspotChannels,
  ...hotspotAdoptionChannels,
  ...voucherTemplatesChannels,
  ...voucherSalesChannels,
  ...hotspotPortalChannels,
} as const;

/** Live streams (chunk, end, error), each pushed to the one session that started it. */
export const streams = {
  ...routersStreams,
} as const;

export const events = {
  ...tenancyEvents,
  ...authEvents,
  ...routersEvents,
  ...opsEvents,
  ...adoptionEvents,
  ...subscribersEvents,
  ...paymentsEvents,
  ...streamEvents(streams),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = z.output<Contract[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type ChunkOf<S extends StreamName> = z.output<Streams[S]['chunk']>;
export type EndOf<S extends StreamName> = z.output<Streams[S]['end']>;
export type StreamEventName<S extends StreamName, P extends StreamPart> = `${S}.${P}` & EventName;

export function streamEventName<S extends StreamName, P extends StreamPart>(stream: S, part: P): StreamEventName<S, P> {
  return `${stream}.${part}` as StreamEventName<S, P>;
}

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
