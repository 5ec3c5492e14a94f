import { z } from 'zod';
import { channel } from './define';
import { id } from './common';

/** How the router cuts an expired subscriber: disable + kick, or the walled-garden profile + kick. */
export const expiryAction = z.enum(['disable', 'expired-profile']);

/** `http://<IPv4>[:port]/…`: the router dst-nats expired subscribers' web traffic there. */
export const noticeUrl = z
  .string()
  .trim()
  .max(300, 'Use at most 300 characters')
  .regex(/^http:\/\/((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)(:\d{1,5})?(\/[^\s]*)?$/, 'Enter an http:// address with an IPv4 host, e.g. http://10.0.0.5:8080/pay');

export const enforcementSettings = z.object({
  expiryAction,
  noticeUrl: z.string().nullable(),
  /** Strict mode: while a router's clock is unknown, assume an outage this long (hours) and cut within it. */
  strictOutageHours: z.number().int().nullable(),
});
export type EnforcementSettingsDto = z.infer<typeof enforcementSettings>;

const plannedChange = z.object({
  menu: z.string(),
  tag: z.string(),
  action: z.enum(['add', 'set', 'remove']),
  props: z.record(z.string(), z.string()),
});

const routerRef = z.strictObject({ routerId: id });

/** What stops a router from enforcing on its own; the renderer words each code. */
export const enforcementFinding = z.discriminatedUnion('code', [
  z.object({ code: z.literal('not-installed') }),
  z.object({ code: z.literal('ntp-disabled') }),
  z.object({ code: z.literal('ntp-not-synchronized') }),
  z.object({ code: z.literal('clock-off'), offsetSec: z.number().int() }),
  z.object({ code: z.literal('tick-missing') }),
  z.object({ code: z.literal('tick-not-running'), runCount: z.number().int() }),
  z.object({ code: z.literal('tick-policy'), missing: z.array(z.string()) }),
  z.object({ code: z.literal('script-not-running'), tickRuns: z.number().int() }),
]);

export const enforcementChannels = {
  'enforcement.settings.get': channel({
    summary: 'Expiry enforcement settings of the tenant (action, payment notice address, strict mode).',
    input: z.strictObject({}),
    output: enforcementSettings,
    access: 'routers.read',
    mutates: false,
  }).sample(() => ({})),
  'enforcement.settings.update': channel({
    summary: 'Change expiry enforcement settings; install again on each router to apply them there.',
    input: z.strictObject({
      expiryAction: expiryAction.optional(),
      noticeUrl: noticeUrl.nullable().optional(),
      strictOutageHours: z.number().int('Whole hours').min(1, 'At least 1 hour').max(720, 'At most 720 hours').nullable().optional(),
    }),
    output: enforcementSettings,
    access: 'routers.manage',
    mutates: true,
  }).sample(() => ({ expiryAction: 'expired-profile', noticeUrl: 'http://10.0.0.5:8080/pay' })),
  'enforcement.preflight': channel({
    summary: 'Reads the router once and lists exactly which enforcement objects installing would add or change.',
    input: routerRef,
    output: z.object({ routerVersion: z.string(), changes: z.array(plannedChange) }),
    access: 'routers.read',
    mutates: false,
  }).sample((r) => ({ routerId: r.router })),
  'enforcement.check': channel({
    summary: "Write the router's time high-water mark and check that its sweeper runs (clock, NTP, ticker, policy).",
    input: routerRef,
    output: z.object({
      hwmWritten: z.boolean(),
      findings: z.array(enforcementFinding),
      tickRunCount: z.number().int(),
      enforceRunCount: z.number().int(),
    }),
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'enforcement.install': channel({
    summary: 'Queue the enforcement objects (sweeper script, schedulers, expired profile, firewall rules) for the router.',
    input: routerRef,
    output: z.object({ enqueued: z.number().int() }),
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'enforcement.remove': channel({
    summary: 'Queue the removal of every enforcement object from the router.',
    input: routerRef,
    output: z.object({ enqueued: z.number().int() }),
    access: 'routers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
} as const;
