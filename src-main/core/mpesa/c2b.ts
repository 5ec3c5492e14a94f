/**
 * Daraja C2B validation and confirmation (integrations.md §4.5, mpesa-ingestion.md §4), for ISPs that expose
 * `npm run serve` to Safaricom. Values are strings; MSISDN is a SHA-256 hex (production since 2024), a masked
 * number, or the plain number; the payment is keyed by TransID.
 */
import type { TenantScope } from '../context';
import { ingestPayments, type IncomingPayment } from '../payments/pipeline';
import { matchSubscriber } from '../payments/match';
import { parseMpesaAmount } from '@shared/domain/mpesa-values';
import { normalisePhone } from '@shared/domain/phone';
import { darajaTimeToUtc } from './daraja-time';
import { getMpesaSettings } from './settings';

export type C2bValidationReply = { ResultCode: '0'; ResultDesc: 'Accepted' } | { ResultCode: 'C2B00012' | 'C2B00013' | 'C2B00016'; ResultDesc: 'Rejected' };
export type C2bConfirmationReply = { ResultCode: 0 | 1; ResultDesc: string };

function str(payload: Record<string, unknown>, key: string): string {
  const v = payload[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The payload as a pipeline payment, or null when it lacks a TransID, amount or time. */
export function c2bPayment(payload: Record<string, unknown>): IncomingPayment | null {
  const reference = str(payload, 'TransID').toUpperCase();
  const amountMinor = parseMpesaAmount(str(payload, 'TransAmount'));
  const paidAt = darajaTimeToUtc(str(payload, 'TransTime'));
  if (!/^[A-Z0-9]{6,20}$/.test(reference) || amountMinor === null || amountMinor <= 0 || !paidAt) return null;
  const msisdn = str(payload, 'MSISDN');
  const hash = /^[0-9a-f]{64}$/i.test(msisdn) ? msisdn.toLowerCase() : null;
  const phone = !hash && /^\d{9,12}$/.test(msisdn) ? normalisePhone(msisdn) : null;
  const name = ['FirstName', 'MiddleName', 'LastName'].map((k) => str(payload, k)).filter((s) => s !== '').join(' ');
  const bill = str(payload, 'BillRefNumber');
  return {
    provider: 'mpesa', reference, amountMinor, paidAt, accountRef: bill === '' ? null : bill, phone, phoneHash: hash,
    payerName: name === '' ? null : name, channel: 'c2b',
  };
}

/** Accepts unless the tenant refuses unknown accounts and nothing matches (C2B00012 "invalid account number"). */
export async function validateC2b(scope: TenantScope, payload: Record<string, unknown>): Promise<C2bValidationReply> {
  const payment = c2bPayment(payload);
  if (!payment) return { ResultCode: 'C2B00013', ResultDesc: 'Rejected' };
  const settings = await getMpesaSettings(scope);
  if (!settings.c2bRejectUnknown) return { ResultCode: '0', ResultDesc: 'Accepted' };
  const match = await matchSubscriber(scope.db, { subscriberId: null, accountRef: payment.accountRef, phone: payment.phone, phoneHash: payment.phoneHash });
  return match ? { ResultCode: '0', ResultDesc: 'Accepted' } : { ResultCode: 'C2B00012', ResultDesc: 'Rejected' };
}

/** Confirmation: into the pipeline (a repeated TransID is a duplicate there), then Daraja's ack. */
export async function confirmC2b(scope: TenantScope, payload: Record<string, unknown>): Promise<C2bConfirmationReply> {
  const payment = c2bPayment(payload);
  if (!payment) return { ResultCode: 1, ResultDesc: 'Rejected' };
  await ingestPayments(scope, [payment]);
  return { ResultCode: 0, ResultDesc: 'Success' };
}
