import { z } from 'zod';
import { ERROR_CODES } from '../domain/errors';
import type { Access, Permission } from '../domain/permissions';

/**
 * Ids of one row of every kind, used by the contract-wide isolation and bad-input tests: each channel's
 * `sample` builds a valid input from them, so a new channel is covered the day it is declared.
 */
export interface SampleRefs {
  tenant: string;
  staff: string;
  router: string;
  routerBackup: string;
  alert: string;
  package: string;
  subscriber: string;
  /** An unmatched payment (payments domain). */
  payment: string;
  /** A ledger entry that can be reversed (payments domain). */
  ledgerEntry: string;
  /** An STK request of the tenant (mpesa), made against the fake Daraja. */
  stkRequest: string;
  /** A draft invoice of that subscriber (invoices domain). */
  invoice: string;
  /** A hotspot plan on the fixture router, a batch on it and one of its vouchers (hotspot domain). */
  hotspotPlan: string;
  voucherBatch: string;
  voucher: string;
  /** An editable voucher template (documents domain). */
  voucherTemplate: string;
  /** An agent (voucher-sales) and a top-up on its float that can be reversed. */
  agent: string;
  agentEntry: string;
}

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> {
  /** What the channel does, for people reading the contract. */
  summary: string;
  input: I;
  output: O;
  access: A;
  /** Whether the channel may write. Read-only channels must never change a database file. */
  mutates: boolean;
  /** A valid input built from ids in `ref` (see SampleRefs). */
  sample: (ref: SampleRefs) => z.input<I>;
}

/**
 * Declares a channel. The sample comes in a second step so TypeScript checks it against the already
 * inferred input schema (literal types stay literal).
 */
export function channel<I extends z.ZodType, O extends z.ZodType, const A extends Access>(
  def: Omit<ChannelDef<I, O, A>, 'sample'>,
) {
  return {
    sample: (sample: (ref: SampleRefs) => z.input<I>): ChannelDef<I, O, A> => ({ ...def, sample }),
  };
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
  /** Who receives it: staff of the event's tenant holding the permission, or platform admins. */
  access: Access;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

/**
 * A live stream pushed to the one session that started it, as three typed events: `<name>.chunk` (data),
 * `<name>.end` (finished normally) and `<name>.error` (stopped by a fault). Like channels, each stream is
 * declared once here and both sides take their types from it.
 */
export interface StreamDef<C extends z.ZodType = z.ZodType, E extends z.ZodType = z.ZodType, A extends Access = Access> {
  summary: string;
  chunk: C;
  end: E;
  /** Who may keep receiving chunks; re-checked on every chunk, so a demoted user's stream goes quiet. */
  access: A;
}

export function stream<C extends z.ZodType, E extends z.ZodType, const A extends Permission>(def: StreamDef<C, E, A>): StreamDef<C, E, A> {
  return def;
}

/** Why a stream stopped early: an error key with its params, worded by the renderer like any error. */
export const streamError = z.object({
  code: z.enum(ERROR_CODES), key: z.string(), params: z.record(z.string(), z.unknown()), reason: z.string().optional(),
});

export const STREAM_PARTS = ['chunk', 'end', 'error'] as const;
export type StreamPart = (typeof STREAM_PARTS)[number];

type Tagged<D extends z.ZodType> = z.ZodObject<{ streamId: z.ZodString; data: D }>;

/** The three events of every stream in `S`, keyed `<stream>.<part>`. */
export type StreamEvents<S extends Record<string, StreamDef>> = {
  [N in keyof S & string as `${N}.chunk`]: EventDef<Tagged<S[N]['chunk']>>;
} & {
  [N in keyof S & string as `${N}.end`]: EventDef<Tagged<S[N]['end']>>;
} & {
  [N in keyof S & string as `${N}.error`]: EventDef<Tagged<typeof streamError>>;
};

/**
 * Turns stream declarations into ordinary contract events, so both transports route them like any
 * other event. End and error reach the session whatever its role: it may always learn that its view stopped.
 */
export function streamEvents<S extends Record<string, StreamDef>>(streams: S): StreamEvents<S> {
  const out: Record<string, EventDef> = {};
  for (const [name, def] of Object.entries(streams)) {
    const tagged = (data: z.ZodType) => z.object({ streamId: z.string(), data });
    out[`${name}.chunk`] = event({ summary: `${def.summary} (data)`, payload: tagged(def.chunk), access: def.access });
    out[`${name}.end`] = event({ summary: `${def.summary} (ended)`, payload: tagged(def.end), access: 'session' });
    out[`${name}.error`] = event({ summary: `${def.summary} (failed)`, payload: tagged(streamError), access: 'session' });
  }
  return out as StreamEvents<S>;
}
