import { addPeriod, endOfLocalDay } from '@shared/domain/billing-period';
import { uuidv7 } from '@shared/domain/ids';
import type { TenantScope } from '../context';
import type { RouterRow } from '../routers/router-repo';
import type { PackageWithRouters } from '../subscribers/package-repo';
import type { SubscriberRules } from '../subscribers/settings';
import { statusFor } from '../subscribers/subscriber-service';
import type { SubscriberRow } from '../subscribers/subscriber-objects';
import { writeSubscriber } from '../subscribers/subscriber-write';
import { freshAccountNumbers, notesOf } from './adopt-chunk';
import type { StaticRowPlan } from './static-plan';

/**
 * Creates one chunk of static subscribers from simple queues (and their leases) in one transaction through
 * the subscribers domain's write path. Desired state is what the router has: the queue keeps its own name
 * (`queueName`), target and max-limit (the package's rate is the queue's), the lease its address and MAC,
 * so the worker only claims them and adds our comment tag. Addresses taken since the plan was made (another
 * adoption, a staff member) are left out and counted as skipped.
 */
export async function adoptStaticChunk(
  scope: TenantScope, router: RouterRow, rows: readonly StaticRowPlan[], byKey: ReadonlyMap<string, PackageWithRouters>, settings: SubscriberRules,
): Promise<number> {
  const now = scope.core.clock.now();
  const at = now.toISOString();
  const tz = scope.tenant.timezone;
  let created = 0;
  await scope.db.transaction().execute(async (trx) => {
    const wanted = rows.filter((r) => r.packageKey !== null && byKey.has(r.packageKey) && r.queue !== null);
    if (wanted.length === 0) return;
    const taken = new Set((await trx.selectFrom('subscribers').select('ipAddress').where('routerId', '=', router.id)
      .where('ipAddress', 'in', wanted.map((r) => r.address)).where('deletedAt', 'is', null).execute()).map((r) => r.ipAddress));
    const todo = wanted.filter((r) => !taken.has(r.address));
    const accounts = await freshAccountNumbers(trx, settings, todo.length);
    for (const [i, r] of todo.entries()) {
      const pkg = byKey.get(r.packageKey!)!;
      const next = addPeriod(now, { count: pkg.periodCount, unit: pkg.periodUnit }, tz);
      const expiresAt = r.expiresAt?.toISOString() ?? (settings.disconnectAtEndOfDay ? endOfLocalDay(next, tz) : next).toISOString();
      const after: SubscriberRow = {
        id: uuidv7(), accountNumber: accounts[i]!, fullName: r.fullName, phones: JSON.stringify(r.phones), email: null,
        locationSite: '', locationBuilding: '', locationText: '', gpsLat: null, gpsLng: null,
        routerId: router.id, packageId: pkg.id, serviceType: 'static', username: null, ipAddress: r.address, macAddress: r.macAddress,
        installedAt: null, expiresAt, notes: notesOf(r.notes), tags: '[]',
        status: statusFor(null, expiresAt, pkg.graceHours, now),
        deletedAt: null, createdAt: at, updatedAt: at, queueName: r.queue!.name,
      };
      await writeSubscriber(trx, scope, {
        before: null, after, pkg, action: 'subscriber.created', summary: `Adopted static ${r.address} (queue ${r.queue!.name}) from router ${router.name} as ${after.accountNumber}`,
        extraDetails: { adoptedFrom: { routerId: router.id, queue: r.queue!.name, lease: r.lease !== null } },
      }, settings.expiryAction, now);
      created += 1;
    }
  });
  return created;
}
