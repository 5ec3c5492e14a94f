import { notFound } from '@shared/domain/errors';
import type { Actor, Core, TenantScope } from '../context';

/**
 * Runs tenant services without a request (sweeps, payment callbacks, the demo): the tenant's file is
 * borrowed for the duration, and `actor` — usually `systemActor(…)` — is who the audit log names.
 */
export async function withTenantScope<T>(core: Core, tenantId: string, actor: Actor, fn: (scope: TenantScope) => Promise<T>): Promise<T> {
  const tenant = core.registry.get(tenantId);
  if (!tenant) throw notFound('tenant.not-found');
  return core.tenants.use(tenantId, (h) => fn({ core, tenant, db: h.db, actor }));
}
