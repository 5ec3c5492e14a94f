import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpInstallation, startTestCore, type Installation, type TestCore } from '../../fixtures/test-core';

describe('tenant files commit money durably', () => {
  let t: TestCore;
  let inst: Installation;
  beforeAll(async () => {
    t = await startTestCore();
    inst = await setUpInstallation(t);
  });
  afterAll(() => t.close());

  it('opens tenant files in WAL mode with synchronous=FULL (a commit survives power loss, not only a crash)', async () => {
    const pragmas = await t.booted.core.tenants.use(inst.tenantId, (h) => Promise.resolve({
      journal: h.raw.pragma('journal_mode', { simple: true }),
      // https://sqlite.org/pragma.html#pragma_synchronous: 2 = FULL (WAL is synced on every commit).
      synchronous: h.raw.pragma('synchronous', { simple: true }),
    }));
    expect(pragmas).toEqual({ journal: 'wal', synchronous: 2 });
  });
});
