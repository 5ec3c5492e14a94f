import { rosVersionParts } from '../routeros/script';
/**
 * The fixed set of router objects expiry enforcement needs (router-enforcement.md §2.1), as desired state
 * for the router outbox (owner 'prerequisite'). Their number does not grow with subscribers: per-subscriber
 * data lives in the secrets' and address-list entries' comments. Named objects are found by `name=`,
 * firewall rules by their `ispdesk:fw:<role>;` comment; comments carry `v=<n>` so a new version is a `set`
 * in place, never a second `add`.
 *
 * `ispdesk-state` is installed without a comment on purpose: its comment is the high-water mark the router
 * and the app keep moving forward (hwm.ts); desired state must never write it back to an older value.
 */
import type { DesiredObject } from '../router-sync/desired-object';
import {
  ENFORCE_SCRIPT,
  ENFORCE_VERSION,
  EXPIRED_LIST,
  EXPIRED_PROFILE,
  STATE_SCRIPT,
  buildEnforceScript,
  type ExpiryAction,
} from './enforce-script';

export interface EnforcementSettings {
  expiryAction: ExpiryAction;
  /** `http://<IPv4>[:port]/…` of the payment notice page; null = no HTTP redirect. */
  noticeUrl: string | null;
  /** Strict mode: assumed outage (seconds) while the clock is unknown; null = off. */
  strictAssumeSec: number | null;
}

export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = { expiryAction: 'disable', noticeUrl: null, strictAssumeSec: null };

/** Rate of the expired profile: enough for the notice page and payment, not for service. */
export const EXPIRED_RATE = '64k/64k';

/** Host and port of a notice URL the router can dst-nat to; null when it is not `http://<IPv4>[:port]`. */
export function noticeTarget(url: string): { address: string; port: string } | null {
  const m = /^http:\/\/((?:\d{1,3}\.){3}\d{1,3})(?::(\d{1,5}))?(?:\/.*)?$/.exec(url.trim());
  if (!m || m[1]!.split('.').some((o) => Number(o) > 255)) return null;
  const port = m[2] ?? '80';
  if (Number(port) < 1 || Number(port) > 65535) return null;
  return { address: m[1]!, port };
}

const fwTag = (role: string): string => `ispdesk:fw:${role};`;
const fwComment = (role: string): string => `${fwTag(role)}v=${ENFORCE_VERSION}`;

export function prerequisiteObjects(routerId: string, major: 6 | 7, s: EnforcementSettings): DesiredObject[] {
  const owner = { type: 'prerequisite' as const, id: routerId };
  const obj = (menu: DesiredObject['menu'], tag: string, props: Record<string, string>): DesiredObject => ({ routerId, menu, tag, owner, props });
  const schedulerProps = (name: string, interval: string): Record<string, string> => ({
    name,
    'start-time': 'startup',
    interval,
    'on-event': ENFORCE_SCRIPT,
    policy: 'read,write',
    disabled: 'no',
    comment: `ispdesk:${name === 'ispdesk-tick' ? 'tick' : 'boot'};v=${ENFORCE_VERSION}`,
  });
  const out: DesiredObject[] = [
    obj('/system/script', `name=${ENFORCE_SCRIPT}`, {
      name: ENFORCE_SCRIPT,
      source: buildEnforceScript({ major, action: s.expiryAction, strictAssumeSec: s.strictAssumeSec }),
      policy: 'read,write',
      'dont-require-permissions': 'no',
      comment: `ispdesk:enforce;v=${ENFORCE_VERSION}`,
    }),
    obj('/system/script', `name=${STATE_SCRIPT}`, { name: STATE_SCRIPT, source: '', policy: 'read' }),
    // Ticker from boot; `interval=0` runs once per boot ("startup" entries: Scheduler manual).
    obj('/system/scheduler', 'name=ispdesk-tick', schedulerProps('ispdesk-tick', '1m')),
    obj('/system/scheduler', 'name=ispdesk-boot', schedulerProps('ispdesk-boot', '0s')),
    obj('/ppp/profile', `name=${EXPIRED_PROFILE}`, {
      name: EXPIRED_PROFILE,
      'address-list': EXPIRED_LIST,
      'rate-limit': EXPIRED_RATE,
      comment: `ispdesk:profile;v=${ENFORCE_VERSION}`,
    }),
    obj('/ip/firewall/filter', fwTag('dns'), {
      chain: 'forward',
      'src-address-list': EXPIRED_LIST,
      protocol: 'udp',
      'dst-port': '53',
      action: 'accept',
      comment: fwComment('dns'),
    }),
  ];
  const notice = s.noticeUrl ? noticeTarget(s.noticeUrl) : null;
  if (notice) {
    out.push(
      obj('/ip/firewall/filter', fwTag('notice'), {
        chain: 'forward',
        'src-address-list': EXPIRED_LIST,
        'dst-address': notice.address,
        protocol: 'tcp',
        'dst-port': notice.port,
        action: 'accept',
        comment: fwComment('notice'),
      }),
      obj('/ip/firewall/nat', fwTag('redirect'), {
        chain: 'dstnat',
        'src-address-list': EXPIRED_LIST,
        protocol: 'tcp',
        'dst-port': '80',
        action: 'dst-nat',
        'to-addresses': notice.address,
        'to-ports': notice.port,
        comment: fwComment('redirect'),
      }),
    );
  }
  out.push(
    obj('/ip/firewall/filter', fwTag('drop'), {
      chain: 'forward',
      'src-address-list': EXPIRED_LIST,
      action: 'drop',
      comment: fwComment('drop'),
    }),
  );
  return out;
}

/** Every prerequisite tag a router may hold, as removals (`props: null`) for enforcement.remove. */
export function prerequisiteRemovals(routerId: string): DesiredObject[] {
  const all = prerequisiteObjects(routerId, 7, { ...DEFAULT_ENFORCEMENT_SETTINGS, noticeUrl: 'http://10.0.0.1/' });
  return all.map((o) => ({ ...o, props: null }));
}

/** The script detects the date format itself; only the NTP client differs between v6 and v7. Null while unknown. */
export function routerMajor(version: string | null): 6 | 7 | null {
  const v = version ? rosVersionParts(version) : null;
  if (!v) return null;
  return v.major <= 6 ? 6 : 7;
}
