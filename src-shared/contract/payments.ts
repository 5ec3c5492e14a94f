import { z } from 'zod';
import { channel, event } from './define';
import { id, instant, pageOutput, plainText } from './common';
import { PACKAGE_CHANGE_POLICIES } from '../domain/package-change';

/** Payments and wallets (README "Money"). Amounts are integer minor units of the tenant's currency. */
export const PAYMENT_PROVIDERS = ['mpesa', 'cash', 'bank', 'card'] as const;
export const PAYMENT_CHANNELS = ['cash', 'stk', 'statement', 'sms', 'c2b', 'manual'] as const;
export const PAYMENT_STATUSES = ['received', 'applied', 'unmatched', 'set-aside'] as const;
export const LEDGER_KINDS = ['credit', 'debit', 'adjustment', 'reversal'] as const;
export const CASH_METHODS = ['cash', 'bank', 'card'] as const;
/** Up to 1,000,000,000.00 in a 2-digit currency: far above any ISP payment, far below unsafe integers. */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

const amountMinor = z.number({ message: 'Must be a number' }).int('Must be a whole number of minor units')
  .min(1, 'Must be more than 0').max(MAX_AMOUNT_MINOR, 'Amount too large');
const reason = plainText(z.string({ message: 'Required' }).trim().min(3, 'Enter at least 3 characters').max(300, 'Use at most 300 characters'));
const optionalText = (max: number) => plainText(z.string({ message: 'Required' }).trim().max(max, `Use at most ${max} characters`)).optional()
  .transform((v) => (v ? v : null));
const pageFields = {
  page: z.number({ message: 'Must be a number' }).int().min(1).default(1),
  pageSize: z.number({ message: 'Must be a number' }).int().min(1).max(500).default(25),
};

export const paymentItem = z.object({
  id: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS),
  reference: z.string(),
  amountMinor: z.number().int(),
  paidAt: z.string(),
  receivedAt: z.string(),
  accountRef: z.string().nullable(),
  phone: z.string().nullable(),
  payerName: z.string().nullable(),
  channel: z.enum(PAYMENT_CHANNELS),
  status: z.enum(PAYMENT_STATUSES),
  subscriberId: z.string().nullable(),
  subscriberName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
  decisionReason: z.string().nullable(),
});
export type PaymentItem = z.infer<typeof paymentItem>;

export const ledgerEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(LEDGER_KINDS),
  /** Signed: credit > 0, debit < 0, adjustment either, reversal = minus the reversed entry. */
  amountMinor: z.number().int(),
  balanceAfterMinor: z.number().int(),
  reference: z.string().nullable(),
  source: z.string(),
  paymentId: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
  reversed: z.boolean(),
  reason: z.string().nullable(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
});

/** What applying money did: the wallet after it and the renewal it paid for. */
export const applyResult = z.object({
  payment: paymentItem,
  balanceMinor: z.number().int(),
  periods: z.number().int(),
  expiresAt: z.string().nullable(),
});

export const LEDGER_PROBLEMS = ['seq-gap', 'balance-mismatch', 'sign', 'reversal-mismatch', 'payment-applied-twice', 'applied-without-credit', 'credit-without-applied-payment'] as const;
export const ledgerReport = z.object({
  ok: z.boolean(),
  subscribers: z.number().int(),
  entries: z.number().int(),
  payments: z.number().int(),
  problems: z.array(z.object({
    kind: z.enum(LEDGER_PROBLEMS),
    subscriberId: z.string().nullable(),
    entryId: z.string().nullable(),
    paymentId: z.string().nullable(),
    detail: z.string(),
  })),
});
export type LedgerReport = z.infer<typeof ledgerReport>;

const localDay = z.string({ message: 'Required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const paymentsChannels = {
  'payments.list': channel({
    summary: 'Payments, newest first, filtered by time received, method, status and who recorded them.',
    input: z.strictObject({
      ...pageFields,
      from: instant.optional(),
      to: instant.optional(),
      provider: z.enum(PAYMENT_PROVIDERS).optional(),
      status: z.enum(PAYMENT_STATUSES).optional(),
      staffId: id.optional(),
      subscriberId: id.optional(),
    }),
    output: pageOutput(paymentItem),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'payments.unmatched.list': channel({
    summary: 'Payments that match no subscriber, oldest first (the queue staff work through).',
    input: z.strictObject(pageFields),
    output: pageOutput(paymentItem),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'payments.unmatched.count': channel({
    summary: 'How many payments wait in the unmatched queue (the badge).',
    input: z.strictObject({}),
    output: z.object({ count: z.number().int() }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({})),
  'payments.unmatched.assign': channel({
    summary: 'Give an unmatched payment to a subscriber: credited and renewed at once, audited.',
    input: z.strictObject({ paymentId: id, subscriberId: id }),
    output: applyResult,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ paymentId: r.payment, subscriberId: r.subscriber })),
  'payments.unmatched.set-aside': channel({
    summary: 'Take an unmatched payment out of the queue with a reason (refunded, not ours…), audited.',
    input: z.strictObject({ paymentId: id, reason }),
    output: paymentItem,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ paymentId: r.payment, reason: 'Refunded to the customer' })),
  'payments.cash.record': channel({
    summary: 'Record cash, a bank transfer or a card payment for a subscriber at the desk: credited and renewed at once.',
    input: z.strictObject({
      subscriberId: id,
      amountMinor,
      method: z.enum(CASH_METHODS),
      reference: plainText(z.string({ message: 'Required' }).trim().max(60, 'Use at most 60 characters')).optional()
        .transform((v) => (v ? v : null)),
      note: optionalText(300),
    }),
    output: applyResult,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, amountMinor: 50000, method: 'cash' })),
  'wallet.get': channel({
    summary: "A subscriber's wallet: balance and ledger entries, newest first.",
    input: z.strictObject({ subscriberId: id, ...pageFields }),
    output: z.object({ subscriberId: z.string(), balanceMinor: z.number().int(), entries: pageOutput(ledgerEntry) }),
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber })),
  'wallet.adjust': channel({
    summary: 'Manual credit or debit of a wallet with a reason (a credit runs the renewal like a payment).',
    input: z.strictObject({ subscriberId: id, direction: z.enum(['credit', 'debit']), amountMinor, reason }),
    output: z.object({ entry: ledgerEntry, balanceMinor: z.number().int(), periods: z.number().int(), expiresAt: z.string().nullable() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, direction: 'debit', amountMinor: 100, reason: 'Installation fee' })),
  'wallet.reverse': channel({
    summary: 'Reverse one ledger entry with a reason (a new entry of the opposite amount; nothing is edited). Expiry is not changed.',
    input: z.strictObject({ entryId: id, reason }),
    output: z.object({ entry: ledgerEntry, balanceMinor: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ entryId: r.ledgerEntry, reason: 'Recorded twice by mistake' })),
  'payments.collections': channel({
    summary: "A day's collections in the tenant's time zone, by method and by who recorded them; totals are the ledger's credits.",
    input: z.strictObject({ day: localDay }),
    output: z.object({
      day: z.string(),
      from: z.string(),
      to: z.string(),
      totalMinor: z.number().int(),
      count: z.number().int(),
      byMethod: z.array(z.object({ method: z.enum(PAYMENT_PROVIDERS), count: z.number().int(), totalMinor: z.number().int() })),
      byStaff: z.array(z.object({ kind: z.string(), id: z.string().nullable(), name: z.string(), count: z.number().int(), totalMinor: z.number().int() })),
      /** Received that day but not in any wallet (unmatched or set aside): not part of the total. */
      unappliedMinor: z.number().int(),
    }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ day: '2026-11-27' })),
  'payments.ledger.verify': channel({
    summary: "Re-derives every wallet of the tenant from its ledger: balances, gapless sequence, each payment applied at most once.",
    input: z.strictObject({}),
    output: ledgerReport,
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({})),
} as const;

export const paymentsEvents = {
  'payments.unmatched-changed': event({
    summary: 'The unmatched queue changed (a payment arrived unmatched, was assigned or set aside): refresh the badge.',
    payload: z.object({ count: z.number().int() }),
    access: 'payments.read',
  }),
} as const;

// ---- Installation fee, package change policy, cashier shifts (issue 10 §3, §5) ----

const packageChangeInput = z.strictObject({
  subscriberId: id,
  packageId: id,
  policy: z.enum(PACKAGE_CHANGE_POLICIES, { message: 'Choose when the change applies' }),
});
const packageRef = z.object({ id: z.string(), name: z.string(), priceMinor: z.number().int() });

/** What a package change does to the wallet and the expiry (the same numbers the apply uses). */
export const packageChangePlan = z.object({
  subscriberId: z.string(),
  policy: z.enum(PACKAGE_CHANGE_POLICIES),
  from: packageRef,
  to: packageRef,
  balanceBeforeMinor: z.number().int(),
  creditMinor: z.number().int(),
  periods: z.number().int(),
  debitMinor: z.number().int(),
  balanceAfterMinor: z.number().int(),
  expiresAtBefore: z.string(),
  expiresAtAfter: z.string(),
  /** > 0: "now" would cut off a subscriber with paid time; record this much first (apply refuses). */
  shortMinor: z.number().int(),
});

const floatMinor = z.number({ message: 'Must be a number' }).int('Must be a whole number of minor units')
  .min(0, 'Cannot be negative').max(MAX_AMOUNT_MINOR, 'Amount too large');

export const cashShift = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  openedAt: z.string(),
  openingFloatMinor: z.number().int(),
  /** Cash credits this cashier recorded since the shift opened (until it closed), net of their reversals. */
  cashMinor: z.number().int(),
  cashCount: z.number().int(),
  /** Float + cash: what the drawer should hold. */
  expectedMinor: z.number().int(),
  closedAt: z.string().nullable(),
  countedMinor: z.number().int().nullable(),
  /** Counted − expected (negative: cash missing). */
  differenceMinor: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type CashShift = z.infer<typeof cashShift>;

export const paymentsPolicyChannels = {
  'wallet.installation-fee': channel({
    summary: "Charge a one-off installation fee with a reason: a debit on the subscriber's wallet that the next payments cover before buying periods.",
    input: z.strictObject({ subscriberId: id, amountMinor, reason }),
    output: z.object({ entry: ledgerEntry, balanceMinor: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, amountMinor: 250000, reason: 'Installation and router' })),
  'wallet.package-change.preview': channel({
    summary: 'What changing a subscriber to another package would credit, buy and leave in the wallet (nothing is written).',
    input: packageChangeInput,
    output: packageChangePlan,
    access: 'subscribers.manage',
    mutates: false,
  }).sample((r) => ({ subscriberId: r.subscriber, packageId: r.package, policy: 'now-pro-rata' })),
  'wallet.package-change.apply': channel({
    summary: 'Change a subscriber to another package by the chosen policy: credit, package, expiry and router outbox in one transaction.',
    input: packageChangeInput,
    output: packageChangePlan,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, packageId: r.package, policy: 'next-renewal' })),
  'shifts.current': channel({
    summary: "Your open cash drawer shift with the running expected total, or null.",
    input: z.strictObject({}),
    output: z.object({ shift: cashShift.nullable(), last: cashShift.nullable() }),
    access: 'payments.collect',
    mutates: false,
  }).sample(() => ({})),
  'shifts.open': channel({
    summary: 'Open your cash drawer shift with the float in the drawer, audited.',
    input: z.strictObject({ openingFloatMinor: floatMinor, note: optionalText(300) }),
    output: cashShift,
    access: 'payments.collect',
    mutates: true,
  }).sample(() => ({ openingFloatMinor: 500000 })),
  'shifts.close': channel({
    summary: 'Close your shift with the cash counted in the drawer: expected and difference are recorded, audited.',
    input: z.strictObject({ countedMinor: floatMinor, note: optionalText(300) }),
    output: cashShift,
    access: 'payments.collect',
    mutates: true,
  }).sample(() => ({ countedMinor: 500000 })),
} as const;
