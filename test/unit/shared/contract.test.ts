import { describe, expect, it } from 'vitest';
import { contract, events, streams } from '@shared/contract';
import type { SampleRefs } from '@shared/contract/define';
import { uuidv7 } from '@shared/domain/ids';

const refs = new Proxy({} as SampleRefs, { get: () => uuidv7() });

describe('the RPC contract', () => {
  it('names channels domain.verb with kebab-case words', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+(\.[a-z]+(-[a-z]+)*)+$/);
    const streamNames = Object.keys(streams);
    for (const name of streamNames) expect(name).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
    // A stream's events are its name plus .chunk, .end or .error; every other event is domain.kebab-name.
    for (const name of Object.keys(events)) {
      const stream = /^(.+)\.(chunk|end|error)$/.exec(name)?.[1];
      if (stream && streamNames.includes(stream)) continue;
      expect(name).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
    }
  });

  it('declares chunk, end and error events for every stream, typed by the stream', () => {
    for (const [name, def] of Object.entries(streams)) {
      const chunk = events[`${name}.chunk` as keyof typeof events];
      expect(chunk.access).toBe(def.access);
      expect(events[`${name}.end` as keyof typeof events].access).toBe('session');
      expect(events[`${name}.error` as keyof typeof events].payload.safeParse({ streamId: 'x', data: { code: 'FORBIDDEN', key: 'auth.role-revoked', params: {} } }).success).toBe(true);
      // The chunk payload is the stream's chunk schema under `data`, with the stream id.
      expect(chunk.payload.safeParse({ streamId: 'x', data: {} }).success).toBe(def.chunk.safeParse({}).success);
      expect(chunk.payload.safeParse({ data: {} }).success).toBe(false);
    }
    expect(events['routers.live-traffic.chunk'].payload.safeParse({
      streamId: 'x', data: { at: '2030-01-01T00:00:00.000Z', interfaces: [{ name: 'ether1', rxBitsPerSecond: 1, txBitsPerSecond: 2 }] },
    }).success).toBe(true);
    expect(events['routers.live-traffic.chunk'].payload.safeParse({
      streamId: 'x', data: { at: '2030-01-01T00:00:00.000Z', interfaces: [{ name: 'ether1', 'rx-bits-per-second': '1' }] },
    }).success).toBe(false);
  });

  it("accepts every channel's own sample input", () => {
    for (const [name, def] of Object.entries(contract)) {
      const r = def.input.safeParse(def.sample(refs));
      expect(r.success, `${name}: ${r.success ? '' : JSON.stringify(r.error.issues)}`).toBe(true);
    }
  });

  it('rejects unknown input keys on every channel (strict inputs)', () => {
    for (const [name, def] of Object.entries(contract)) {
      const sample = def.sample(refs) as Record<string, unknown>;
      const r = def.input.safeParse({ ...sample, unexpectedKey: 1 });
      expect(r.success, name).toBe(false);
    }
  });

  it('normalises contact fields at the edge', () => {
    const r = contract['staff.create'].input.parse({ fullName: '  Cass  ', email: ' Cass@Example.COM ', phone: '0712 345 678', roles: ['CASHIER'], password: 'long enough pass' });
    expect(r).toMatchObject({ fullName: 'Cass', email: 'cass@example.com', phone: '+254712345678' });
  });

  it('gives field-level messages for bad tenant input', () => {
    const r = contract['tenants.create'].input.safeParse({ name: ' ', ownerName: 'x', ownerEmail: 'nope', ownerPhone: '12', timezone: 'Mars/Base', admin: { fullName: 'A', email: 'a', password: 'short' } });
    expect(r.success).toBe(false);
    const paths = new Set(r.error!.issues.map((i) => i.path.join('.')));
    for (const p of ['name', 'ownerName', 'ownerEmail', 'ownerPhone', 'timezone', 'admin.fullName', 'admin.email', 'admin.password']) expect(paths).toContain(p);
  });

  it('applies tenant defaults on create but never on edit', () => {
    const created = contract['tenants.create'].input.parse(contract['tenants.create'].sample(refs));
    expect(created).toMatchObject({ country: 'KE', currency: 'KES', timezone: 'Africa/Nairobi', status: 'active' });
    const edit = contract['tenants.update'].input.parse({ tenantId: uuidv7(), ownerName: 'New Owner' });
    expect(edit).toEqual({ tenantId: expect.any(String), ownerName: 'New Owner' });
  });

  it('stores VAT as basis points within 0–100 %', () => {
    const base = contract['settings.update'].sample(refs);
    expect(contract['settings.update'].input.safeParse({ ...base, vatRateBasisPoints: 1600 }).success).toBe(true);
    expect(contract['settings.update'].input.safeParse({ ...base, vatRateBasisPoints: 16.5 }).success).toBe(false);
    expect(contract['settings.update'].input.safeParse({ ...base, vatRateBasisPoints: 10_001 }).success).toBe(false);
  });
});
