import { encodeEnforcementTag, subscriberTagPrefix } from '@shared/domain/enforcement-tag';
import type { DesiredObject, RouterMenu } from '../router-sync/desired-object';
import type { SubscribersTable } from '../db/tenant-schema';
import type { Selectable } from 'kysely';
import { rateLimitOf, type PackageRow } from './package-repo';
import { pppRateLimit, queueLimits } from './router-format';

/** Profile of expired PPPoE subscribers under the 'expired-profile' action (installed by the pre-flight step). */
export const EXPIRED_PROFILE = 'ispdesk-expired';
/** Address lists of static subscribers: allowed through, or cut (walled garden / drop). */
export const STATIC_ALLOWED_LIST = 'ispdesk-static';
export const STATIC_CUT_LIST = 'ispdesk-expired';
/** Secret-store name of a subscriber's PPPoE password (owner type 'subscriber'). */
export const PPPOE_PASSWORD_SECRET = 'pppoe-password';

/** One definition, owned by the enforcement domain (its setting, its router script). */
export type { ExpiryAction } from '../enforcement/enforce-script';
import type { ExpiryAction } from '../enforcement/enforce-script';
export type SubscriberRow = Selectable<SubscribersTable>;

const SUBSCRIBER_MENUS: Record<'pppoe' | 'static', RouterMenu[]> = {
  pppoe: ['/ppp/secret'],
  static: ['/ip/dhcp-server/lease', '/queue/simple', '/ip/firewall/address-list'],
};

/** Every object a subscriber may have on a router, marked "must not exist" (delete, router move, type change). */
export function subscriberRemovals(subscriberId: string, routerId: string): DesiredObject[] {
  const tag = subscriberTagPrefix(subscriberId);
  return [...SUBSCRIBER_MENUS.pppoe, ...SUBSCRIBER_MENUS.static].map((menu) => ({
    routerId, menu, tag, owner: { type: 'subscriber', id: subscriberId }, props: null,
  }));
}

/** The package's PPP profile name on the router, or null for static packages. */
export function planOf(pkg: PackageRow): string {
  return pkg.serviceType === 'pppoe' ? (pkg.pppProfileName ?? 'default') : STATIC_ALLOWED_LIST;
}

/**
 * What a subscriber must look like on its router (objects of its own service type only; a change of
 * type or router also queues `subscriberRemovals` for what it had before). The comment carries the enforcement tag: `exp` is the
 * moment the router itself cuts (expiry + grace), so a router with no desktop running enforces the same
 * deadline as the app's sweep.
 */
export function subscriberObjects(s: SubscriberRow, pkg: PackageRow, action: ExpiryAction): DesiredObject[] {
  if (s.deletedAt !== null) return subscriberRemovals(s.id, s.routerId);
  const tag = subscriberTagPrefix(s.id);
  const owner = { type: 'subscriber' as const, id: s.id };
  const cutAtMs = new Date(s.expiresAt).getTime() + pkg.graceHours * 3_600_000;
  const comment = encodeEnforcementTag({ subscriberId: s.id, expiresAtSec: Math.floor(cutAtMs / 1000), plan: planOf(pkg), cutAtSec: null });
  const staffCut = s.status === 'suspended' || s.status === 'disabled';
  const expired = s.status === 'expired';

  if (s.serviceType === 'pppoe') {
    const profile = expired && action === 'expired-profile' ? EXPIRED_PROFILE : planOf(pkg);
    const disabled = staffCut || (expired && action === 'disable');
    return [
      {
        routerId: s.routerId, menu: '/ppp/secret', tag, owner,
        props: { name: s.username ?? s.accountNumber, service: 'pppoe', profile, disabled: disabled ? 'yes' : 'no', comment },
        sealed: { password: PPPOE_PASSWORD_SECRET },
      },
    ];
  }

  if (s.ipAddress === null) return subscriberRemovals(s.id, s.routerId).filter((o) => SUBSCRIBER_MENUS.static.includes(o.menu));
  const cut = staffCut || expired;
  const out: DesiredObject[] = [];
  // A static DHCP lease needs a MAC (RouterOS refuses a lease without one); without it the address is set on the CPE.
  out.push({
    routerId: s.routerId, menu: '/ip/dhcp-server/lease', tag, owner,
    props: s.macAddress ? { address: s.ipAddress, 'mac-address': s.macAddress, comment } : null,
  });
  // An adopted queue keeps the router's own name (`queueName`), so adopting it changes nothing but the comment.
  out.push({
    routerId: s.routerId, menu: '/queue/simple', tag, owner,
    props: { name: s.queueName ?? `ispdesk-${s.accountNumber}`, target: `${s.ipAddress}/32`, ...queueLimits(rateLimitOf(pkg)), comment },
  });
  out.push({
    routerId: s.routerId, menu: '/ip/firewall/address-list', tag, owner,
    props: { list: cut ? STATIC_CUT_LIST : STATIC_ALLOWED_LIST, address: s.ipAddress, comment },
  });
  return out;
}

/** The PPP profile ISP Desk maintains for a 'managed' package, on one router (or its removal). */
export function packageProfileObject(pkg: PackageRow, routerId: string, present: boolean): DesiredObject | null {
  if (pkg.serviceType !== 'pppoe' || pkg.pppProfileMode !== 'managed' || !pkg.pppProfileName) return null;
  const props: Record<string, string> = { name: pkg.pppProfileName, 'rate-limit': pppRateLimit(rateLimitOf(pkg)) };
  if (pkg.remotePool) props['remote-address'] = pkg.remotePool;
  return {
    routerId, menu: '/ppp/profile', tag: `name=${pkg.pppProfileName}`, owner: { type: 'package', id: pkg.id },
    props: present ? props : null,
  };
}
