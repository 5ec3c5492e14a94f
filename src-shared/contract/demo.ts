import { z } from 'zod';
import { channel } from './define';
import { instant } from './common';

export const demoChannels = {
  'demo.play-outage': channel({
    summary: 'Demo ISP only: its branch router stops answering for a short while, so monitoring records an outage.',
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true), endsAt: instant }),
    // It changes what a router does (for a while), like other operator actions on routers.
    access: 'routers.operate',
    mutates: true,
  }).sample(() => ({})),
} as const;
