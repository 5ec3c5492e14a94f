import { z } from 'zod';
import { channel } from './define';
import { id, instant, ok, pageInput, pageOutput, plainText } from './common';
import { PERIOD_UNITS } from '../domain/billing-period';

export const SERVICE_TYPES = ['pppoe', 'static'] as const;
export const serviceType = z.enum(SERVICE_TYPES);
export type ServiceType = z.infer<typeof serviceType>;

export const PACKAGE_STATUSES = ['active', 'disabled'] as const;
export const packageStatus = z.enum(PACKAGE_STATUSES);

const kbps = z.number({ message: 'Must be a number' }).int('Must be a whole number').min(1, 'At least 1 kbps').max(100_000_000, 'Too large');

/**
 * Rate limit as RouterOS orders it (`rx/tx` from the router's view: rx = the subscriber's upload, tx = their
 * download), the same order in a PPP profile's rate-limit and a simple queue's max-limit.
 */
export const rateLimit = z.strictObject({
  rxKbps: kbps,
  txKbps: kbps,
  burst: z.strictObject({
    rxKbps: kbps, txKbps: kbps, thresholdRxKbps: kbps, thresholdTxKbps: kbps,
    timeSec: z.number({ message: 'Must be a number' }).int().min(1).max(3600),
  }).nullable().default(null),
});
export type RateLimit = z.output<typeof rateLimit>;

export const period = z.strictObject({
  count: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(1, 'At least 1').max(1000, 'At most 1000'),
  unit: z.enum(PERIOD_UNITS),
});

/** RouterOS object names (profiles, pools): no spaces at the ends, nothing that breaks a script. */
export const rosName = plainText(z.string({ message: 'Required' }).trim().min(1, 'Required').max(64, 'Use at most 64 characters'))
  .refine((v) => /^[A-Za-z0-9_.\-]+$/.test(v), 'Use letters, digits, "_", "-" or "." only');

/** IPv4 network in CIDR form, e.g. 10.20.0.0/24. */
export const cidr = z.string({ message: 'Required' }).trim().refine((v) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(v);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) >= 16 && Number(m[5]) <= 32;
}, 'Enter an IPv4 network such as 10.20.0.0/24 (/16 to /32)');

/** PPPoE: use a profile that already exists on the routers, or let ISP Desk create and maintain `<name>`. */
export const pppProfileChoice = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('existing'), name: rosName }),
  z.strictObject({ mode: z.literal('managed'), name: rosName }),
]);

const packageName = plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(60, 'Use at most 60 characters'));

const packageFields = {
  name: packageName,
  serviceType,
  /** The routers that offer the package (one or more). */
  routerIds: z.array(id).min(1, 'Choose at least one router').max(50),
  rateLimit,
  /** PPPoE only (null for static). */
  pppProfile: pppProfileChoice.nullable().default(null),
  /** PPPoE only: optional name of the router's remote-address pool (set on a managed profile). */
  remotePool: rosName.nullable().default(null),
  /** Static only: the address pool per router that subscribers' IPs are allocated from. */
  addressPools: z.array(z.strictObject({ routerId: id, cidr })).max(50).default([]),
  priceMinor: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0).max(1_000_000_000),
  period,
  graceHours: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0).max(24 * 60),
  status: packageStatus.default('active'),
};

export const packageCreateInput = z.strictObject(packageFields);

export const packageSummary = z.object({
  id,
  name: z.string(),
  serviceType,
  routerIds: z.array(id),
  rateLimit: z.object({
    rxKbps: z.number().int(), txKbps: z.number().int(),
    burst: z.object({ rxKbps: z.number(), txKbps: z.number(), thresholdRxKbps: z.number(), thresholdTxKbps: z.number(), timeSec: z.number() }).nullable(),
  }),
  pppProfile: z.object({ mode: z.enum(['existing', 'managed']), name: z.string() }).nullable(),
  remotePool: z.string().nullable(),
  addressPools: z.array(z.object({ routerId: id, cidr: z.string() })),
  priceMinor: z.number().int(),
  period: z.object({ count: z.number().int(), unit: z.enum(PERIOD_UNITS) }),
  graceHours: z.number().int(),
  status: packageStatus,
  /** Subscribers (not deleted) on the package. */
  subscriberCount: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});
export type PackageSummary = z.infer<typeof packageSummary>;

const packageRef = z.strictObject({ packageId: id });

export const packagesChannels = {
  'packages.list': channel({
    summary: 'Packages (plans) with their routers and subscriber counts.',
    input: pageInput(['name', 'priceMinor', 'status', 'serviceType'], {
      status: packageStatus.optional(), serviceType: serviceType.optional(), routerId: id.optional(),
    }),
    output: pageOutput(packageSummary),
    access: 'subscribers.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'packages.get': channel({
    summary: 'One package.',
    input: packageRef,
    output: packageSummary,
    access: 'subscribers.read',
    mutates: false,
  }).sample((r) => ({ packageId: r.package })),
  'packages.create': channel({
    summary: 'Create a package; its routers get the desired objects (managed PPP profile) through the router outbox.',
    input: packageCreateInput,
    output: packageSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({
    name: 'Home 10M', serviceType: 'pppoe', routerIds: [r.router], rateLimit: { rxKbps: 5000, txKbps: 10000 },
    pppProfile: { mode: 'managed', name: 'home-10m' }, priceMinor: 150000, period: { count: 1, unit: 'months' }, graceHours: 0,
  })),
  'packages.update': channel({
    summary: 'Edit a package; its subscribers and routers follow through desired state.',
    input: z.strictObject({ packageId: id }).extend(z.strictObject(packageFields).partial().shape),
    output: packageSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ packageId: r.package, priceMinor: 160000 })),
  'packages.set-status': channel({
    summary: 'Offer a package to new subscribers (active) or not (disabled); existing subscribers keep it.',
    input: z.strictObject({ packageId: id, status: packageStatus }),
    output: packageSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ packageId: r.package, status: 'disabled' })),
  'packages.delete': channel({
    summary: 'Delete a package no subscriber uses (refused otherwise); its managed profiles are removed from the routers.',
    input: packageRef,
    output: ok,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ packageId: r.package })),
} as const;
