import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { AppError, notFound } from '@shared/domain/errors';
import { planPackageChange, type PackageChangePlan } from '@shared/domain/package-change';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { kickRouters } from '../subscribers/renew';
import { switchPackageInTransaction } from '../subscribers/package-switch';
import type { PackageRow } from '../subscribers/package-repo';
import type { SubscriberRow } from '../subscribers/subscriber-objects';
import type { SubscriberRules } from '../subscribers/settings';
import { appendEntries, walletHead } from './ledger';

type PlanDto = OutputOf<'wallet.package-change.preview'>;
type Input = ParsedInputOf<'wallet.package-change.preview'>;

function plan(scope: TenantScope, policy: Input['policy'], balanceMinor: number, s: SubscriberRow, from: PackageRow, to: PackageRow, rules: SubscriberRules, now: Date): PackageChangePlan {
  return planPackageChange({
    policy, balanceMinor, expiresAt: new Date(s.expiresAt), now, timeZone: scope.tenant.timezone, endOfDay: rules.disconnectAtEndOfDay,
    from: { priceMinor: from.priceMinor, period: { count: from.periodCount, unit: from.periodUnit } },
    to: { priceMinor: to.priceMinor, period: { count: to.periodCount, unit: to.periodUnit } },
  });
}

function toDto(s: SubscriberRow, from: PackageRow, to: PackageRow, balanceMinor: number, p: PackageChangePlan): PlanDto {
  return {
    subscriberId: s.id, policy: p.policy, from: { id: from.id, name: from.name, priceMinor: from.priceMinor }, to: { id: to.id, name: to.name, priceMinor: to.priceMinor },
    balanceBeforeMinor: balanceMinor, creditMinor: p.creditMinor, periods: p.periods, debitMinor: p.debitMinor, balanceAfterMinor: p.balanceAfterMinor,
    expiresAtBefore: s.expiresAt, expiresAtAfter: p.expiresAt.toISOString(), shortMinor: p.shortMinor,
  };
}

/**
 * One package change, in the caller's transaction: validate the new package (subscribers domain), plan the
 * money (src-shared/domain/package-change.ts), append the pro-rata credit and the period debits, and write the
 * subscriber with its new package and expiry (audit + router outbox). Preview runs the same and rolls back.
 */
async function run(trx: Kysely<TenantDB>, scope: TenantScope, input: Input, now: Date, write: boolean): Promise<{ dto: PlanDto; routers: string[] }> {
  let dto: PlanDto | null = null;
  const outcome = await switchPackageInTransaction(trx, scope, input.subscriberId, input.packageId, now, async (s, from, to, rules) => {
    const head = await walletHead(trx, s.id);
    if (input.policy === 'now-pro-rata' && to.priceMinor <= 0) throw new AppError('CONFLICT', 'package-change.no-price');
    const p = plan(scope, input.policy, head.balanceMinor, s, from, to, rules, now);
    dto = toDto(s, from, to, head.balanceMinor, p);
    if (write && p.shortMinor > 0) throw new AppError('CONFLICT', 'package-change.balance-short', { params: { shortMinor: p.shortMinor } });
    const reference = `PKG-${s.accountNumber}`;
    const entries = [
      ...(p.creditMinor > 0 ? [{ kind: 'adjustment' as const, amountMinor: p.creditMinor, source: 'package-change' as const, reference, reason: `Unused time of ${from.name} credited on change to ${to.name}` }] : []),
      ...Array.from({ length: p.periods }, () => ({ kind: 'debit' as const, amountMinor: -to.priceMinor, source: 'renewal' as const, reference })),
    ];
    if (entries.length > 0) await appendEntries(trx, s.id, entries, scope.actor, now);
    return {
      expiresAt: p.expiresAt.toISOString(),
      summary: `Changed package of ${s.accountNumber} from ${from.name} to ${to.name} (${input.policy})`,
      details: { policy: input.policy, fromPackageId: from.id, toPackageId: to.id, creditMinor: p.creditMinor, periods: p.periods, debitMinor: p.debitMinor, balanceAfterMinor: p.balanceAfterMinor },
    };
  });
  if (!dto) throw notFound('subscriber.not-found');
  return { dto, routers: outcome.routers };
}

/** Rolled back on purpose: the preview is exactly what apply would do, computed by the same code. */
class PreviewDone extends Error {
  constructor(readonly dto: PlanDto) { super('preview'); }
}

export async function previewPackageChange(scope: TenantScope, input: Input): Promise<PlanDto> {
  const now = scope.core.clock.now();
  try {
    await scope.db.transaction().execute(async (trx) => {
      const { dto } = await run(trx, scope, input, now, false);
      throw new PreviewDone(dto);
    });
  } catch (e) {
    if (e instanceof PreviewDone) return e.dto;
    throw e;
  }
  throw new Error('unreachable');
}

export async function applyPackageChange(scope: TenantScope, input: ParsedInputOf<'wallet.package-change.apply'>): Promise<PlanDto> {
  const now = scope.core.clock.now();
  const { dto, routers } = await scope.db.transaction().execute((trx) => run(trx, scope, input, now, true));
  kickRouters(scope, routers);
  return dto;
}
