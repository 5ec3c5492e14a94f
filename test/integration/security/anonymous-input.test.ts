import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '@shared/contract';
import type { SampleRefs } from '@shared/contract/define';
import { setUpInstallation, startTestCore, type TestCore } from '../../fixtures/test-core';
import { snapshotAll } from '../../fixtures/db-snapshot';
import { rpc, setUpOverHttp, startTestServer, type TestServer } from './harness';

/**
 * Issue 6 §4: input is validated after authentication for non-public channels, so anonymous callers
 * learn nothing of their schemas — whatever they send, the answer is the same UNAUTHENTICATED.
 */
const NON_PUBLIC = (Object.keys(contract) as ChannelName[]).filter((name) => contract[name].access !== 'public');
const refs: SampleRefs = { tenant: randomUUID(), staff: randomUUID(), router: randomUUID(), routerBackup: randomUUID(), alert: randomUUID(), package: randomUUID(), subscriber: randomUUID(), payment: randomUUID(), ledgerEntry: randomUUID(), stkRequest: randomUUID(), invoice: randomUUID(), hotspotPlan: randomUUID(), voucherBatch: randomUUID(), voucher: randomUUID(), voucherTemplate: randomUUID(), agent: randomUUID(), agentEntry: randomUUID() };
const INPUTS: [string, (name: ChannelName) => unknown][] = [
  ['its valid sample', (name) => contract[name].sample(refs)],
  ['a number', () => 42],
  ['an object with unknown keys', () => ({ __proto_pollution__: { admin: true }, page: 'one' })],
];

describe('anonymous callers of non-public channels', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    await setUpInstallation(t);
  });
  afterAll(() => t.close());

  it.each(NON_PUBLIC)('%s: UNAUTHENTICATED without schema details, for any input and any bad token; nothing written', async (name) => {
    const before = await snapshotAll(t);
    for (const token of [null, 'not-a-session-token']) {
      for (const [label, make] of INPUTS) {
        const env = await t.raw(name, make(name), token);
        expect(env, `${name} with ${label}`).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'auth.sign-in-required', params: {}, reason: 'NO_SESSION' } });
      }
    }
    expect(await snapshotAll(t)).toEqual(before);
  });
});

describe('anonymous callers over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await setUpOverHttp(s.port);
  });
  afterAll(() => s.close());

  it('get 401 with no field names for malformed input to a platform channel', async () => {
    const reply = await rpc(s.port, 'tenants.create', { name: 5, admin: 'x' });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'auth.sign-in-required', params: {}, reason: 'NO_SESSION' } });
    expect(reply.body).not.toMatch(/ownerEmail|admin\.|fields/);
  });
});
