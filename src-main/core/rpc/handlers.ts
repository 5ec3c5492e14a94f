import type { ChannelName, Contract, OutputOf, ParsedInputOf } from '@shared/contract';
import type { PlatformCtx, PublicCtx, SessionCtx, TenantCtx } from '../context';

export type CtxFor<A> = A extends 'public'
  ? PublicCtx
  : A extends 'session'
    ? SessionCtx
    : A extends 'platform'
      ? PlatformCtx
      : TenantCtx;

export type Handler<K extends ChannelName> = (
  input: ParsedInputOf<K>,
  ctx: CtxFor<Contract[K]['access']>,
) => Promise<OutputOf<K>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** A domain's share of the handlers; the composition checks that together they cover the contract. */
export type HandlersFor<K extends ChannelName> = { [P in K]: Handler<P> };
