import type { z } from 'zod';
import type { Access } from '../domain/permissions';

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
