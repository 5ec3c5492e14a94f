import { z } from 'zod';
import { channel, event } from './define';
import { id, instant, pageInput, pageOutput } from './common';

/**
 * Adoption: an ISP's existing router users become subscribers (PPP secrets) and their PPP profiles become
 * packages, so a router managed by hand or by another tool moves onto ISP Desk in one step. Preview reads
 * the router and writes nothing; apply creates through the subscribers domain. Running it again adds none.
 */

/** Why a secret is left out. */
export const ADOPTION_SKIPS = [
  /** Its comment carries our tag: already managed by ISP Desk. */
  'ours',
  /** A subscriber of this tenant already has that PPPoE user name (this router or another). */
  'username-taken',
  /** The same name appears twice among the secrets (RouterOS allows it for different services). */
  'duplicate-on-router',
  /** The API user cannot read passwords (its group lacks the `sensitive` policy): adopting would change them. */
  'password-unreadable',
  /** Not a PPPoE secret (pptp, l2tp, ovpn, sstp). */
  'not-pppoe',
  /** A name our subscribers cannot carry (spaces, quotes …). */
  'username-invalid',
] as const;
export const adoptionSkip = z.enum(ADOPTION_SKIPS);
export type AdoptionSkip = z.infer<typeof adoptionSkip>;

const rate = z.object({ rxKbps: z.number().int(), txKbps: z.number().int() });

/** Why a static customer (simple queue, static DHCP lease) is left out. */
export const STATIC_ADOPTION_SKIPS = [
  /** The queue (or lease) carries our tag: already managed by ISP Desk. */
  'ours',
  /** The queue's target is not one IPv4 address (a subnet, several targets, an interface). */
  'target-not-single-address',
  /** The queue has no max-limit (0/0 = unlimited) or one we cannot read: a package would invent a rate. */
  'no-rate',
  /** Another simple queue targets the same address. */
  'duplicate-on-router',
  /** A subscriber on this router already has that address. */
  'address-taken',
  /** The address is outside the pool of the existing static package with this rate on this router. */
  'outside-pool',
  /** A static lease with no simple queue for its address: no rate to map to a package (adopting would add a queue). */
  'lease-without-queue',
] as const;
export const staticAdoptionSkip = z.enum(STATIC_ADOPTION_SKIPS);
export type StaticAdoptionSkip = z.infer<typeof staticAdoptionSkip>;

/** One static package per rate (a queue's max-limit) on the router: "Static 10M/10M". */
export const staticAdoptionPackage = z.object({
  /** `<rxKbps>/<txKbps>`: the key prices are given by at apply. */
  key: z.string(),
  packageId: id.nullable(),
  packageName: z.string(),
  rateLimit: rate,
  /** The package's address pool on this router (new packages: the /24, or the smallest wider network, around the addresses). */
  cidr: z.string().nullable(),
  customers: z.number().int(),
  willCreate: z.boolean(),
});

export const staticAdoptionRow = z.object({
  /** Null for a lease without a queue. */
  queueName: z.string().nullable(),
  address: z.string(),
  macAddress: z.string().nullable(),
  fullName: z.string(),
  maxLimit: z.string(),
  packageName: z.string().nullable(),
  expiresAt: instant.nullable(),
  skip: staticAdoptionSkip.nullable(),
});

export const adoptionPackage = z.object({
  profile: z.string(),
  /** The package the profile maps to: an existing one (kept) or the name a new one will get. */
  packageId: id.nullable(),
  packageName: z.string(),
  /** Rate read from the profile's rate-limit; null when it has none (unlimited) or it is unreadable. */
  rateLimit: rate.nullable(),
  rateLimitText: z.string(),
  /** Secrets of this profile that will be adopted. */
  secrets: z.number().int(),
  willCreate: z.boolean(),
});

export const adoptionRow = z.object({
  username: z.string(),
  profile: z.string(),
  disabled: z.boolean(),
  comment: z.string(),
  /** Expiry the subscriber will get: from a date in the comment, else null (= now + one package period). */
  expiresAt: instant.nullable(),
  skip: adoptionSkip.nullable(),
});

export const adoptionCounts = z.object({
  secrets: z.number().int(),
  toAdopt: z.number().int(),
  skipped: z.number().int(),
  packagesToCreate: z.number().int(),
  /** Static customers seen (non-dynamic simple queues, static DHCP leases). */
  staticQueues: z.number().int(),
  staticLeases: z.number().int(),
  /** Static rows (queue, with its lease if any; or a lease alone) that will become static subscribers. */
  staticToAdopt: z.number().int(),
  staticSkipped: z.number().int(),
  staticPackagesToCreate: z.number().int(),
});

const staticPrice = z.strictObject({
  key: z.string().trim().regex(/^\d{1,9}\/\d{1,9}$/),
  priceMinor: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0).max(1_000_000_000),
});

const profilePrice = z.strictObject({
  profile: z.string().trim().min(1).max(64),
  priceMinor: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0).max(1_000_000_000),
});

export const adoptionChannels = {
  'adoption.preview': channel({
    summary: "What adopting a router's PPP secrets and profiles would create (reads the router once per menu, writes nothing).",
    input: pageInput(['username', 'profile', 'skip'], {
      routerId: id, onlySkipped: z.boolean().optional(),
      /** Page of the static rows (same page size, sorted by address). */
      staticPage: z.number({ message: 'Must be a number' }).int().min(1).default(1),
    }),
    output: z.object({
      counts: adoptionCounts, packages: z.array(adoptionPackage), rows: pageOutput(adoptionRow),
      staticPackages: z.array(staticAdoptionPackage), staticRows: pageOutput(staticAdoptionRow),
    }),
    access: 'subscribers.manage',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'adoption.apply': channel({
    summary: 'Adopt the router: packages from profiles and queue rates, subscribers from secrets and static queues/leases, desired state matching the router.',
    input: z.strictObject({
      routerId: id,
      /** Price of the packages created from these profiles (default 0, to fill in later). */
      prices: z.array(profilePrice).max(500).default([]),
      /** Price of the static packages created per rate (`key` as in the preview; default 0). */
      staticPrices: z.array(staticPrice).max(500).default([]),
      confirm: z.literal(true),
    }),
    output: z.object({
      packagesCreated: z.number().int(), subscribersCreated: z.number().int(), skipped: z.number().int(),
      staticSubscribersCreated: z.number().int(), staticSkipped: z.number().int(),
    }),
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router, confirm: true })),
} as const;

export const adoptionEvents = {
  'adoption.progress': event({
    summary: 'Progress of an adoption run (subscribers created so far).',
    payload: z.object({ routerId: id, done: z.number().int(), total: z.number().int() }),
    access: 'subscribers.manage',
  }),
} as const;
