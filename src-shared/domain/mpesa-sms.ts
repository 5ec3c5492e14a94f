/**
 * Tolerant parser for M-Pesa "received" confirmation SMS (integrations.md §4.8, mpesa-ingestion.md §3):
 * PayBill (`NAME 2547…`, `Account Number …`), till (`2547… NAME`), bank-funded till, upper-case `KSH`,
 * personal receive (`NAME 07…`), masked numbers (`0715***897`). Spacing is broken in real messages
 * (`Confirmed.on`, `PMKsh`, doubled spaces, line breaks), so whitespace is collapsed and matching ignores case.
 * The receipt code is the key. Never throws.
 */
import { nairobiToUtc, normaliseReceipt, parseMpesaAmount, splitParty } from './mpesa-values';

export interface MpesaSms {
  receipt: string;
  amountMinor: number;
  phone: string | null;
  phoneMasked: string | null;
  name: string | null;
  /** UTC ISO; the SMS prints `d/m/yy h:mm AM` in EAT. */
  paidAt: string;
  accountRef: string | null;
}

/** Why a message gave no payment: money going out / balance / reversal messages are ignored on purpose. */
export type MpesaSmsRejection = 'not-mpesa' | 'not-money-in' | 'unreadable';

export type MpesaSmsResult = { ok: true; sms: MpesaSms } | { ok: false; reason: MpesaSmsRejection; receipt: string | null };

const START = /^([A-Z0-9]{8,12})\s*Confirmed\b/i;
const AMOUNT = String.raw`(?:Ksh|KES)\s*([\d,]+(?:\.\d{1,2})?)`;
const WHEN = /\bon\s*(\d{1,2})\/(\d{1,2})\/(\d{2,4})\s*at\s*(\d{1,2})[:.](\d{2})\s*([AP])\.?M/i;
/** `… received from <party>` up to what follows the party in each variant. */
const RECEIVED_FROM = new RegExp(String.raw`${AMOUNT}\s*received from\s*(.*?)\s*(?=\.?\s*Account Number\b|\.?\s*New\s+[\w-]+\s+balance\b|\s+on\s*\d{1,2}/|\.\s|\.?$)`, 'i');
const YOU_RECEIVED = new RegExp(String.raw`You have received\s*${AMOUNT}\s*from\s*(.*?)\s*(?=\s*on\s*\d{1,2}/)`, 'i');
const ACCOUNT = /\bAccount Number\s*(.*?)\s*(?=New\s+[\w-]+\s+balance\b|$)/i;

export function parseMpesaSms(message: string): MpesaSmsResult {
  const text = message.replace(/\s+/g, ' ').trim();
  const start = START.exec(text);
  if (!start) return { ok: false, reason: 'not-mpesa', receipt: null };
  const receipt = normaliseReceipt(start[1]!);
  if (!receipt) return { ok: false, reason: 'not-mpesa', receipt: null };
  if (!/\breceived\b/i.test(text) || /\breversed\b|\bsent to\b|\bpaid to\b|\bbalance was\b/i.test(text)) {
    return { ok: false, reason: 'not-money-in', receipt };
  }
  const match = YOU_RECEIVED.exec(text) ?? RECEIVED_FROM.exec(text);
  const when = WHEN.exec(text);
  if (!match || !when) return { ok: false, reason: 'unreadable', receipt };
  const amountMinor = parseMpesaAmount(match[1]!);
  if (amountMinor === null || amountMinor <= 0) return { ok: false, reason: 'unreadable', receipt };

  const [, d, m, y, h, mi, half] = when;
  const year = Number(y) < 100 ? 2000 + Number(y) : Number(y);
  const hour12 = Number(h) % 12;
  const paidAt = Number(h) >= 1 && Number(h) <= 12
    ? nairobiToUtc(year, Number(m), Number(d), half!.toUpperCase() === 'P' ? hour12 + 12 : hour12, Number(mi))
    : null;
  if (!paidAt) return { ok: false, reason: 'unreadable', receipt };

  const party = splitParty(match[2]!);
  const account = ACCOUNT.exec(text)?.[1]?.replace(/[.\s]+$/, '').trim() ?? '';
  return {
    ok: true,
    sms: { receipt, amountMinor, phone: party.phone, phoneMasked: party.phoneMasked, name: party.name, paidAt, accountRef: account === '' ? null : account },
  };
}

/**
 * A paste of many messages (or one multipart SMS plus promo text): split before each `<receipt> Confirmed`
 * and parse each piece.
 */
export function parseMpesaSmsBatch(paste: string): MpesaSmsResult[] {
  const pieces = paste.split(/(?=\b[A-Z0-9]{8,12}\s*Confirmed\b)/).map((p) => p.trim()).filter((p) => p !== '');
  return pieces.map(parseMpesaSms);
}
