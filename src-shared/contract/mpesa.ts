import { z } from 'zod';
import { channel } from './define';
import { id, instant, plainText } from './common';
import { uploadId } from './uploads';
import { STATEMENT_ROW_ERRORS, STATEMENT_SKIP_REASONS } from '../domain/mpesa-statement';
import { STK_ERROR_CODES, STK_STATUSES } from '../domain/mpesa-stk';

/**
 * M-Pesa (Daraja) per tenant (issue 10 §4): settings with sealed credentials, STK push from ISP Desk,
 * statement import and SMS paste. Every payment they produce enters the payments pipeline.
 */

const code = (label: string) => plainText(z.string({ message: 'Required' }).trim().regex(/^\d{5,8}$/, `Enter the ${label} (5 to 8 digits)`));
const secret = z.string().min(1, 'Required').max(512, 'Too long');
const url = z.string().trim().max(500).refine((v) => { try { return ['http:', 'https:'].includes(new URL(v).protocol); } catch { return false; } }, 'Enter a full http(s) URL');

export const mpesaSettingsOutput = z.object({
  configured: z.boolean(),
  accountType: z.enum(['paybill', 'buygoods']),
  shortcode: z.string(),
  till: z.string().nullable(),
  environment: z.enum(['sandbox', 'production']),
  baseUrl: z.string().nullable(),
  callbackUrl: z.string().nullable(),
  c2bRejectUnknown: z.boolean(),
  hasConsumerKey: z.boolean(),
  hasConsumerSecret: z.boolean(),
  hasPasskey: z.boolean(),
});

export const mpesaSettingsInput = z.strictObject({
  accountType: z.enum(['paybill', 'buygoods']),
  /** PayBill number, or the store (HO) number of a till. */
  shortcode: code('shortcode'),
  till: code('till number').nullable().default(null),
  environment: z.enum(['sandbox', 'production']),
  /** Overrides the Daraja base URL (a relay, or the fake Daraja of the demo ISP and tests). */
  baseUrl: url.nullable().default(null),
  callbackUrl: url.nullable().default(null),
  c2bRejectUnknown: z.boolean().default(false),
  /** Omitted = keep what is sealed; never returned. */
  consumerKey: secret.optional(),
  consumerSecret: secret.optional(),
  passkey: secret.optional(),
});

export const stkRequestOutput = z.object({
  id,
  subscriberId: id.nullable(),
  phone: z.string(),
  amountMinor: z.number().int(),
  accountRef: z.string(),
  status: z.enum(STK_STATUSES),
  errorCode: z.enum(STK_ERROR_CODES).nullable(),
  resultCode: z.string().nullable(),
  receipt: z.string().nullable(),
  paymentId: id.nullable(),
  requestedAt: instant,
  finishedAt: instant.nullable(),
});

const importCounts = z.object({ applied: z.number().int(), unmatched: z.number().int(), duplicate: z.number().int() });

const statementIssue = z.object({
  line: z.number().int(), receipt: z.string().nullable(), code: z.enum(STATEMENT_ROW_ERRORS), value: z.string().nullable(),
});

const smsText = plainText(z.string({ message: 'Required' }).min(1, 'Paste at least one message').max(200_000, 'Paste at most 200,000 characters'), { multiline: true });

export const mpesaChannels = {
  'mpesa.settings.get': channel({
    summary: 'The M-Pesa settings; credentials only as "set" flags.',
    input: z.strictObject({}),
    output: mpesaSettingsOutput,
    access: 'settings.read',
    mutates: false,
  }).sample(() => ({})),
  'mpesa.settings.update': channel({
    summary: 'Save the M-Pesa settings; credentials are sealed and never returned.',
    input: mpesaSettingsInput,
    output: mpesaSettingsOutput,
    access: 'settings.manage',
    mutates: true,
  }).sample(() => ({ accountType: 'paybill', shortcode: '174379', environment: 'sandbox', consumerKey: 'key', consumerSecret: 'secret', passkey: 'passkey' })),
  'mpesa.stk.request': channel({
    summary: 'Send an STK push (payment prompt) to a phone; follow it with mpesa.stk.status.',
    input: z.strictObject({
      subscriberId: id.nullable(),
      phone: plainText(z.string({ message: 'Required' }).trim().min(1, 'Required').max(20)),
      amountMinor: z.number({ message: 'Must be a number' }).int().min(100, 'At least 1 shilling').max(25_000_000, 'At most 250,000'),
      accountRef: plainText(z.string().trim().max(12, 'Use at most 12 characters')).nullable().default(null),
    }),
    output: stkRequestOutput,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ subscriberId: r.subscriber, phone: '0712000222', amountMinor: 100_000, accountRef: null })),
  'mpesa.stk.status': channel({
    summary: 'An STK request; while pending, asks Daraja once (STK query) and records a final answer — the screen calls it every few seconds.',
    input: z.strictObject({ stkRequestId: id }),
    output: stkRequestOutput,
    access: 'payments.collect',
    mutates: true,
  }).sample((r) => ({ stkRequestId: r.stkRequest })),
  'mpesa.statement.preview': channel({
    summary: 'Read an uploaded M-Pesa statement (CSV/XLSX): new / duplicate / unmatched counts and per-row issues; nothing is written.',
    input: z.strictObject({ uploadId }),
    output: z.object({
      rows: z.number().int(), newCount: z.number().int(), duplicateCount: z.number().int(), unmatchedCount: z.number().int(),
      errorCount: z.number().int(), skipped: z.record(z.enum(STATEMENT_SKIP_REASONS), z.number().int()), issues: z.array(statementIssue),
    }),
    access: 'payments.collect',
    mutates: false,
  }).sample(() => ({ uploadId: 'upl_AAAAAAAAAAAAAAAAAAAAAAAA' })),
  'mpesa.statement.apply': channel({
    summary: 'Apply an uploaded statement through the payment pipeline; rows already known are left alone.',
    input: z.strictObject({ uploadId, confirm: z.literal(true) }),
    output: importCounts.extend({ errorCount: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample(() => ({ uploadId: 'upl_AAAAAAAAAAAAAAAAAAAAAAAA', confirm: true })),
  'mpesa.sms.preview': channel({
    summary: 'Read pasted M-Pesa confirmation SMS: each message as new / duplicate / unmatched / ignored; nothing is written.',
    input: z.strictObject({ text: smsText }),
    output: z.object({
      rows: z.array(z.object({
        index: z.number().int(), receipt: z.string().nullable(), fate: z.enum(['new', 'duplicate', 'unmatched', 'ignored']),
        reason: z.enum(['not-mpesa', 'not-money-in', 'unreadable']).nullable(), amountMinor: z.number().int().nullable(),
        paidAt: instant.nullable(), name: z.string().nullable(), accountRef: z.string().nullable(),
      })),
    }),
    access: 'payments.collect',
    mutates: false,
  }).sample(() => ({ text: 'UJ2XXXXXM3 Confirmed.on 2/10/26 at 7:37 PMKSH40.00 received from 254700000001 JOHN DOE.' })),
  'mpesa.sms.apply': channel({
    summary: 'Apply pasted M-Pesa confirmation SMS through the payment pipeline.',
    input: z.strictObject({ text: smsText, confirm: z.literal(true) }),
    output: importCounts.extend({ ignored: z.number().int() }),
    access: 'payments.collect',
    mutates: true,
  }).sample(() => ({ text: 'UJ2XXXXXM3 Confirmed.on 2/10/26 at 7:37 PMKSH40.00 received from 254700000001 JOHN DOE.', confirm: true })),
} as const;
