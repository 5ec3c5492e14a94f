import { z } from 'zod';
import { channel, event } from './define';
import { id, instant, pageInput, pageOutput } from './common';

export const alertItem = z.object({
  id,
  at: instant,
  severity: z.enum(['info', 'warning', 'critical']),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  routerId: id.nullable(),
  readAt: instant.nullable(),
});
export type AlertItem = z.infer<typeof alertItem>;

export const opsChannels = {
  'alerts.list': channel({
    summary: 'In-app alerts (router down/up …), newest first.',
    input: pageInput(['at'], { unreadOnly: z.boolean().optional() }),
    output: pageOutput(alertItem).extend({ unread: z.number().int() }),
    access: 'routers.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'alerts.mark-read': channel({
    summary: 'Mark alerts as read (or all of them).',
    input: z.union([z.strictObject({ alertIds: z.array(id).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]),
    output: z.object({ unread: z.number().int() }),
    // Read state is shared by the whole tenant: clearing it is an operator's act, not a viewer's.
    access: 'routers.operate',
    mutates: true,
  }).sample((r) => ({ alertIds: [r.alert] })),
} as const;

export const opsEvents = {
  'alerts.created': event({
    summary: 'A new in-app alert.',
    payload: alertItem,
    access: 'routers.read',
  }),
} as const;
