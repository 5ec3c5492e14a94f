import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * What an STK request pays for: `wallet` (a subscriber's account, through the payments pipeline) or
 * `voucher` (a hotspot voucher bought from the captive portal: recorded as voucher-sale income, never
 * credited to a wallet even when the payer's phone belongs to a subscriber).
 */
export const m0024StkPurpose: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table stk_requests add column purpose text not null default 'wallet' check (purpose in ('wallet', 'voucher'))`.execute(db);
  },
};
