import type { Kysely, Selectable } from 'kysely';
import type { CashShift } from '@shared/contract/payments';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import type { CashShiftsTable, TenantDB } from '../db/tenant-schema';
import type { Actor, TenantScope } from '../context';
import { appendAudit } from '../auth/audit';

type ShiftRow = Selectable<CashShiftsTable>;

function staffOf(actor: Actor): { id: string; name: string } {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN', 'auth.role-forbidden');
  return { id: actor.id, name: actor.name };
}

/**
 * Cash this cashier took during [from, to]: the LEDGER credits of cash payments they recorded, and the cash they
 * took for no subscriber (income_entries), minus reversals of either made in the window (a cash entry recorded twice by mistake never reached the drawer). Read
 * from the ledger like the day's collections, so a shift and the collections agree.
 */
export async function cashTaken(db: Kysely<TenantDB>, staffId: string, from: string, to: string | null): Promise<{ totalMinor: number; count: number }> {
  let credits = db.selectFrom('ledgerEntries').innerJoin('payments', 'payments.id', 'ledgerEntries.paymentId')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('ledgerEntries.amountMinor'), eb.lit(0)).as('total'), eb.fn.countAll<number>().as('n')])
    .where('ledgerEntries.kind', '=', 'credit').where('payments.provider', '=', 'cash').where('payments.recordedById', '=', staffId)
    .where('ledgerEntries.createdAt', '>=', from);
  let reversals = db.selectFrom('ledgerEntries as r').innerJoin('ledgerEntries as c', 'c.id', 'r.reversesEntryId').innerJoin('payments', 'payments.id', 'c.paymentId')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('r.amountMinor'), eb.lit(0)).as('total'), eb.fn.countAll<number>().as('n')])
    .where('r.kind', '=', 'reversal').where('c.kind', '=', 'credit').where('payments.provider', '=', 'cash').where('payments.recordedById', '=', staffId)
    .where('r.createdAt', '>=', from);
  if (to !== null) {
    credits = credits.where('ledgerEntries.createdAt', '<=', to);
    reversals = reversals.where('r.createdAt', '<=', to);
  }
  // Cash for no subscriber (vouchers sold, float top-ups) goes in the same drawer: receipts minus reversals.
  let income = db.selectFrom('incomeEntries')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('amountMinor'), eb.lit(0)).as('total'), eb.fn.sum<number>(eb.case().when('kind', '=', 'receipt').then(1).else(-1).end()).as('n')])
    .where('method', '=', 'cash').where('recordedById', '=', staffId).where('createdAt', '>=', from);
  if (to !== null) income = income.where('createdAt', '<=', to);
  const [c, r, i] = await Promise.all([credits.executeTakeFirstOrThrow(), reversals.executeTakeFirstOrThrow(), income.executeTakeFirstOrThrow()]);
  return { totalMinor: Number(c.total) + Number(r.total) + Number(i.total), count: Number(c.n) - Number(r.n) + Number(i.n ?? 0) };
}

async function toShift(db: Kysely<TenantDB>, row: ShiftRow): Promise<CashShift> {
  const cash = await cashTaken(db, row.staffId, row.openedAt, row.closedAt);
  return {
    id: row.id, staffId: row.staffId, staffName: row.staffName, openedAt: row.openedAt, openingFloatMinor: row.openingFloatMinor,
    cashMinor: cash.totalMinor, cashCount: cash.count,
    // A closed shift shows what was frozen at close.
    expectedMinor: row.expectedMinor ?? row.openingFloatMinor + cash.totalMinor,
    closedAt: row.closedAt, countedMinor: row.countedMinor, differenceMinor: row.differenceMinor, note: row.note,
  };
}

function openShiftOf(db: Kysely<TenantDB>, staffId: string): Promise<ShiftRow | undefined> {
  return db.selectFrom('cashShifts').selectAll().where('staffId', '=', staffId).where('closedAt', 'is', null).executeTakeFirst();
}

/** The caller's open shift (running totals) and their last closed one. */
export async function currentShift(scope: TenantScope): Promise<OutputOf<'shifts.current'>> {
  const me = staffOf(scope.actor);
  const open = await openShiftOf(scope.db, me.id);
  const last = await scope.db.selectFrom('cashShifts').selectAll().where('staffId', '=', me.id).where('closedAt', 'is not', null)
    .orderBy('closedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { shift: open ? await toShift(scope.db, open) : null, last: last ? await toShift(scope.db, last) : null };
}

export async function openShift(scope: TenantScope, input: ParsedInputOf<'shifts.open'>): Promise<CashShift> {
  const me = staffOf(scope.actor);
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
    if (await openShiftOf(trx, me.id)) throw new AppError('CONFLICT', 'shift.already-open');
    const row: ShiftRow = {
      id: uuidv7(), staffId: me.id, staffName: me.name, openedAt: now, openingFloatMinor: input.openingFloatMinor,
      closedAt: null, expectedMinor: null, countedMinor: null, differenceMinor: null, note: input.note,
    };
    await trx.insertInto('cashShifts').values(row).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'shift.opened', summary: `${me.name} opened a cash shift with a float of ${input.openingFloatMinor} minor`,
      targetType: 'cash-shift', targetId: row.id, details: { openingFloatMinor: input.openingFloatMinor },
    });
    return toShift(trx, row);
  });
}

/** Closes the caller's shift: expected = float + cash taken during it; difference = counted − expected; frozen. */
export async function closeShift(scope: TenantScope, input: ParsedInputOf<'shifts.close'>): Promise<CashShift> {
  const me = staffOf(scope.actor);
  const now = scope.core.clock.now().toISOString();
  return scope.db.transaction().execute(async (trx) => {
    const open = await openShiftOf(trx, me.id);
    if (!open) throw new AppError('CONFLICT', 'shift.not-open');
    const cash = await cashTaken(trx, me.id, open.openedAt, now);
    const expectedMinor = open.openingFloatMinor + cash.totalMinor;
    const differenceMinor = input.countedMinor - expectedMinor;
    const note = input.note ?? open.note;
    await trx.updateTable('cashShifts').set({ closedAt: now, expectedMinor, countedMinor: input.countedMinor, differenceMinor, note }).where('id', '=', open.id).execute();
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'shift.closed',
      summary: `${me.name} closed a cash shift: expected ${expectedMinor}, counted ${input.countedMinor}, difference ${differenceMinor} minor`,
      targetType: 'cash-shift', targetId: open.id, details: { openingFloatMinor: open.openingFloatMinor, cashMinor: cash.totalMinor, expectedMinor, countedMinor: input.countedMinor, differenceMinor },
    });
    return toShift(trx, { ...open, closedAt: now, expectedMinor, countedMinor: input.countedMinor, differenceMinor, note });
  });
}
