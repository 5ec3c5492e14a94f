import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_KINDS, ROUTER_STATUSES } from '@shared/contract/routers';
import { permissionsOf, type Role } from '@shared/domain/permissions';
import type { Principal } from '@shared/contract/auth';
import { en } from '../../../src-renderer/app/locales/en';
import { visibleAreas } from '../../../src-renderer/app/areas';
import { paths, routerRoute } from '../../../src-renderer/app/paths';
import { parseHash } from '../../../src-renderer/app/router';
import { LastKnown } from '../../../src-renderer/features/routers/last-known';
import { generatePassword } from '../../../src-renderer/features/routers/password';
import { defaultInterface, type InterfaceRow } from '../../../src-renderer/features/routers/tabs/interface-pick';
import { formatBitRate, formatByteSize, formatSkew } from '../../../src-renderer/features/routers/units';
import { timeFormat } from '../../../src-renderer/app/time-format';

const TENANT_ID = '0190a0b0-0000-7000-8000-000000000001';
const ROUTER_ID = '0190a0b0-0000-7000-8000-0000000000aa';

function staff(roles: Role[]): Principal {
  return {
    kind: 'staff', userId: '0190a0b0-0000-7000-8000-000000000002', fullName: 'A', email: 'a@example.com', roles,
    permissions: [...permissionsOf(roles)], mustChangePassword: false,
    tenant: { id: TENANT_ID, name: 'Net', currency: 'KES', timezone: 'Africa/Nairobi', isDemo: false },
  };
}

function iface(name: string, extra: Partial<InterfaceRow> = {}): InterfaceRow {
  return {
    id: `*${name.length}`, name, type: 'ether', running: true, disabled: false, macAddress: null, rxBytes: 0, txBytes: 0,
    rxBitsPerSecond: 0, txBitsPerSecond: 0, comment: '', ...extra,
  };
}

describe('routers strings', () => {
  it('labels every router status and diagnosis kind', () => {
    for (const s of ROUTER_STATUSES) expect(typeof en.routers.status[s]).toBe('string');
    for (const k of DIAGNOSIS_KINDS) expect(typeof en.routers.diagnosis.kind[k]).toBe('string');
  });
});

describe('offline dashboard', () => {
  it('keeps the last figures per router with their age', () => {
    const cache = new LastKnown<{ cpu: number }>();
    expect(cache.get(ROUTER_ID, 1_000)).toBeNull();
    cache.remember(ROUTER_ID, { cpu: 12 }, 1_000);
    cache.remember('other', { cpu: 99 }, 5_000);
    expect(cache.get(ROUTER_ID, 61_000)).toEqual({ data: { cpu: 12 }, readAt: 1_000, ageMs: 60_000 });
    expect(en.routers.diagnosis.kind['went-silent']).toMatch(/power or uplink/);
  });
});

describe('routers area and dashboard routes', () => {
  it('shows Routers to roles with routers.read only', () => {
    expect(visibleAreas(staff(['TECHNICIAN'])).map((a) => a.id)).toContain('routers');
    expect(visibleAreas(staff(['VIEWER'])).map((a) => a.id)).toContain('routers');
    expect(visibleAreas(staff(['CASHIER'])).map((a) => a.id)).not.toContain('routers');
  });

  it('builds and reads #/t/<tenant>/routers/<router>/<tab>', () => {
    const to = paths.router(TENANT_ID, ROUTER_ID, 'interfaces');
    expect(to).toBe(`/t/${TENANT_ID}/routers/${ROUTER_ID}/interfaces`);
    expect(routerRoute(parseHash(`#${to}`).segments)).toEqual({ routerId: ROUTER_ID, tab: 'interfaces' });
    expect(routerRoute(parseHash(`#${paths.router(TENANT_ID, ROUTER_ID)}`).segments)).toEqual({ routerId: ROUTER_ID, tab: undefined });
    expect(routerRoute(parseHash(`#/t/${TENANT_ID}/routers`).segments)).toBeNull();
    expect(routerRoute(parseHash(`#/t/${TENANT_ID}/staff/x`).segments)).toBeNull();
  });
});

describe('routers formatting', () => {
  it('formats bit rates and byte sizes', () => {
    expect(formatBitRate(0)).toBe('0 bps');
    expect(formatBitRate(850)).toBe('850 bps');
    expect(formatBitRate(1_500)).toBe('1.50 kbps');
    expect(formatBitRate(180_400_000)).toBe('180.4 Mbps');
    expect(formatBitRate(1_250_000_000)).toBe('1.25 Gbps');
    expect(formatByteSize(512)).toBe('512 B');
    expect(formatByteSize(1024 * 1024 * 1024)).toBe('1.00 GiB');
    expect(formatByteSize(128 * 1024 * 1024)).toBe('128.0 MiB');
  });

  it('formats relative times and clock skew', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const formatRelative = timeFormat('Africa/Nairobi', 'en-KE').relative;
    expect(formatRelative('2026-03-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-03-01T12:00:03Z', now)).toBe('now');
    expect(formatRelative('2026-02-27T12:00:00Z', now)).toBe('2 days ago');
    expect(formatSkew(190_000)).toBe('+3m 10s');
    expect(formatSkew(-45_000)).toBe('−45s');
    expect(formatSkew(300)).toBe('0s');
  });
});

describe('live chart default', () => {
  it('prefers a running WAN-like interface, then the first running ethernet port', () => {
    expect(defaultInterface([iface('bridge', { type: 'bridge' }), iface('ether2'), iface('ether1-WAN')])).toBe('ether1-WAN');
    expect(defaultInterface([iface('ether1', { comment: 'Safaricom fibre uplink' }), iface('ether2')])).toBe('ether1');
    expect(defaultInterface([iface('bridge', { type: 'bridge' }), iface('ether3', { running: false }), iface('ether4')])).toBe('ether4');
    expect(defaultInterface([iface('ether1', { running: false })])).toBeUndefined();
  });
});

describe('bootstrap password', () => {
  it('is long, varied and free of characters RouterOS scripts treat specially', () => {
    const a = generatePassword();
    expect(a).toHaveLength(24);
    expect(a).not.toMatch(/[$?"\\\s]/);
    expect(generatePassword()).not.toBe(a);
  });
});
