import { rosBool } from '@shared/domain/routeros-values';
import type { RosConnection, RosRow } from '../routeros/client';

export interface RouterSecret {
  name: string;
  password: string;
  profile: string;
  service: string;
  disabled: boolean;
  comment: string;
  remoteAddress: string;
  callerId: string;
}

export interface RouterProfile {
  name: string;
  rateLimit: string;
  remoteAddress: string;
  isDefault: boolean;
}

export interface RouterQueue {
  name: string;
  target: string;
  maxLimit: string;
  disabled: boolean;
  comment: string;
}

export interface RouterLease {
  address: string;
  macAddress: string;
  comment: string;
  /** The name the client sent with its DHCP request (`android-a3f9`): a last resort for the customer's name. */
  hostName: string;
}

/** Everything adoption looks at on one router, each menu listed exactly once. */
export interface RouterSnapshot {
  secrets: RouterSecret[];
  profiles: RouterProfile[];
  queues: RouterQueue[];
  leases: RouterLease[];
}

const t = (row: RosRow, key: string): string => row[key] ?? '';

/**
 * One `print` per menu with `.proplist` (issue 9 §5: each menu once), run concurrently on the shared
 * connection. Dynamic queues (`<pppoe-…>`, one per online session) and dynamic leases are not customers.
 */
export async function readRouterSnapshot(conn: RosConnection): Promise<RouterSnapshot> {
  const [secrets, profiles, queues, leases] = await Promise.all([
    conn.print('/ppp/secret', { proplist: ['name', 'password', 'profile', 'service', 'disabled', 'comment', 'remote-address', 'caller-id'] }),
    conn.print('/ppp/profile', { proplist: ['name', 'rate-limit', 'remote-address', 'default'] }),
    conn.print('/queue/simple', { proplist: ['name', 'target', 'max-limit', 'disabled', 'comment', 'dynamic'] }),
    conn.print('/ip/dhcp-server/lease', { proplist: ['address', 'mac-address', 'comment', 'host-name', 'dynamic'] }),
  ]);
  return {
    secrets: secrets.map((r) => ({
      name: t(r, 'name'), password: t(r, 'password'), profile: t(r, 'profile') || 'default', service: t(r, 'service') || 'any',
      disabled: rosBool(r.disabled), comment: t(r, 'comment'), remoteAddress: t(r, 'remote-address'), callerId: t(r, 'caller-id'),
    })),
    profiles: profiles.map((r) => ({ name: t(r, 'name'), rateLimit: t(r, 'rate-limit'), remoteAddress: t(r, 'remote-address'), isDefault: rosBool(r.default) })),
    queues: queues.filter((r) => !rosBool(r.dynamic)).map((r) => ({
      name: t(r, 'name'), target: t(r, 'target'), maxLimit: t(r, 'max-limit'), disabled: rosBool(r.disabled), comment: t(r, 'comment'),
    })),
    leases: leases.filter((r) => !rosBool(r.dynamic)).map((r) => ({
      address: t(r, 'address'), macAddress: t(r, 'mac-address'), comment: t(r, 'comment'), hostName: t(r, 'host-name'),
    })),
  };
}
