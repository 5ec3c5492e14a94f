import { z } from 'zod';
import { channel, event } from './define';
import { email, emptyOr, id, instant, ok, pageInput, pageOutput, phone, plainText } from './common';
import { auditEntry } from './auth';
import { serviceType } from './packages';
import { ACCOUNT_FORMATS, ACCOUNT_NUMBER_PATTERN, normaliseAccountNumber } from '../domain/account-number';
import { PERIOD_UNITS } from '../domain/billing-period';

export const SUBSCRIBER_STATUSES = ['active', 'expired', 'suspended', 'disabled'] as const;
export const subscriberStatus = z.enum(SUBSCRIBER_STATUSES);
export type SubscriberStatus = z.infer<typeof subscriberStatus>;

/** Sync state of a subscriber's router objects: none yet, waiting, all applied, or the router refused one. */
export const SYNC_STATES = ['none', 'pending', 'synced', 'error'] as const;

export const accountNumber = z.string({ message: 'Required' }).transform(normaliseAccountNumber)
  .refine((v) => ACCOUNT_NUMBER_PATTERN.test(v), 'Use 2–24 letters, digits or "-"');

/** PPPoE user names: what RouterOS and most CPEs accept without quoting. */
export const pppUsername = z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(64, 'Use at most 64 characters')
  .refine((v) => /^[A-Za-z0-9_.@-]+$/.test(v), 'Use letters, digits, "_", "-", "." or "@" only');

export const ipv4 = z.string({ message: 'Required' }).trim().refine((v) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  return !!m && m.slice(1).every((o) => Number(o) <= 255 && String(Number(o)) === o);
}, 'Enter an IPv4 address such as 10.20.0.15');

export const macAddress = z.string({ message: 'Required' }).trim().toUpperCase().transform((v) => v.replace(/-/g, ':'))
  .refine((v) => /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(v), 'Enter a MAC address such as AA:BB:CC:DD:EE:FF');

const shortText = (max: number) => plainText(z.string({ message: 'Required' }).trim().max(max, `Use at most ${max} characters`));
const tag = plainText(z.string({ message: 'Required' }).trim().min(1, 'Required').max(30, 'Use at most 30 characters'));

export const location = z.strictObject({
  site: shortText(120).default(''),
  building: shortText(120).default(''),
  text: shortText(500).default(''),
  gps: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable().default(null),
});

export const subscriberSummary = z.object({
  id,
  accountNumber: z.string(),
  fullName: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  location: z.object({ site: z.string(), building: z.string(), text: z.string(), gps: z.object({ lat: z.number(), lng: z.number() }).nullable() }),
  routerId: id,
  routerName: z.string(),
  packageId: id,
  packageName: z.string(),
  serviceType,
  /** PPPoE user name (null for static). */
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  ipAddress: z.string().nullable(),
  macAddress: z.string().nullable(),
  installedAt: instant.nullable(),
  expiresAt: instant,
  status: subscriberStatus,
  notes: z.string(),
  tags: z.array(z.string()),
  syncState: z.enum(SYNC_STATES),
  /** The router's own words when it refused one of the subscriber's objects. */
  syncError: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type SubscriberSummary = z.infer<typeof subscriberSummary>;

const subscriberFields = {
  /** Blank = generate one with the tenant's account-number settings. */
  accountNumber: emptyOr(accountNumber).optional().transform((v) => v || null),
  fullName: plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(120, 'Use at most 120 characters')),
  phones: z.array(phone).min(1, 'Enter a phone number').max(3, 'At most 3 phone numbers'),
  email: emptyOr(email).optional().transform((v) => v || null),
  location: location.default({ site: '', building: '', text: '', gps: null }),
  routerId: id,
  packageId: id,
  /** PPPoE: blank = the account number. */
  username: emptyOr(pppUsername).optional().transform((v) => v || null),
  /** Static: blank = the next free address of the package's pool on that router. */
  ipAddress: emptyOr(ipv4).optional().transform((v) => v || null),
  macAddress: emptyOr(macAddress).optional().transform((v) => v || null),
  installedAt: instant.nullable().default(null),
  /** Blank = one package period from now. */
  expiresAt: instant.optional(),
  notes: shortText(2000).default(''),
  tags: z.array(tag).max(20).default([]),
};

export const subscriberCreateInput = z.strictObject(subscriberFields);

export const subscriberUpdateInput = z.strictObject({
  subscriberId: id,
  accountNumber: accountNumber.optional(),
  fullName: subscriberFields.fullName.optional(),
  phones: subscriberFields.phones.optional(),
  email: emptyOr(email).optional().transform((v) => (v === undefined ? undefined : v || null)),
  location: location.optional(),
  routerId: id.optional(),
  packageId: id.optional(),
  username: pppUsername.optional(),
  ipAddress: ipv4.optional(),
  macAddress: emptyOr(macAddress).optional().transform((v) => (v === undefined ? undefined : v || null)),
  installedAt: instant.nullable().optional(),
  expiresAt: instant.optional(),
  notes: shortText(2000).optional(),
  tags: z.array(tag).max(20).optional(),
  /** Draw a new PPPoE password (the router follows). */
  regeneratePassword: z.boolean().optional(),
});

/** Filters of the list; bulk actions and CSV export take the same. */
export const subscriberFilter = {
  status: subscriberStatus.optional(),
  routerId: id.optional(),
  packageId: id.optional(),
  /** Active subscribers whose expiry falls within the next N days. */
  expiringWithinDays: z.number({ message: 'Must be a number' }).int().min(0).max(366).optional(),
  /** Subscribers carrying any of these tags. */
  tags: z.array(tag).max(20).optional(),
};
export const SUBSCRIBER_SORTS = ['accountNumber', 'fullName', 'expiresAt', 'status'] as const;
export const subscriberListInput = pageInput(SUBSCRIBER_SORTS, subscriberFilter);
const filterOnly = z.strictObject({ q: z.string().trim().max(200).optional(), ...subscriberFilter });

const subscriberRef = z.strictObject({ subscriberId: id });

export const bulkOperation = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('changePackage'), packageId: id }),
  z.strictObject({ action: z.literal('extend'), count: z.number().int().min(1).max(1000), unit: z.enum(PERIOD_UNITS) }),
  z.strictObject({ action: z.literal('suspend') }),
  z.strictObject({ action: z.literal('reconnect') }),
  z.strictObject({ action: z.literal('moveRouter'), routerId: id, packageId: id.optional() }),
]);
export type BulkOperation = z.infer<typeof bulkOperation>;

/** Bulk actions work on at most this many rows at once (the preview lists each one). */
export const BULK_MAX_ROWS = 5000;

const bulkTarget = {
  /** Either explicit ids or a list filter (ids win when both are given). */
  ids: z.array(id).min(1).max(BULK_MAX_ROWS).optional(),
  filter: filterOnly.optional(),
  operation: bulkOperation,
};

export const bulkChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const bulkPreviewRow = z.object({
  subscriberId: id,
  accountNumber: z.string(),
  fullName: z.string(),
  changes: z.array(bulkChange),
  /** Why the row is left alone (e.g. the package is not on the target router); null = it changes. */
  skip: z.enum(['no-change', 'package-other-router', 'package-disabled', 'wrong-service-type', 'address-needed']).nullable(),
});

/** CSV columns of export and import, in order. */
export const SUBSCRIBER_CSV_COLUMNS = [
  'accountNumber', 'fullName', 'phones', 'email', 'site', 'building', 'locationText', 'router', 'package', 'serviceType',
  'username', 'ipAddress', 'macAddress', 'installedAt', 'expiresAt', 'status', 'notes', 'tags',
] as const;
export type SubscriberCsvColumn = (typeof SUBSCRIBER_CSV_COLUMNS)[number];

const csvText = z.string({ message: 'Required' }).min(1, 'The file is empty').max(900_000, 'The file is too large for one import (split it)');

export const importRow = z.object({
  /** 1-based line in the file (the header is line 1). */
  line: z.number().int(),
  values: z.record(z.string(), z.string()),
  /** Column → field code or message; empty when the row can be imported. */
  errors: z.record(z.string(), z.string()),
});

export const subscriberSettings = z.object({
  accountNumber: z.object({ format: z.enum(ACCOUNT_FORMATS), length: z.number().int(), prefix: z.string() }),
  /** Expiries from extensions land at 23:59:59 local of their day. */
  disconnectAtEndOfDay: z.boolean(),
  /** Grace for new packages unless they say otherwise. */
  defaultGraceHours: z.number().int(),
  updatedAt: instant.nullable(),
});

export const subscribersChannels = {
  'subscribers.list': channel({
    summary: 'Subscribers, paged, sorted and filtered on the main side.',
    input: subscriberListInput,
    output: pageOutput(subscriberSummary),
    access: 'subscribers.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'subscribers.get': channel({
    summary: 'One subscriber with its sync state.',
    input: subscriberRef,
    output: subscriberSummary,
    access: 'subscribers.read',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.create': channel({
    summary: 'Add a subscriber; its router objects are queued in the same transaction (the request never waits for a router).',
    input: subscriberCreateInput,
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ fullName: 'Sample Subscriber', phones: ['0712000111'], routerId: r.router, packageId: r.package })),
  'subscribers.update': channel({
    summary: 'Edit a subscriber; the router follows through desired state.',
    input: subscriberUpdateInput,
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, notes: 'Gate B' })),
  'subscribers.delete': channel({
    summary: 'Soft-delete a subscriber and remove its objects from the router.',
    input: subscriberRef,
    output: ok,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.extend': channel({
    summary: 'Move the expiry forward by N periods (from now when already expired); re-activates unless suspended.',
    input: z.strictObject({ subscriberId: id, count: z.number().int().min(1).max(1000), unit: z.enum(PERIOD_UNITS).optional() }),
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, count: 1 })),
  'subscribers.suspend': channel({
    summary: 'Suspend by staff: cut on the router, and no automatic reconnection until reconnected.',
    input: z.strictObject({ subscriberId: id, reason: shortText(200).default('') }),
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.disable': channel({
    summary: 'Disable by staff (the service is closed, not just paused): cut on the router, only staff can re-enable (reconnect).',
    input: z.strictObject({ subscriberId: id, reason: shortText(200).default('') }),
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.reconnect': channel({
    summary: 'Lift a suspension (or disabled state): active again if not expired.',
    input: subscriberRef,
    output: subscriberSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.reveal-password': channel({
    summary: "Show a PPPoE subscriber's password (audited).",
    input: subscriberRef,
    output: z.object({ password: z.string() }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.history': channel({
    summary: "A subscriber's history from the audit log, newest first.",
    input: z.strictObject({
      subscriberId: id,
      page: z.number({ message: 'Must be a number' }).int().min(1).default(1),
      pageSize: z.number({ message: 'Must be a number' }).int().min(1).max(500).default(25),
    }),
    output: pageOutput(auditEntry),
    access: 'subscribers.read',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'subscribers.settings.get': channel({
    summary: 'Account-number format, expiry action and related subscriber settings.',
    input: z.strictObject({}),
    output: subscriberSettings,
    access: 'subscribers.read',
    mutates: false,
  }).sample(() => ({})),
  'subscribers.settings.update': channel({
    summary: 'Change subscriber settings (account numbers, end-of-day expiry, default grace). The expiry action is an enforcement setting.',
    input: z.strictObject({
      accountNumber: z.strictObject({
        format: z.enum(ACCOUNT_FORMATS),
        length: z.number().int().min(4, 'At least 4').max(12, 'At most 12'),
        prefix: z.string().trim().toUpperCase().max(6, 'At most 6 characters').refine((v) => /^[A-Z0-9]*$/.test(v), 'Letters and digits only'),
      }).optional(),
      disconnectAtEndOfDay: z.boolean().optional(),
      defaultGraceHours: z.number().int().min(0).max(24 * 60).optional(),
    }),
    output: subscriberSettings,
    access: 'settings.manage',
    mutates: true,
  }).sample(() => ({ defaultGraceHours: 24 })),
  'subscribers.bulk.preview': channel({
    summary: 'Dry run of a bulk action: exactly the rows and the before/after values, plus a token for apply.',
    input: z.strictObject(bulkTarget),
    output: z.object({ token: z.string(), total: z.number().int(), changing: z.number().int(), rows: z.array(bulkPreviewRow) }),
    access: 'subscribers.manage',
    mutates: false,
  }).sample((r) => ({ ids: [r.subscriber], operation: { action: 'suspend' } })),
  'subscribers.bulk.apply': channel({
    summary: "Apply a previewed bulk action; refused when the rows changed since the preview (the token doesn't match).",
    input: z.strictObject({ ...bulkTarget, token: z.string().min(1).max(200) }),
    output: z.object({ applied: z.number().int(), skipped: z.number().int() }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ ids: [r.subscriber], operation: { action: 'suspend' }, token: 'x' })),
  'subscribers.export': channel({
    summary: 'Subscribers matching a filter as CSV text (no passwords).',
    input: filterOnly,
    output: z.object({ csv: z.string(), rows: z.number().int() }),
    access: 'subscribers.read',
    mutates: false,
  }).sample(() => ({})),
  'subscribers.import.preview': channel({
    summary: 'Parse a CSV of subscribers: per-row values and per-row field errors; nothing is written.',
    input: z.strictObject({ csv: csvText }),
    output: z.object({ rows: z.array(importRow), valid: z.number().int(), invalid: z.number().int() }),
    access: 'subscribers.manage',
    mutates: false,
  }).sample(() => ({ csv: 'fullName\nNobody' })),
  'subscribers.import.apply': channel({
    summary: 'Import the valid rows of a CSV (only on confirm); rows in error are left out entirely.',
    input: z.strictObject({ csv: csvText, confirm: z.literal(true) }),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample(() => ({ csv: 'fullName\nNobody', confirm: true })),
} as const;


export const subscribersEvents = {
  'subscribers.bulk-progress': event({
    summary: 'Progress of a bulk apply, after each committed chunk (the preview token names the run).',
    payload: z.object({ token: z.string(), done: z.number().int(), total: z.number().int() }),
    access: 'subscribers.manage',
  }),
} as const;
