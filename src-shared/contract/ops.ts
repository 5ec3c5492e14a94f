import { z } from 'zod';
import { channel, event } from './define';
import { id, instant, pageInput, pageOutput } from './common';
import { diagnosisNote } from './diagnosis';
import { enforcementFinding } from './enforcement';

const alertBase = {
  id,
  at: instant,
  severity: z.enum(['info', 'warning', 'critical']),
  routerId: id.nullable(),
  readAt: instant.nullable(),
};

/** An in-app alert: its `kind` is the code the renderer words, with typed `params`. */
export const alertItem = z.discriminatedUnion('kind', [
  z.object({ ...alertBase, kind: z.literal('router.down'), params: z.object({ routerName: z.string(), cause: diagnosisNote.nullable() }) }),
  z.object({ ...alertBase, kind: z.literal('router.up'), params: z.object({ routerName: z.string(), downForMs: z.number().int().nullable() }) }),
  z.object({ ...alertBase, kind: z.literal('router.degraded'), params: z.object({ routerName: z.string(), cause: diagnosisNote.nullable() }) }),
  /** The router-side expiry sweeper cannot be relied on (clock, NTP, ticker, permissions); empty findings = healthy again. */
  z.object({ ...alertBase, kind: z.literal('router.enforcement-health'), params: z.object({ routerName: z.string(), findings: z.array(enforcementFinding) }) }),
]);
export type AlertItem = z.infer<typeof alertItem>;
export type AlertKind = AlertItem['kind'];

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
