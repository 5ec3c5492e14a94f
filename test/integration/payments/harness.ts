import type { TenantScope } from '../../../src-main/core/context';
import { systemActor, type Actor } from '../../../src-main/core/context';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { ingestPayments, type IncomingPayment, type IngestOutcome } from '../../../src-main/core/payments/pipeline';
import { pppoePackage, startSubsWorld, type SubsWorld } from '../subscribers/harness';

export interface PayWorld extends SubsWorld {
  packageId: string;
  /** A PPPoE subscriber on router A (package Home 10M: 1,500.00 a month), expiring in `expiresInDays`. */
  subscriber(over?: { phones?: string[]; expiresAt?: string }): Promise<{ id: string; accountNumber: string }>;
  ingest(list: IncomingPayment[], actor?: Actor): Promise<IngestOutcome[]>;
  scope<T>(fn: (scope: TenantScope) => Promise<T>, actor?: Actor): Promise<T>;
}

export async function startPayWorld(): Promise<PayWorld> {
  const w = await startSubsWorld();
  const pkg = await w.call('packages.create', pppoePackage([w.routerA]));
  let n = 0;
  const scope: PayWorld['scope'] = (fn, actor = systemActor('system:mpesa')) => withTenantScope(w.t.booted.core, w.inst.tenantId, actor, fn);
  return {
    ...w, packageId: pkg.id, scope,
    async subscriber(over = {}) {
      n += 1;
      const s = await w.call('subscribers.create', {
        fullName: `Payer ${n}`, phones: over.phones ?? [`0733${String(n).padStart(6, '0')}`], routerId: w.routerA, packageId: pkg.id, expiresAt: over.expiresAt ?? '2026-12-27T08:00:00.000Z',
      });
      return { id: s.id, accountNumber: s.accountNumber };
    },
    ingest: (list, actor) => scope((s) => ingestPayments(s, list), actor),
  };
}

let refN = 0;
export function mpesa(over: Partial<IncomingPayment> = {}): IncomingPayment {
  refN += 1;
  return {
    provider: 'mpesa', reference: `TST${String(refN).padStart(7, '0')}`, amountMinor: 150000, paidAt: '2026-11-27T07:59:00.000Z',
    accountRef: null, phone: null, phoneHash: null, payerName: 'JOHN DOE', channel: 'c2b', ...over,
  };
}
