import { z } from 'zod';
import { channel } from './define';
import { id } from './common';

/** What the subscriber's router says about them right now (detail page, "Router state"). */
export const subscriberLiveState = z.object({
  online: z.boolean(),
  /** Seconds since the session started (null when offline). */
  uptimeSec: z.number().int().nullable(),
  address: z.string().nullable(),
  callerId: z.string().nullable(),
  /** From one `monitor-traffic once` of the session's interface; rx = from the subscriber (their upload). */
  rxBitsPerSecond: z.number().nullable(),
  txBitsPerSecond: z.number().nullable(),
});

export const subscriberLiveChannels = {
  'subscribers.live': channel({
    summary: "A PPPoE subscriber's live router state: online, uptime, address, caller id, current traffic.",
    input: z.strictObject({ subscriberId: id }),
    output: subscriberLiveState,
    access: 'subscribers.read',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber })),
} as const;
