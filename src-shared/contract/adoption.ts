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
  /** Static customers seen (non-dynamic simple queues, static DHCP leases); listed, not adopted yet. */
  staticQueues: z.number().int(),
  staticLeases: z.number().int(),
});

const profilePrice = z.strictObject({
  profile: z.string().trim().min(1).max(64),
  priceMinor: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0).max(1_000_000_000),
});

export const adoptionChannels = {
  'adoption.preview': channel({
    summary: "What adopting a router's PPP secrets and profiles would create (reads the router once per menu, writes nothing).",
    input: pageInput(['username', 'profile', 'skip'], { routerId: id, onlySkipped: z.boolean().optional() }),
    output: z.object({ counts: adoptionCounts, packages: z.array(adoptionPackage), rows: pageOutput(adoptionRow) }),
    access: 'subscribers.manage',
    mutates: false,
  }).sample((r) => ({ routerId: r.router, page: 1, pageSize: 25 })),
  'adoption.apply': channel({
    summary: 'Adopt the router: packages from profiles, subscribers from secrets, desired state matching the router.',
    input: z.strictObject({
      routerId: id,
      /** Price of the packages created from these profiles (default 0, to fill in later). */
      prices: z.array(profilePrice).max(500).default([]),
      confirm: z.literal(true),
    }),
    output: z.object({ packagesCreated: z.number().int(), subscribersCreated: z.number().int(), skipped: z.number().int() }),
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
