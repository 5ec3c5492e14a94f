import { z } from 'zod';
import { channel } from './define';
import { id, instant, optionalPhone, pageInput, pageOutput, plainText } from './common';
import { MAX_AMOUNT_MINOR, PAYMENT_PROVIDERS } from './payments';
import { AGENT_ENTRY_KINDS, MAX_DISCOUNT_BP } from '../domain/agent-float';

/** Voucher stock and sales, agents (resellers) on a prepaid float, and the sales reports (issue 11 §4). */
const int = (min: number, max: number) => z.number({ message: 'Must be a number' }).int('Must be a whole number').min(min, `At least ${min}`).max(max, `At most ${max}`);
const amountMinor = z.number({ message: 'Must be a number' }).int('Must be a whole number of minor units')
  .min(1, 'Must be more than 0').max(MAX_AMOUNT_MINOR, 'Amount too large');
const reason = plainText(z.string({ message: 'Required' }).trim().min(3, 'Enter at least 3 characters').max(300, 'Use at most 300 characters'));
const optionalText = (max: number) => plainText(z.string({ message: 'Required' }).trim().max(max, `Use at most ${max} characters`)).optional()
  .transform((v) => (v ? v : null));
const localDay = z.string({ message: 'Required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const method = z.enum(PAYMENT_PROVIDERS);
const agentName = plainText(z.string({ message: 'Required' }).trim().min(2, 'Enter at least 2 characters').max(80, 'Use at most 80 characters'));
/** Wholesale discount in basis points: 1 % = 100, at most 90 %. */
const discountBp = int(0, MAX_DISCOUNT_BP);

export const REVENUE_GROUPS = ['day', 'batch', 'agent'] as const;
const actor = z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() });

export const voucherSaleSummary = z.object({
  id,
  buyerKind: z.enum(['walk-in', 'agent']),
  agentId: id.nullable(),
  agentName: z.string().nullable(),
  planId: id,
  planName: z.string(),
  count: z.number().int(),
  /** What the vouchers list for (each voucher's batch price). */
  listTotalMinor: z.number().int(),
  discountBp: z.number().int(),
  /** What was paid: the list total for a walk-in sale, the discounted total taken from an agent's float. */
  totalMinor: z.number().int(),
  method: method.nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  soldBy: actor,
  createdAt: instant,
});
export type VoucherSaleSummary = z.infer<typeof voucherSaleSummary>;

export const soldVoucher = z.object({ id, code: z.string(), password: z.string(), batchSerial: z.number().int(), priceMinor: z.number().int() });

export const agentSummary = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  discountBp: z.number().int(),
  balanceMinor: z.number().int(),
  createdAt: instant,
});
export type AgentSummary = z.infer<typeof agentSummary>;

export const agentEntry = z.object({
  id,
  seq: z.number().int(),
  kind: z.enum(AGENT_ENTRY_KINDS),
  amountMinor: z.number().int(),
  balanceAfterMinor: z.number().int(),
  method: method.nullable(),
  reference: z.string().nullable(),
  saleId: id.nullable(),
  reversesEntryId: id.nullable(),
  reversed: z.boolean(),
  reason: z.string().nullable(),
  actor,
  createdAt: instant,
});
export type AgentEntry = z.infer<typeof agentEntry>;

export const stockRow = z.object({
  planId: id,
  planName: z.string(),
  routerId: id,
  priceMinor: z.number().int(),
  /** Unused and not sold: what can still be sold. */
  available: z.number().int(),
  sold: z.number().int(),
  /** Logged in with at least once (router counters, last status sync). */
  used: z.number().int(),
  revoked: z.number().int(),
  /** The plan's low-stock threshold; null = no alert for this plan. */
  lowStock: z.number().int().nullable(),
  low: z.boolean(),
});
export type StockRow = z.infer<typeof stockRow>;

export const revenueRow = z.object({
  /** The day (YYYY-MM-DD, tenant time zone), the batch id or the agent id ('' = walk-in sales). */
  key: z.string(),
  /** Batch serial or agent name, for people; the day itself for days. */
  label: z.string(),
  count: z.number().int(),
  listTotalMinor: z.number().int(),
  totalMinor: z.number().int(),
});

const agentFields = { name: agentName, phone: optionalPhone, discountBp };

const sellInput = z.strictObject({
  /** Chosen by the client per click: the same key again returns the sale already made. */
  requestKey: id,
  pick: z.discriminatedUnion('by', [
    z.strictObject({ by: z.literal('plan'), planId: id, count: int(1, 10_000) }),
    z.strictObject({ by: z.literal('batch'), batchId: id }),
    z.strictObject({ by: z.literal('vouchers'), voucherIds: z.array(id).min(1, 'Choose at least one voucher').max(500, 'At most 500 vouchers') }),
  ]),
  buyer: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('walk-in'), method, reference: optionalText(60) }),
    z.strictObject({ kind: z.literal('agent'), agentId: id }),
  ]),
  note: optionalText(200),
});
const sellOutput = z.object({ sale: voucherSaleSummary, vouchers: z.array(soldVoucher) });

export const voucherSalesChannels = {
  'vouchers.sell': channel({
    summary: 'Sell unused vouchers (N of a plan, a whole batch, or chosen ones) to a walk-in customer for cash/M-Pesa/bank/card, or to an agent from its float.',
    input: sellInput,
    output: sellOutput,
    access: 'vouchers.sell',
    mutates: true,
  }).sample((r) => ({
    requestKey: '01900000-0000-7000-8000-000000000ccc', pick: { by: 'plan', planId: r.hotspotPlan, count: 1 }, buyer: { kind: 'walk-in', method: 'cash' },
  })),
  'vouchers.sell.preview': channel({
    summary: 'Exactly what selling would take and charge (the same code, rolled back); its refusals are the sale\'s. Nothing is written.',
    input: sellInput,
    output: sellOutput,
    access: 'vouchers.sell',
    mutates: false,
  }).sample((r) => ({
    requestKey: '01900000-0000-7000-8000-000000000cce', pick: { by: 'plan', planId: r.hotspotPlan, count: 1 }, buyer: { kind: 'agent', agentId: r.agent },
  })),
  'vouchers.sales.list': channel({
    summary: 'Voucher sales, newest first, by agent, plan or buyer kind.',
    input: pageInput(['createdAt', 'totalMinor'], { agentId: id.optional(), planId: id.optional(), buyerKind: z.enum(['walk-in', 'agent']).optional() }),
    output: pageOutput(voucherSaleSummary),
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ page: 1, pageSize: 25, agentId: r.agent })),
  'vouchers.stock': channel({
    summary: 'Stock per hotspot plan: vouchers still to sell, sold, revoked, and the low-stock alert.',
    input: pageInput(['planName', 'available'], { lowOnly: z.boolean().optional() }),
    output: pageOutput(stockRow),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'vouchers.stock.threshold': channel({
    summary: "Set a plan's low-stock threshold (null: no alert).",
    input: z.strictObject({ planId: id, lowStock: int(0, 100_000).nullable() }),
    output: stockRow,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ planId: r.hotspotPlan, lowStock: 10 })),
  'vouchers.revenue': channel({
    summary: 'Voucher revenue between two local days (inclusive, at most 366), per day, per batch or per agent.',
    input: z.strictObject({ from: localDay, to: localDay, by: z.enum(REVENUE_GROUPS) }),
    output: z.object({
      rows: z.array(revenueRow),
      count: z.number().int(), listTotalMinor: z.number().int(), totalMinor: z.number().int(),
    }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ from: '2026-11-01', to: '2026-11-30', by: 'day' })),
  'vouchers.export.csv': channel({
    summary: 'A voucher report as CSV text: stock, revenue (day/batch/agent) or an agent statement; every row.',
    input: z.discriminatedUnion('report', [
      z.strictObject({ report: z.literal('stock') }),
      z.strictObject({ report: z.literal('revenue'), from: localDay, to: localDay, by: z.enum(REVENUE_GROUPS) }),
      z.strictObject({ report: z.literal('statement'), agentId: id }),
    ]),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ report: 'stock' })),
  'agents.list': channel({
    summary: 'Agents (resellers) with their discount and float balance.',
    input: pageInput(['name', 'createdAt'], {}),
    output: pageOutput(agentSummary),
    access: 'payments.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'agents.create': channel({
    summary: 'Add an agent (reseller) with a wholesale discount; its float starts at 0.',
    input: z.strictObject(agentFields),
    output: agentSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample(() => ({ name: 'Sample agent', discountBp: 1000 })),
  'agents.update': channel({
    summary: "Edit an agent's name, phone or discount (later purchases use the new discount).",
    input: z.strictObject({ agentId: id }).extend(z.strictObject(agentFields).partial().shape),
    output: agentSummary,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ agentId: r.agent, discountBp: 1500 })),
  'agents.top-up': channel({
    summary: "Money an agent paid into its float: a top-up entry, and the money in the day's collections.",
    input: z.strictObject({ agentId: id, amountMinor, method, reference: optionalText(60), requestKey: id }),
    output: z.object({ entry: agentEntry, balanceMinor: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ agentId: r.agent, amountMinor: 50_000, method: 'cash', requestKey: '01900000-0000-7000-8000-000000000ddd' })),
  'agents.adjust': channel({
    summary: "A manual correction of an agent's float with a reason; it may not take the float below zero.",
    input: z.strictObject({ agentId: id, direction: z.enum(['credit', 'debit']), amountMinor, reason }),
    output: z.object({ entry: agentEntry, balanceMinor: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ agentId: r.agent, direction: 'credit', amountMinor: 100, reason: 'Counted short at top-up' })),
  'agents.reverse': channel({
    summary: 'Reverse a top-up or adjustment (a new entry of the opposite amount); a reversed top-up leaves the collections too.',
    input: z.strictObject({ entryId: id, reason }),
    output: z.object({ entry: agentEntry, balanceMinor: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ entryId: r.agentEntry, reason: 'Recorded twice by mistake' })),
  'agents.statement': channel({
    summary: "An agent's float statement: entries newest first with the running balance.",
    input: z.strictObject({
      agentId: id,
      page: z.number({ message: 'Must be a number' }).int().min(1).default(1),
      pageSize: z.number({ message: 'Must be a number' }).int().min(1).max(500).default(25),
    }),
    output: z.object({ agent: agentSummary, entries: pageOutput(agentEntry) }),
    access: 'payments.read',
    mutates: false,
  }).sample((r) => ({ agentId: r.agent })),
} as const;
