/**
 * Issue 10 §8: a process SIGKILLed at random points during a statement import and during a renewal batch.
 * A child process (test/fixtures/money/money-child.ts) runs the job on a real tenant file; the parent watches
 * the file read-only and kills it once a seeded random number of payments has committed (so the kill lands
 * mid-import, usually inside an open transaction). A second child is killed the same way, then the job is
 * run to the end in this process. The file must then equal an uninterrupted run of the same job: every
 * payment once with the same status, every wallet, expiry and router desired state the same, the ledger
 * invariants intact, and every router object not yet applied has its outbox entry. One case then drains the
 * outbox to the RouterOS simulator and checks the secrets there.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src-main/core/context';
import { openRawSqlite } from '../../../src-main/core/db/open-sqlite';
import { withTenantScope } from '../../../src-main/core/tenancy/scope';
import { applyStatement } from '../../../src-main/core/mpesa/statement-import';
import { ingestPayments, type IncomingPayment } from '../../../src-main/core/payments/pipeline';
import { verifyLedger } from '../../../src-main/core/payments/verify';
import { routerSyncOf } from '../../../src-main/core/router-sync/runtime';
import { startRouterSimulator, type RouterSimulator } from '../../../src-main/routeros-simulator';
import { makeTempDir } from '../../fixtures/temp-dir';
import { writeStatementCsv } from '../../fixtures/mpesa/make-statement';
import { bootMoneyCore, seedMoneyTenant } from '../../fixtures/money/money-tenant';

const CHILD = join(import.meta.dirname, '../../fixtures/money/money-child.ts');
const ROWS = 200;
const SUBSCRIBERS = 20;
const ROUTER_PASSWORD = 'router api pass 1';

type Mode = 'statement' | 'batch';

const temp = makeTempDir('money-sigkill-');
afterAll(() => temp.remove());
let dirN = 0;

/** mulberry32: the kill points of a seed are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared { dir: string; tenantId: string; routerId: string; file: string }

/** A fresh tenant file with the job's input beside it (the same input for every dir). */
async function prepare(mode: Mode, sim: RouterSimulator | null): Promise<Prepared> {
  dirN += 1;
  const dir = join(temp.dir, `d${dirN}`);
  const booted = await bootMoneyCore(dir);
  try {
    const t = await seedMoneyTenant(booted, {
      subscribers: SUBSCRIBERS, ...(sim && { router: { host: '127.0.0.1', port: sim.port, username: 'api', password: ROUTER_PASSWORD }, viaChannels: true }),
    });
    const accounts = t.subscribers.map((s) => s.accountNumber);
    let file: string;
    if (mode === 'statement') {
      file = join(dir, 'statement.csv');
      writeStatementCsv(file, ROWS, accounts);
    } else {
      file = join(dir, 'batch.json');
      // A third of the price each: every subscriber renews on its 3rd, 6th, … payment; every 10th is for nobody.
      const list: IncomingPayment[] = Array.from({ length: ROWS }, (_, i) => ({
        provider: 'mpesa', reference: `KIL${String(i).padStart(7, '0')}`, amountMinor: 50_000, paidAt: '2026-11-27T07:00:00.000Z',
        accountRef: i % 10 === 9 ? `NOBODY${i}` : accounts[i % accounts.length]!, phone: null, phoneHash: null, payerName: 'PAYER', channel: 'c2b',
      }));
      writeFileSync(file, JSON.stringify(list));
    }
    return { dir, tenantId: t.tenantId, routerId: t.routerId, file };
  } finally {
    await booted.close();
  }
}

async function runInProcess(p: Prepared, mode: Mode): Promise<void> {
  const booted = await bootMoneyCore(p.dir);
  try {
    await withTenantScope(booted.core, p.tenantId, systemActor('system:mpesa'), async (scope) => {
      if (mode === 'statement') await applyStatement(scope, p.file, 'statement.csv');
      else await ingestPayments(scope, JSON.parse((await import('node:fs')).readFileSync(p.file, 'utf8')) as IncomingPayment[]);
    });
  } finally {
    await booted.close();
  }
}

/** Runs the job in a child and SIGKILLs it once `killAt` payments are committed (or lets it finish). */
async function runAndKill(p: Prepared, mode: Mode, killAt: number): Promise<{ killed: boolean; committedAtKill: number }> {
  // The loader in-process (not the tsx CLI, which runs the script in a grandchild): SIGKILL hits the process doing the job.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, p.dir, p.tenantId, mode, p.file], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => { done = true; });
  const raw = openRawSqlite(join(p.dir, 'tenants', p.tenantId, 'data.sqlite'), { readonly: true });
  try {
    const committed = () => (raw.prepare('SELECT count(*) AS n FROM payments').get() as { n: number }).n;
    let seen = committed();
    while (!done && seen < killAt) {
      await new Promise((r) => setTimeout(r, 5));
      seen = committed();
    }
    if (done) {
      const code = await exited;
      if (code !== 0) throw new Error(`child failed (${code}): ${out}`);
      return { killed: false, committedAtKill: seen };
    }
    child.kill('SIGKILL');
    await exited;
    return { killed: true, committedAtKill: seen };
  } finally {
    raw.close();
  }
}

/** What must be equal between a killed-and-resumed run and an uninterrupted one (ids differ between files). */
async function snapshot(p: Prepared) {
  const booted = await bootMoneyCore(p.dir);
  try {
    return await booted.core.tenants.use(p.tenantId, async (h) => {
      const db = h.db;
      const ledger = await verifyLedger(db);
      const payments = await db.selectFrom('payments').leftJoin('subscribers', 'subscribers.id', 'payments.subscriberId')
        .select(['payments.reference', 'payments.status', 'subscribers.accountNumber']).orderBy('payments.reference').execute();
      const subs = await db.selectFrom('subscribers').select(['id', 'accountNumber', 'expiresAt', 'status']).orderBy('accountNumber').execute();
      const wallets: Record<string, { expiresAt: string; status: string; entries: string[]; secret: string | null }> = {};
      for (const s of subs) {
        const entries = await db.selectFrom('ledgerEntries').select(['seq', 'kind', 'amountMinor', 'balanceAfterMinor', 'reference']).where('subscriberId', '=', s.id).orderBy('seq').execute();
        const obj = await db.selectFrom('routerObjects').select('desired').where('ownerId', '=', s.id).where('menu', '=', '/ppp/secret').executeTakeFirst();
        const desired = obj?.desired ? JSON.parse(obj.desired) as Record<string, string> : null;
        wallets[s.accountNumber] = {
          expiresAt: s.expiresAt, status: s.status,
          entries: entries.map((e) => `${e.seq} ${e.kind} ${e.amountMinor} ${e.balanceAfterMinor} ${e.reference ?? ''}`),
          secret: desired ? `${desired.name} profile=${desired.profile} disabled=${desired.disabled}` : null,
        };
      }
      // Every object whose desired version is not applied yet waits in the outbox (else the router never converges).
      const notQueued = await db.selectFrom('routerObjects').select('id')
        .where((eb) => eb.or([eb('appliedVersion', 'is', null), eb('appliedVersion', '<', eb.ref('version'))]))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('routerOutbox').select('routerOutbox.id')
          .whereRef('routerOutbox.objectId', '=', 'routerObjects.id').whereRef('routerOutbox.version', '=', 'routerObjects.version').where('routerOutbox.status', '=', 'pending'))))
        .execute();
      return { ledger: { ok: ledger.ok, problems: ledger.problems }, payments: payments.map((x) => `${x.reference} ${x.status} ${x.accountNumber ?? '-'}`), wallets, notQueued: notQueued.length };
    });
  } finally {
    await booted.close();
  }
}

describe.each(['statement', 'batch'] as const)('SIGKILL during a %s, then run again', (mode) => {
  let control: Awaited<ReturnType<typeof snapshot>>;
  it('an uninterrupted run is the reference', { timeout: 60_000 }, async () => {
    const p = await prepare(mode, null);
    await runInProcess(p, mode);
    control = await snapshot(p);
    expect(control.ledger).toEqual({ ok: true, problems: [] });
    expect(control.payments).toHaveLength(ROWS);
    expect(control.notQueued).toBe(0);
    expect(Object.values(control.wallets).filter((w) => w.secret !== null).length).toBeGreaterThan(0);
  });

  it.each(mode === 'statement' ? [11] : [37])('seed %i: killed twice at random points, nothing lost or applied twice', { timeout: 90_000 }, async (seed) => {
    const random = rng(seed);
    const p = await prepare(mode, null);
    const first = Math.floor(1 + random() * (ROWS / 2));
    const second = Math.floor(first + 1 + random() * (ROWS - first - 2));
    const kills = [await runAndKill(p, mode, first), await runAndKill(p, mode, second)];
    await runInProcess(p, mode);
    const after = await snapshot(p);
    expect(after).toEqual(control);
    // At least the first child was killed mid-job (it cannot have committed all rows before the watched count).
    expect(kills[0]!.killed).toBe(true);
  });
});

describe('SIGKILL during a renewal batch, then the router converges', () => {
  it('drains the outbox to the simulator: every renewed subscriber\'s secret is there and enabled', { timeout: 90_000 }, async () => {
    const sim = await startRouterSimulator({ users: [{ name: 'api', password: ROUTER_PASSWORD, group: 'full' }], seed: 'minimal' });
    try {
      const p = await prepare('batch', sim);
      const kill = await runAndKill(p, 'batch', 1 + Math.floor(rng(5)() * (ROWS - 2)));
      expect(kill.killed).toBe(true);
      await runInProcess(p, 'batch');
      const after = await snapshot(p);
      expect(after.ledger.ok).toBe(true);
      expect(after.notQueued).toBe(0);
      const booted = await bootMoneyCore(p.dir);
      try {
        const r = await routerSyncOf(booted.core).drain(p.tenantId, p.routerId);
        expect(r).toMatchObject({ refused: 0, offline: false, error: null });
      } finally {
        await booted.close();
      }
      // Every subscriber was created through the channels: each secret is on the router, cut or not as its row says.
      const wallets = Object.values(after.wallets);
      expect(wallets.filter((w) => w.status === 'active' && w.entries.some((e) => e.includes(' debit '))).length).toBeGreaterThan(0);
      const onRouter = sim.state.menu('/ppp/secret').all().map((s) => `${s.name} profile=${s.profile} disabled=${s.disabled === 'true' ? 'yes' : 'no'}`).sort();
      expect(onRouter).toEqual(wallets.map((w) => w.secret).sort());
      expect(wallets.map((w) => `${w.status} ${w.secret?.endsWith('disabled=no') ? 'enabled' : 'cut'}`).filter((x) => x !== 'active enabled' && x !== 'expired cut')).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
