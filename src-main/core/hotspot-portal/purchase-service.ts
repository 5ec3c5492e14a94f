/**
 * Buying a voucher from the captive portal (issue 11 §5): STK push → the page polls → on payment a
 * one-voucher batch (request key = the STK request id, so it is made once) → the device is logged in with
 * `/ip hotspot active login` → the code is shown. Every step can run again (the page's poll, the follow-up
 * job, a restart) and finds what the previous run did: a customer who paid always ends with a voucher, kept
 * on the purchase and shown again on the next poll.
 */
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { normalisePhone } from '@shared/domain/phone';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantScope } from '../context';
import type { PortalPurchasesTable } from '../db/tenant-schema';
import { appendAudit } from '../auth/audit';
import { requestStk, refreshStk } from '../mpesa/stk-flow';
import { createBatch } from '../hotspot/batch-service';
import { routersOf } from '../routers/runtime';
import { routerSyncOf } from '../router-sync/runtime';
import { pageQuery } from '../paging';
import { containsText } from '../db/query-helpers';
import { readPortalRow, sellablePlans } from './settings-service';

export interface BuyRequest {
  planId: string;
  phone: string;
  mac: string;
  ip: string;
  /** The page's key for one press of "Pay"; the same key again returns the same purchase. */
  key?: string;
}

/** What the page reads when it polls. */
export interface PurchaseView {
  id: string;
  status: PortalPurchasesTable['status'];
  reason: string | null;
  code: string | null;
  password: string | null;
  login: PortalPurchasesTable['login'];
}

/** Refused before anything is written: the field the page should point at. */
export class PortalInputError extends Error {
  constructor(readonly field: 'planId' | 'phone' | 'mac' | 'ip' | 'portal') {
    super(`bad ${field}`);
  }
}

const MAC = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
/** Logging the device in is tried this many times (polls and follow-ups), then left to the customer and the shown code. */
const MAX_LOGIN_ATTEMPTS = 5;
/** A purchase whose push never got recorded (crash in between) ends after this long. */
const LOST_PUSH_MS = 5 * 60_000;

function view(p: PortalPurchasesTable): PurchaseView {
  return { id: p.id, status: p.status, reason: p.failure, code: p.code, password: p.password, login: p.login };
}

async function findPurchase(scope: TenantScope, id: string): Promise<PortalPurchasesTable | undefined> {
  return scope.db.selectFrom('portalPurchases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Kenyan M-Pesa numbers only (Daraja pushes to Safaricom lines). */
function mpesaPhone(raw: string): string | null {
  const p = normalisePhone(raw, 'KE');
  return p && /^\+254[17]\d{8}$/.test(p) ? p : null;
}

/**
 * Starts a purchase: everything is checked first (an unknown or not-offered plan, a bad phone, MAC or IP is
 * refused with the field and nothing written), then the purchase row, then the STK push.
 */
export async function startPurchase(scope: TenantScope, req: BuyRequest): Promise<PurchaseView> {
  const row = await readPortalRow(scope);
  if (row.enabled !== 1) throw new PortalInputError('portal');
  const plan = (await sellablePlans(scope, row)).find((p) => p.id === req.planId);
  if (!plan) throw new PortalInputError('planId');
  const phone = mpesaPhone(req.phone);
  if (!phone) throw new PortalInputError('phone');
  if (!MAC.test(req.mac)) throw new PortalInputError('mac');
  if (!IPV4.test(req.ip)) throw new PortalInputError('ip');
  if (req.key) {
    const again = await scope.db.selectFrom('portalPurchases').selectAll().where('clientKey', '=', req.key).executeTakeFirst();
    if (again) return view(again);
  }
  const now = scope.core.clock.now();
  const id = uuidv7(now.getTime());
  // Shown in the M-Pesa prompt (Daraja allows 12 characters) and unique: it finds the STK request again.
  const accountRef = `HS${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
  const purchase: PortalPurchasesTable = {
    id, clientKey: req.key ?? null, accountRef, stkRequestId: null, planId: plan.id, routerId: plan.routerId, phone, mac: req.mac.toUpperCase(), ip: req.ip,
    amountMinor: plan.priceMinor, status: 'paying', failure: null, batchId: null, voucherId: null, code: null, password: null,
    login: 'none', loginError: null, loginAttempts: 0, createdAt: now.toISOString(), updatedAt: now.toISOString(),
  };
  await scope.db.transaction().execute(async (trx) => {
    await trx.insertInto('portalPurchases').values(purchase).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'portal.purchase-started', summary: `Portal purchase of ${plan.name} by ${phone}`, targetType: 'portal-purchase', targetId: id,
      details: { planId: plan.id, mac: purchase.mac },
    });
  });
  let stk;
  try {
    stk = await requestStk(scope, { subscriberId: null, phone, amountMinor: plan.priceMinor, accountRef, purpose: 'voucher' });
  } catch (e) {
    // M-Pesa not set up, or the push refused before reaching Daraja: nobody was asked to pay.
    await settleFailed(scope, id, e instanceof AppError ? e.key : 'stk-error');
    return view((await findPurchase(scope, id))!);
  }
  await scope.db.updateTable('portalPurchases').set({ stkRequestId: stk.id, updatedAt: scope.core.clock.now().toISOString() })
    .where('id', '=', id).where('stkRequestId', 'is', null).execute();
  // A push Daraja refused ends here; otherwise the page's poll asks about the payment (not at once: §4.4 spike arrest).
  if (stk.status !== 'pending') await settleFailed(scope, id, stk.errorCode ?? stk.status);
  return view((await findPurchase(scope, id))!);
}

async function settleFailed(scope: TenantScope, id: string, failure: string): Promise<void> {
  await scope.db.updateTable('portalPurchases').set({ status: 'failed', failure, updatedAt: scope.core.clock.now().toISOString() })
    .where('id', '=', id).where('status', '=', 'paying').execute();
}

/**
 * Moves a purchase on as far as it can go now: asks about the payment, issues the voucher once paid, logs
 * the device in. Called by the page's poll and by the follow-up job; safe to run any number of times.
 */
export async function refreshPurchase(scope: TenantScope, id: string): Promise<PurchaseView> {
  let p = await findPurchase(scope, id);
  if (!p) throw new PortalInputError('portal');
  if (p.status === 'paying') await followPayment(scope, p);
  else if (p.status === 'paid' && !p.voucherId && p.stkRequestId) await issueOrNote(scope, p, p.stkRequestId);
  p = (await findPurchase(scope, id))!;
  if (p.status === 'paid' && p.login === 'waiting') await logDeviceIn(scope, p);
  return view((await findPurchase(scope, id))!);
}

async function followPayment(scope: TenantScope, p: PortalPurchasesTable): Promise<void> {
  let stkId = p.stkRequestId;
  if (!stkId) {
    // A crash between the purchase row and noting the push: the STK request carries our account reference.
    const found = await scope.db.selectFrom('stkRequests').select('id').where('accountRef', '=', p.accountRef).executeTakeFirst();
    if (!found) {
      if (scope.core.clock.now().getTime() - Date.parse(p.createdAt) > LOST_PUSH_MS) await settleFailed(scope, p.id, 'stk-not-sent');
      return;
    }
    stkId = found.id;
    await scope.db.updateTable('portalPurchases').set({ stkRequestId: stkId }).where('id', '=', p.id).where('stkRequestId', 'is', null).execute();
  }
  const stk = await refreshStk(scope, stkId);
  if (stk.status === 'pending') return;
  if (stk.status !== 'succeeded') {
    await settleFailed(scope, p.id, stk.errorCode ?? stk.status);
    return;
  }
  await issueOrNote(scope, p, stkId);
}

/**
 * Paid: the voucher is issued, or — if the hotspot domain refuses (the plan was disabled meanwhile) — the
 * purchase is marked paid without a code and the reason kept; the follow-up job tries again until staff fix it.
 */
async function issueOrNote(scope: TenantScope, p: PortalPurchasesTable, stkId: string): Promise<void> {
  try {
    await issueVoucher(scope, p, stkId);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await scope.db.updateTable('portalPurchases').set({ status: 'paid', failure: `voucher-refused:${e.key}`, updatedAt: scope.core.clock.now().toISOString() })
      .where('id', '=', p.id).where('voucherId', 'is', null).execute();
  }
}

/** One voucher for a paid purchase; the batch's request key is the STK request id, so it is made once. */
async function issueVoucher(scope: TenantScope, p: PortalPurchasesTable, stkId: string): Promise<void> {
  const input: ParsedInputOf<'hotspot.batches.create'> = {
    planId: p.planId, count: 1, priceMinor: p.amountMinor, note: 'portal', requestKey: stkId,
    code: { length: 6, prefix: '', charset: 'alnumLower', mode: 'same', pinLength: 4 },
  };
  const batch = await createBatch(scope, input);
  const v = await scope.db.selectFrom('vouchers').select(['id', 'code', 'password']).where('batchId', '=', batch.id).executeTakeFirstOrThrow();
  await scope.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('portalPurchases')
      .set({ status: 'paid', failure: null, batchId: batch.id, voucherId: v.id, code: v.code, password: v.password, login: 'waiting', updatedAt: scope.core.clock.now().toISOString() })
      .where('id', '=', p.id).where('voucherId', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) {
      await appendAudit(trx, scope.core.clock, scope.actor, {
        action: 'portal.voucher-issued', summary: `Portal purchase paid: voucher ${v.code} for ${p.phone}`, targetType: 'portal-purchase', targetId: p.id,
        details: { batchId: batch.id, voucherId: v.id, stkRequestId: stkId },
      });
    }
  });
}

/**
 * Logs the paying device in (`/ip hotspot active login user= password= mac-address= ip=`, HotSpot manual
 * "Active"), once the voucher's user is on the router (pushed by the outbox; we drain it first so the
 * customer does not wait for the worker's next pass). A failure is kept and retried a few times; the code
 * is shown anyway, so the customer can always type it.
 */
async function logDeviceIn(scope: TenantScope, p: PortalPurchasesTable): Promise<void> {
  if (!p.code || !p.password) return;
  const now = () => scope.core.clock.now().toISOString();
  try {
    await routerSyncOf(scope.core).drain(scope.tenant.id, p.routerId);
    const code = p.code;
    const password = p.password;
    const present = await routersOf(scope.core).connections.run(scope.tenant.id, p.routerId, async (conn) => {
      const [user] = await conn.print('/ip/hotspot/user', { where: { name: code }, proplist: ['.id'] });
      if (!user) return false;
      const [active] = await conn.print('/ip/hotspot/active', { where: { user: code, address: p.ip }, proplist: ['.id'] });
      if (!active) await conn.command('/ip/hotspot/active/login', { attributes: { user: code, password, 'mac-address': p.mac, ip: p.ip } });
      return true;
    });
    if (!present) throw new Error('voucher not on the router yet');
    await scope.db.updateTable('portalPurchases').set({ login: 'done', loginError: null, updatedAt: now() }).where('id', '=', p.id).execute();
  } catch (e) {
    const attempts = p.loginAttempts + 1;
    await scope.db.updateTable('portalPurchases').set({
      login: attempts >= MAX_LOGIN_ATTEMPTS ? 'failed' : 'waiting', loginAttempts: attempts, loginError: e instanceof Error ? e.message : String(e), updatedAt: now(),
    }).where('id', '=', p.id).execute();
  }
}

/** Status for the page: only this purchase's own fields; an unknown id is "not found". */
export async function purchaseStatus(scope: TenantScope, id: string): Promise<PurchaseView | null> {
  if (!(await findPurchase(scope, id))) return null;
  return refreshPurchase(scope, id);
}

/**
 * The follow-up job: every purchase not finished (paying; paid without a voucher yet; or the device not yet logged in), so a
 * page closed mid-payment still ends with a voucher. One purchase's fault never stops the others.
 */
export async function followOpenPurchases(scope: TenantScope): Promise<{ checked: number; paid: number; failed: number }> {
  const open = await scope.db.selectFrom('portalPurchases').select('id')
    .where((eb) => eb.or([eb('status', '=', 'paying'), eb.and([eb('status', '=', 'paid'), eb.or([eb('login', '=', 'waiting'), eb('voucherId', 'is', null)])])]))
    .orderBy('createdAt').execute();
  let paid = 0;
  let failed = 0;
  for (const { id } of open) {
    try {
      if ((await refreshPurchase(scope, id)).status === 'paid') paid += 1;
    } catch {
      failed += 1;
    }
  }
  return { checked: open.length, paid, failed };
}

export async function listPurchases(scope: TenantScope, q: ParsedInputOf<'portal.purchases.list'>): Promise<OutputOf<'portal.purchases.list'>> {
  let base = scope.db.selectFrom('portalPurchases').innerJoin('hotspotPlans', 'hotspotPlans.id', 'portalPurchases.planId');
  if (q.status) base = base.where('portalPurchases.status', '=', q.status);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or(['portalPurchases.phone', 'portalPurchases.code', 'portalPurchases.mac'].map((c) => containsText(c, text))));
  }
  const page = await pageQuery(base, {
    page: q,
    select: (qb) => qb.selectAll('portalPurchases').select('hotspotPlans.name as planName'),
    sort: [{ by: 'portalPurchases.createdAt', dir: q.sort?.dir ?? 'desc' }, { by: 'portalPurchases.id', dir: 'desc' }],
  });
  return {
    ...page,
    items: page.items.map((p) => ({
      id: p.id, planId: p.planId, planName: p.planName, phone: p.phone, mac: p.mac, ip: p.ip, amountMinor: p.amountMinor, status: p.status,
      failure: p.failure, code: p.code, login: p.login, loginError: p.loginError, createdAt: p.createdAt,
    })),
  };
}
