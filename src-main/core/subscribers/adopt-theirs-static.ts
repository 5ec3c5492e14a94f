import { AppError } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import type { RouterObjectRow } from '../router-sync/outbox-repo';
import { sameRate } from '../router-sync/router-match';
import { kickAll } from './package-service';
import type { PackageRow } from './package-repo';
import { readSettings } from './settings';
import { STATIC_ALLOWED_LIST, STATIC_CUT_LIST, type SubscriberRow } from './subscriber-objects';
import { mustFindSubscriber } from './subscriber-repo';
import { statusFor } from './subscriber-service';
import { writeSubscriber } from './subscriber-write';

export const STATIC_MENUS: ReadonlySet<string> = new Set(['/queue/simple', '/ip/dhcp-server/lease', '/ip/firewall/address-list']);

/** `5000000/10000000` or `5M/10M` → kbps pair, for matching a package's rate. */
function kbpsPair(text: string): { rx: number; tx: number } | null {
  const unit: Record<string, number> = { '': 0.001, k: 1, K: 1, M: 1000, G: 1_000_000 };
  const parts = text.split('/').map((p) => /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(p.trim()));
  if (parts.length !== 2 || parts.some((m) => m === null)) return null;
  const [rx, tx] = parts.map((m) => Math.round(Number(m![1]) * unit[m![2]!]!));
  return { rx: rx!, tx: tx! };
}

/**
 * Drift "adopt theirs" for a static subscriber's objects: staff say the router is right.
 * `/queue/simple`: a new `max-limit` → the static package on that router with that rate (else
 * `drift.rate-unknown`), a new `name` → the queue name kept from now on. `/ip/dhcp-server/lease`: a new
 * `mac-address` → the subscriber's MAC. `/ip/firewall/address-list`: moved to the cut list → suspended,
 * back to the allowed list → active again (refused past expiry, as for secrets). A changed address is not
 * taken (it would move the subscriber in the pool): apply ours, or edit the subscriber.
 */
export async function adoptStaticObject(scope: TenantScope, object: RouterObjectRow, routerProps: Record<string, string>): Promise<void> {
  const desired = JSON.parse(object.desired!) as Record<string, string>;
  const before = await mustFindSubscriber(scope.db, object.ownerId);
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  const differs = (k: string) => routerProps[k] !== undefined && routerProps[k] !== desired[k];
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    let pkg: PackageRow = await trx.selectFrom('packages').selectAll().where('id', '=', before.packageId).executeTakeFirstOrThrow();
    const patch: Partial<SubscriberRow> = {};
    const taken: string[] = [];
    if (object.menu === '/queue/simple') {
      const theirs = routerProps['max-limit'];
      if (theirs !== undefined && desired['max-limit'] !== undefined && !sameRate(theirs, desired['max-limit'])) {
        const rate = kbpsPair(theirs);
        const candidates = rate === null ? [] : await trx.selectFrom('packages').innerJoin('packageRouters', 'packageRouters.packageId', 'packages.id').selectAll('packages')
          .where('packageRouters.routerId', '=', object.routerId).where('packages.serviceType', '=', 'static').where('packages.deletedAt', 'is', null)
          .where('packages.rateRxKbps', '=', rate.rx).where('packages.rateTxKbps', '=', rate.tx).where('packages.burst', 'is', null)
          .orderBy('packages.status').orderBy('packages.id').execute();
        const match = candidates[0];
        if (!match) throw new AppError('CONFLICT', 'drift.rate-unknown', { params: { rate: theirs } });
        pkg = match;
        patch.packageId = match.id;
        taken.push(`package ${match.name}`);
      }
      if (differs('name')) {
        patch.queueName = routerProps.name!;
        taken.push(`queue name ${routerProps.name!}`);
      }
    } else if (object.menu === '/ip/dhcp-server/lease') {
      if (differs('mac-address')) {
        patch.macAddress = routerProps['mac-address']!;
        taken.push(`MAC ${routerProps['mac-address']!}`);
      }
    } else if (differs('list')) {
      if (routerProps.list === STATIC_CUT_LIST) patch.status = 'suspended';
      else if (routerProps.list === STATIC_ALLOWED_LIST) {
        patch.status = statusFor(null, before.expiresAt, pkg.graceHours, now);
        if (patch.status === 'expired') throw new AppError('CONFLICT', 'drift.adopt-expired', { params: { accountNumber: before.accountNumber } });
      }
      if (patch.status) taken.push(patch.status);
    }
    if (taken.length === 0) throw new AppError('CONFLICT', 'drift.action-not-possible', { params: { kind: 'different', action: 'adopt-theirs' } });
    const after: SubscriberRow = { ...before, ...patch, updatedAt: now.toISOString() };
    routers = await writeSubscriber(trx, scope, {
      before, after, pkg, action: 'subscriber.router-values-adopted',
      summary: `Took the router's values for ${before.accountNumber}: ${taken.join(', ')}`,
      extraDetails: { routerId: object.routerId, menu: object.menu, routerProps },
    }, settings.expiryAction, now);
  });
  kickAll(scope, routers);
}
