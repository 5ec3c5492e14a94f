import type { RenewalSummary } from './apply';

/** What the payment pipeline takes in and answers (pipeline.ts, ingest-batch.ts). */
export interface IncomingPayment {
  provider: 'mpesa' | 'cash' | 'bank' | 'card';
  /** Unique per provider: M-Pesa receipt code (TransID / MpesaReceiptNumber), or a generated/manual reference. */
  reference: string;
  amountMinor: number;               // integer minor units (KES cents), > 0
  paidAt: string;                     // ISO UTC instant
  accountRef: string | null;          // BillRefNumber / account number typed by the customer
  phone: string | null;               // E.164 when known (normalise with src-shared/domain phone helpers)
  phoneHash: string | null;           // lowercase hex SHA-256 of the normalised phone (hashed C2B MSISDN)
  payerName: string | null;
  channel: 'cash' | 'stk' | 'statement' | 'sms' | 'c2b' | 'manual';
  /** The subscriber it is FOR when the source already knows (cash at the desk, STK from a subscriber page). */
  subscriberId?: string | null;
  note?: string | null;
}

export type IngestOutcome = { paymentId: string; status: 'applied' | 'unmatched' | 'duplicate'; subscriberId: string | null };

export type DetailedOutcome = IngestOutcome & { renewal: RenewalSummary | null };
