import type { LedgerReport } from '@shared/contract/payments';
import { kyselyOver, openRawSqlite } from '../db/open-sqlite';
import type { TenantDB } from '../db/tenant-schema';
import { verifyLedger } from './verify';

/** The ledger check on a tenant file opened read-only (the CLI; a copy set aside for investigation). */
export async function verifyLedgerFile(file: string): Promise<LedgerReport> {
  const db = kyselyOver<TenantDB>(openRawSqlite(file, { readonly: true }));
  try {
    return await verifyLedger(db);
  } finally {
    await db.destroy();
  }
}

/** Lines a person reads: one summary, then one line per problem. */
export function formatLedgerReport(file: string, r: LedgerReport): string[] {
  const head = `${file}: ${r.ok ? 'OK' : `${r.problems.length} problem(s)`} — ${r.subscribers} wallet(s), ${r.entries} entries, ${r.payments} payment(s)`;
  return [head, ...r.problems.map((p) => `  ${p.kind}: ${p.detail}${p.subscriberId ? ` subscriber=${p.subscriberId}` : ''}${p.entryId ? ` entry=${p.entryId}` : ''}${p.paymentId ? ` payment=${p.paymentId}` : ''}`)];
}
