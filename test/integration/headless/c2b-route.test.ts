import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '@shared/contract';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/headless/server';
import { MAX_C2B_BODY_BYTES } from '../../../src-main/headless/c2b-route';
import { silentLogger } from '../../../src-main/core/ports';
import { makeTempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../fixtures/fake-clock';
import { dispatcherCaller, setUpInstallation } from '../../fixtures/test-core';
import { pppoePackage } from '../subscribers/harness';

interface Reply { status: number; json: unknown }

/** Posts as Safaricom would, through the ISP's proxy: its public host name, no session. */
function post(port: number, path: string, body: string, host = 'pay.isp.example'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { host, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text === '' ? null : JSON.parse(text) as unknown });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function payload(over: Record<string, string> = {}): Record<string, string> {
  return {
    TransactionType: 'Pay Bill', TransID: 'RKL51ZDR4F', TransTime: '20261127105913', TransAmount: '1500.00', BusinessShortCode: '600984',
    BillRefNumber: 'nobody', InvoiceNumber: '', OrgAccountBalance: '', ThirdPartyTransID: '',
    MSISDN: 'a'.repeat(64), FirstName: 'NICHOLAS', MiddleName: '', LastName: '', ...over,
  };
}

describe('C2B validation and confirmation mounted by the headless server', () => {
  let server: HeadlessServer;
  const temp = makeTempDir();
  let call: <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  let tenantId: string;
  let account: string;
  let subscriberId: string;
  let paths: { validationPath: string; confirmationPath: string };

  beforeAll(async () => {
    server = await startHeadlessServer({ dataDir: temp.dir, port: 0, log: silentLogger, rendererDir: temp.dir, clock: new FakeClock(), background: false });
    const booted = server.booted;
    const t = dispatcherCaller(booted);
    const inst = await setUpInstallation(t);
    tenantId = inst.tenantId;
    call = (channel, input) => t.call(channel, input, inst.adminToken);
    const router = await call('routers.create', { name: 'Tower A', host: '127.0.0.1', port: 1, username: 'api', password: 'router pass 1' });
    const pkg = await call('packages.create', pppoePackage([router.id]));
    const s = await call('subscribers.create', { fullName: 'Wanjiru Kamau', phones: ['0733000001'], routerId: router.id, packageId: pkg.id, expiresAt: '2026-12-27T08:00:00.000Z' });
    account = s.accountNumber;
    subscriberId = s.id;
    await call('mpesa.settings.update', { accountType: 'paybill', shortcode: '600984', environment: 'sandbox', c2bRejectUnknown: false });
    paths = await call('payments.callback-urls', {});
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  const url = (kind: 'validation' | 'confirmation', id = tenantId) => (kind === 'validation' ? paths.validationPath : paths.confirmationPath).replace(tenantId, id);

  it('gives the ADMIN the same secret paths every time; a wrong or missing secret is refused like an unknown tenant', async () => {
    expect(paths.validationPath).toMatch(new RegExp(`^/c2b/${tenantId}/[A-Za-z0-9_-]{43}/validation$`));
    expect(await call('payments.callback-urls', {})).toEqual(paths);
    const token = paths.validationPath.split('/')[3]!;
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const body = JSON.stringify(payload({ BillRefNumber: account, TransID: 'SKT0000001' }));
    expect(await post(server.port, paths.confirmationPath.replace(token, wrong), body)).toEqual({ status: 404, json: { ResultCode: 1, ResultDesc: 'Rejected' } });
    expect((await post(server.port, `/c2b/${tenantId}/confirmation`, body)).status).not.toBe(200);
    expect((await call('payments.list', { page: 1, pageSize: 10, subscriberId })).total).toBe(0);
  });

  it('validation accepts any account while the tenant allows unknown accounts, and rejects them once it does not', async () => {
    expect(await post(server.port, url('validation'), JSON.stringify(payload()))).toEqual({ status: 200, json: { ResultCode: '0', ResultDesc: 'Accepted' } });
    await call('mpesa.settings.update', { accountType: 'paybill', shortcode: '600984', environment: 'sandbox', c2bRejectUnknown: true });
    expect(await post(server.port, url('validation'), JSON.stringify(payload()))).toEqual({ status: 200, json: { ResultCode: 'C2B00012', ResultDesc: 'Rejected' } });
    expect(await post(server.port, url('validation'), JSON.stringify(payload({ BillRefNumber: account }))))
      .toEqual({ status: 200, json: { ResultCode: '0', ResultDesc: 'Accepted' } });
    // Another business's shortcode at this tenant's URL, and a payload without an amount.
    expect((await post(server.port, url('validation'), JSON.stringify(payload({ BillRefNumber: account, BusinessShortCode: '111111' })))).json)
      .toEqual({ ResultCode: 'C2B00015', ResultDesc: 'Rejected' });
    expect((await post(server.port, url('validation'), JSON.stringify(payload({ BillRefNumber: account, TransAmount: '' })))).json)
      .toEqual({ ResultCode: 'C2B00013', ResultDesc: 'Rejected' });
  });

  it('confirmation credits the subscriber once, however often Safaricom repeats it', async () => {
    const body = JSON.stringify(payload({ TransID: 'SKT7Q2XB4M', BillRefNumber: account, TransAmount: '1500.00' }));
    expect(await post(server.port, url('confirmation'), body)).toEqual({ status: 200, json: { ResultCode: 0, ResultDesc: 'Success' } });
    expect(await post(server.port, url('confirmation'), body)).toEqual({ status: 200, json: { ResultCode: 0, ResultDesc: 'Success' } });
    const list = await call('payments.list', { page: 1, pageSize: 10, subscriberId });
    expect(list.items.map((p) => [p.reference, p.channel, p.status, p.amountMinor])).toEqual([['SKT7Q2XB4M', 'c2b', 'applied', 150000]]);
    expect((await call('wallet.get', { subscriberId, page: 1, pageSize: 10 })).entries.total).toBe(2);
  });

  it('answers bad JSON, oversized bodies, unknown tenants and other methods in Daraja shapes, and keeps serving', async () => {
    expect(await post(server.port, url('validation'), '{oops')).toEqual({ status: 400, json: { ResultCode: 'C2B00016', ResultDesc: 'Rejected' } });
    expect(await post(server.port, url('confirmation'), '[1,2]')).toEqual({ status: 400, json: { ResultCode: 1, ResultDesc: 'Rejected' } });
    expect(await post(server.port, url('confirmation'), JSON.stringify({ ...payload(), pad: 'x'.repeat(MAX_C2B_BODY_BYTES) })))
      .toEqual({ status: 413, json: { ResultCode: 1, ResultDesc: 'Rejected' } });
    expect(await post(server.port, url('validation', '0190d2a4-0000-7000-8000-000000000000'), JSON.stringify(payload())))
      .toEqual({ status: 404, json: { ResultCode: 'C2B00016', ResultDesc: 'Rejected' } });
    const get = await new Promise<number>((resolve) => request({ host: '127.0.0.1', port: server.port, path: url('validation'), headers: { host: 'x' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).end());
    expect(get).toBe(405);
    // Not a path the public proxy may use for anything else: the RPC routes still refuse a foreign Host.
    expect((await post(server.port, '/rpc/setup.status', '{}')).status).toBe(421);
    expect(await post(server.port, url('validation'), JSON.stringify(payload({ BillRefNumber: account })))).toEqual({ status: 200, json: { ResultCode: '0', ResultDesc: 'Accepted' } });
  });
});
