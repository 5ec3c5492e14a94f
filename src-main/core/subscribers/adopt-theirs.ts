import { AppError } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { sameRosValue } from '../routeros/client';
import type { RouterObjectRow } from '../router-sync/outbox-repo';
import { kickAll } from './package-service';
import type { PackageRow } from './package-repo';
import { readSettings } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { mustFindSubscriber } from './subscriber-repo';
import { statusFor } from './subscriber-service';
import { writeSubscriber } from './subscriber-write';
import { adoptStaticObject, STATIC_MENUS } from './adopt-theirs-static';

/**
 * Drift "adopt theirs" for a subscriber's `/ppp/secret`: staff say the router is right. Only the props
 * that differ from desired state are taken: `disabled=yes` → suspended, `disabled=no` → active again,
 * `profile` → the package offered on that router with that PPP profile. The change goes through the
 * subscriber's one write path (row, audit entry, re-queued desired state) in one transaction, so the
 * router's remaining differences (our comment tag) are written back by the worker.
 */
export async function adoptSubscriberSecret(scope: TenantScope, object: RouterObjectRow, routerProps: Record<string, string>): Promise<void> {
  if (object.desired !== null && STATIC_MENUS.has(object.menu)) return adoptStaticObject(scope, object, routerProps);
  if (object.menu !== '/ppp/secret' || object.desired === null) {
    throw new AppError('CONFLICT', 'drift.action-not-possible', { params: { kind: 'different', action: 'adopt-theirs' } });
  }
  const desired = JSON.parse(object.desired) as Record<string, string>;
  const before = await mustFindSubscriber(scope.db, object.ownerId);
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    let pkg: PackageRow = await trx.selectFrom('packages').selectAll().where('id', '=', before.packageId).executeTakeFirstOrThrow();
    const taken: string[] = [];
    const theirProfile = routerProps.profile;
    if (theirProfile !== undefined && theirProfile !== desired.profile) {
      const match = await trx.selectFrom('packages').innerJoin('packageRouters', 'packageRouters.packageId', 'packages.id').selectAll('packages')
        .where('packageRouters.routerId', '=', object.routerId).where('packages.serviceType', '=', 'pppoe')
        .where('packages.pppProfileName', '=', theirProfile).where('packages.deletedAt', 'is', null)
        .orderBy('packages.status').orderBy('packages.id').executeTakeFirst();
      if (!match) throw new AppError('CONFLICT', 'drift.profile-unknown', { params: { profile: theirProfile } });
      pkg = match;
      taken.push(`package ${match.name}`);
    }
    let status = before.status;
    const theirDisabled = routerProps.disabled;
    if (theirDisabled !== undefined && desired.disabled !== undefined && !sameRosValue('disabled', theirDisabled, desired.disabled === 'yes')) {
      if (sameRosValue('disabled', theirDisabled, true)) status = 'suspended';
      else {
        status = statusFor(null, before.expiresAt, pkg.graceHours, now);
        // Enabled on the router but past its expiry: adopting would cut it again at the next sweep; extend instead.
        if (status === 'expired') throw new AppError('CONFLICT', 'drift.adopt-expired', { params: { accountNumber: before.accountNumber } });
      }
      taken.push(status);
    }
    if (taken.length === 0) return;
    const after: SubscriberRow = { ...before, packageId: pkg.id, status, updatedAt: now.toISOString() };
    routers = await writeSubscriber(trx, scope, {
      before, after, pkg, action: 'subscriber.router-values-adopted',
      summary: `Took the router's values for ${before.accountNumber}: ${taken.join(', ')}`,
      extraDetails: { routerId: object.routerId, routerProps: { profile: theirProfile, disabled: theirDisabled } },
    }, settings.expiryAction, now);
  });
  kickAll(scope, routers);
}
