import { z } from 'zod';
import { channel } from './define';
import { id, instant, pageInput, pageOutput, plainText } from './common';
import { rosName } from './packages';
import { VOUCHER_CHARSET_NAMES, VOUCHER_MODES } from '../domain/voucher-code';
import { VOUCHER_STATES } from '../domain/voucher-status';
import { isDnsName } from '../domain/voucher-print';

const int = (min: number, max: number) => z.number({ message: 'Must be a number' }).int('Must be a whole number').min(min, `At least ${min}`).max(max, `At most ${max}`);
const kbps = int(1, 100_000_000);

export const HOTSPOT_PLAN_STATUSES = ['active', 'disabled'] as const;
export const hotspotPlanStatus = z.enum(HOTSPOT_PLAN_STATUSES);

/**
 * What ends a voucher: connected time (RouterOS `limit-uptime`, consumed across sessions), calendar validity
 * counted from the first login (not a RouterOS property: enforced by a router script, integrations.md §6.2),
 * or nothing but the data limit.
 */
export const voucherLimit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uptime'), seconds: int(60, 366 * 86_400) }),
  z.strictObject({ kind: z.literal('validity'), seconds: int(60, 366 * 86_400) }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type VoucherLimit = z.output<typeof voucherLimit>;

const planName = plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(60, 'Use at most 60 characters'));

const planFields = {
  name: planName,
  routerId: id,
  /** The hotspot server the vouchers work on (`all` = every server of the router). */
  server: rosName.default('all'),
  /** The user profile the app creates and maintains on the router for this plan. */
  profileName: rosName,
  /** RouterOS order: rx = the client's upload, tx = their download. */
  rateLimit: z.strictObject({ rxKbps: kbps, txKbps: kbps }),
  /** Devices logged in at once with one voucher (`shared-users`). */
  sharedUsers: int(1, 100).default(1),
  /** The router's `/ip/pool` the profile hands addresses from (`address-pool`); null = the hotspot server's own. */
  addressPool: rosName.nullable().default(null),
  sessionTimeoutSec: int(60, 366 * 86_400).nullable().default(null),
  idleTimeoutSec: int(60, 86_400).nullable().default(null),
  limit: voucherLimit,
  /** `limit-bytes-total`, null = no data limit. */
  limitBytesTotal: int(1_048_576, 10 * 1024 ** 4).nullable().default(null),
  priceMinor: int(0, 1_000_000_000),
  status: hotspotPlanStatus.default('active'),
  /** Lock a voucher to the first device that logs in with it (the profile's on-login script sets the user's MAC). */
  macLock: z.boolean({ message: 'Must be true or false' }).default(false),
  /**
   * The hotspot's `dns-name` (`/ip/hotspot/profile`), the host of the QR auto-login URL printed on the
   * vouchers; null = not known yet (vouchers print once it is set).
   */
  dnsName: z.string().trim().toLowerCase().max(253, 'Use at most 253 characters')
    .refine((v) => v === '' || isDnsName(v), 'Use a host name such as wifi.example.net')
    .transform((v) => (v === '' ? null : v)).nullable().default(null),
};

export const hotspotPlanCreateInput = z.strictObject(planFields);

export const hotspotPlanSummary = z.object({
  id,
  name: z.string(),
  routerId: id,
  server: z.string(),
  profileName: z.string(),
  rateLimit: z.object({ rxKbps: z.number().int(), txKbps: z.number().int() }),
  sharedUsers: z.number().int(),
  addressPool: z.string().nullable(),
  sessionTimeoutSec: z.number().int().nullable(),
  idleTimeoutSec: z.number().int().nullable(),
  limit: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('uptime'), seconds: z.number().int() }),
    z.object({ kind: z.literal('validity'), seconds: z.number().int() }),
    z.object({ kind: z.literal('none') }),
  ]),
  limitBytesTotal: z.number().int().nullable(),
  priceMinor: z.number().int(),
  status: hotspotPlanStatus,
  macLock: z.boolean(),
  dnsName: z.string().nullable(),
  /** Vouchers of the plan not revoked. */
  voucherCount: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});
export type HotspotPlanSummary = z.infer<typeof hotspotPlanSummary>;

export const voucherCodeOptions = z.strictObject({
  length: int(4, 16).default(6),
  prefix: z.string().trim().max(8, 'Use at most 8 characters').refine((v) => /^[A-Za-z0-9]*$/.test(v), 'Use letters and digits only').default(''),
  charset: z.enum(VOUCHER_CHARSET_NAMES).default('alnumLower'),
  /** `same`: the code is username and password; `pin`: a separate numeric password. */
  mode: z.enum(VOUCHER_MODES).default('same'),
  pinLength: int(4, 8).default(4),
});

export const voucherBatchSummary = z.object({
  id,
  /** Per-tenant number, shown and written in the router comment (`vc-007-…`). */
  serial: z.number().int(),
  planId: id,
  routerId: id,
  count: z.number().int(),
  priceMinor: z.number().int(),
  note: z.string(),
  mode: z.enum(VOUCHER_MODES),
  /** The comment every voucher of the batch carries on the router (Mikhmon style). */
  comment: z.string(),
  revokedCount: z.number().int(),
  createdAt: instant,
  /** `adopted`: made from users the router already had (hotspot.adopt.apply), not generated by the app. */
  origin: z.enum(['generated', 'adopted']),
  /** When staff stopped its push to the router (vouchers not yet there were revoked), or null. */
  cancelledAt: instant.nullable(),
});
export type VoucherBatchSummary = z.infer<typeof voucherBatchSummary>;

export const VOUCHER_STATUSES = ['unused', 'revoked'] as const;

export const voucherState = z.enum(VOUCHER_STATES);

/** What the last status sync read from the router (issue 11 §2); zeros and nulls before any sync. */
export const voucherUsage = z.object({
  uptimeSec: z.number().int(),
  bytesIn: z.number().int(),
  bytesOut: z.number().int(),
  firstLoginAt: instant.nullable(),
  lastSeenAt: instant.nullable(),
  expiresAt: instant.nullable(),
  active: z.boolean(),
  mac: z.string().nullable(),
  syncedAt: instant.nullable(),
});

export const voucherSummary = z.object({
  id,
  batchId: id,
  batchSerial: z.number().int(),
  planId: id,
  routerId: id,
  code: z.string(),
  password: z.string(),
  status: z.enum(VOUCHER_STATUSES),
  /** Where the router stands: pending until the outbox applied it, failed when the router refused it. */
  syncState: z.enum(['pending', 'synced', 'failed']),
  /** unused / in use / used up / expired / revoked, from router counters and the active list at the last sync. */
  state: voucherState,
  usage: voucherUsage,
  createdAt: instant,
  revokedAt: instant.nullable(),
});
export type VoucherSummary = z.infer<typeof voucherSummary>;

export const voucherBatchProgress = z.object({
  batchId: id,
  total: z.number().int(),
  /** Live vouchers whose hotspot user the router verifiably holds. */
  onRouter: z.number().int(),
  /** Live vouchers still queued in the router outbox. */
  queued: z.number().int(),
  /** Live vouchers the router refused (its words are in the sync screen). */
  refused: z.number().int(),
  revoked: z.number().int(),
  /** Why queued work waits (the router unreachable), in the router's or the connection's words; null = moving. */
  waitingReason: z.string().nullable(),
  cancelledAt: instant.nullable(),
});
export type VoucherBatchProgress = z.infer<typeof voucherBatchProgress>;

export const hotspotChannels = {
  'hotspot.plans.list': channel({
    summary: 'Hotspot plans (router, user profile, limits, price) with their voucher counts.',
    input: pageInput(['name', 'priceMinor', 'status'], { status: hotspotPlanStatus.optional(), routerId: id.optional() }),
    output: pageOutput(hotspotPlanSummary),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'hotspot.plans.create': channel({
    summary: 'Create a hotspot plan; its user profile is queued for the router through the outbox.',
    input: hotspotPlanCreateInput,
    output: hotspotPlanSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({
    name: 'Sample 1 hour', routerId: r.router, profileName: 'sample-1h', rateLimit: { rxKbps: 1000, txKbps: 2000 },
    limit: { kind: 'uptime', seconds: 3600 }, priceMinor: 2000,
  })),
  'hotspot.plans.update': channel({
    summary: 'Edit a hotspot plan; its profile and vouchers on the router follow through desired state.',
    input: z.strictObject({ planId: id }).extend(z.strictObject(planFields).omit({ routerId: true }).partial().shape),
    output: hotspotPlanSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ planId: r.hotspotPlan, priceMinor: 2500 })),
  'hotspot.batches.create': channel({
    summary: 'Generate a batch of vouchers on a plan; each becomes a hotspot user on the router through the outbox.',
    input: z.strictObject({
      planId: id,
      count: int(1, 10_000),
      /** Selling price of each voucher; the plan's price when omitted. */
      priceMinor: int(0, 1_000_000_000).optional(),
      note: plainText(z.string().trim().max(40, 'Use at most 40 characters')).refine((v) => /^[A-Za-z0-9 _.]*$/.test(v), 'Use letters, digits, spaces, "_" or "." only').default(''),
      code: voucherCodeOptions.default({ length: 6, prefix: '', charset: 'alnumLower', mode: 'same', pinLength: 4 }),
      /** Chosen by the client per click: the same key again returns the batch already made (a retried request). */
      requestKey: id,
    }),
    output: voucherBatchSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ planId: r.hotspotPlan, count: 3, requestKey: '01900000-0000-7000-8000-000000000bbb' })),
  'hotspot.batches.list': channel({
    summary: 'Voucher batches, newest first.',
    input: pageInput(['serial', 'createdAt'], { planId: id.optional() }),
    output: pageOutput(voucherBatchSummary),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'hotspot.vouchers.list': channel({
    summary: 'Vouchers, paged; `q` finds a code.',
    input: pageInput(['code', 'createdAt'], {
      batchId: id.optional(), planId: id.optional(), status: z.enum(VOUCHER_STATUSES).optional(), state: voucherState.optional(),
    }),
    output: pageOutput(voucherSummary),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'hotspot.vouchers.revoke': channel({
    summary: 'Revoke vouchers (one, or every voucher of a batch); they are removed from the router through the outbox.',
    input: z.union([z.strictObject({ voucherId: id }), z.strictObject({ batchId: id })]),
    output: z.object({ revoked: z.number().int() }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ voucherId: r.voucher })),
  'hotspot.vouchers.sync': channel({
    summary: 'Refresh voucher states now: one read of the router\'s hotspot users and active list, usage written for every voucher of the router.',
    input: z.strictObject({ routerId: id }),
    output: z.object({ vouchers: z.number().int(), changed: z.number().int(), counts: z.record(voucherState, z.number().int()) }),
    access: 'hotspot.read',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'hotspot.vouchers.reset-counters': channel({
    summary: 'Reset a voucher\'s counters on the router (uptime, bytes; a first-login expiry starts again): it becomes unused.',
    input: z.strictObject({ voucherId: id }),
    output: z.object({ state: voucherState }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ voucherId: r.voucher })),
  'hotspot.batches.progress': channel({
    summary: "A batch's push to the router: vouchers on the router, still queued, refused, revoked; and why the queue waits (router offline).",
    input: z.strictObject({ batchId: id }),
    output: voucherBatchProgress,
    access: 'hotspot.read',
    mutates: false,
  }).sample((r) => ({ batchId: r.voucherBatch })),
  'hotspot.batches.cancel': channel({
    summary: 'Stop a batch\'s push: vouchers not yet on the router are revoked (never added); those already there stay usable.',
    input: z.strictObject({ batchId: id }),
    output: z.object({ revoked: z.number().int(), kept: z.number().int() }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ batchId: r.voucherBatch })),
} as const;
