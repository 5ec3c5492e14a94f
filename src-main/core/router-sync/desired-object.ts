/**
 * One object the app manages on a router, as other domains hand it to the outbox: found on the router by
 * `tag` (the stable start of its `comment`, or its `name` for named objects), written with `props`.
 * `props: null` means "must not exist" (a deleted subscriber, a moved router).
 */
export interface DesiredObject {
  routerId: string;
  /** API menu path, e.g. `/ppp/secret`, `/queue/simple`, `/ip/dhcp-server/lease`, `/ip/firewall/address-list`. */
  menu: RouterMenu;
  /** Identifies the object on the router: a comment prefix (`ispdesk:v1;sid=<id>;`) or `name=<name>`. */
  tag: string;
  owner: { type: ObjectOwnerType; id: string };
  /** Every property the app decides, as RouterOS text (`disabled: 'yes'`); null = remove from the router. */
  props: Record<string, string> | null;
  /** Properties whose value lives sealed in the secret store (passwords): prop → secret name of the owner. */
  sealed?: Record<string, string>;
}

export type RouterMenu =
  | '/ppp/secret'
  | '/ppp/profile'
  | '/ip/pool'
  | '/queue/simple'
  | '/ip/dhcp-server/lease'
  | '/ip/firewall/address-list'
  | '/ip/firewall/filter'
  | '/ip/firewall/nat'
  | '/system/script'
  | '/system/scheduler'
  | '/ip/hotspot/user/profile'
  | '/ip/hotspot/user';

/** Who asked for an object: a subscriber, a package, or the enforcement prerequisites of a router. */
export type ObjectOwnerType = 'subscriber' | 'package' | 'prerequisite' | 'hotspot-plan' | 'voucher';

/** A tag of the form `name=<name>` matches by name; anything else is a comment prefix. */
export function tagMatches(tag: string, item: { name?: string; comment?: string }): boolean {
  if (tag.startsWith('name=')) return item.name === tag.slice(5);
  return (item.comment ?? '').startsWith(tag);
}
