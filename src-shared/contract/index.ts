import type { z } from 'zod';
import { authChannels, authEvents } from './auth';
import { tenancyChannels, tenancyEvents } from './tenancy';
import { routersChannels, routersEvents } from './routers';
import { opsChannels, opsEvents } from './ops';

/** The whole RPC contract: every channel declared once, with zod input/output and the access it needs. */
export const contract = {
  ...tenancyChannels,
  ...authChannels,
  ...routersChannels,
  ...opsChannels,
} as const;

export const events = {
  ...tenancyEvents,
  ...authEvents,
  ...routersEvents,
  ...opsEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = z.output<Contract[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
