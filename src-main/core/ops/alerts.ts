import type { Kysely, Selectable, Transaction } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import { notFound } from '@shared/domain/errors';
import type { AlertItem } from '@shared/contract/ops';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { AlertsTable, TenantDB } from '../db/tenant-schema';
import type { Core, TenantScope } from '../context';
import { mapPage, pageQuery } from '../paging';
import { appendAudit } from '../auth/audit';

type Db = Kysely<TenantDB> | Transaction<TenantDB>;

type Distribute<T> = T extends AlertItem ? Omit<T, 'id' | 'at' | 'readAt'> : never;
/** An alert to raise: its kind (the code the renderer words) with that kind's params. */
export type NewAlert = Distribute<AlertItem>;

/** Writes an alert row; call `publishAlert` after the transaction commits. */
export async function insertAlert(db: Db, core: Core, alert: NewAlert): Promise<AlertItem> {
  const row = { id: uuidv7(), at: core.clock.now().toISOString(), readAt: null, ...alert } as AlertItem;
  await db.insertInto('alerts').values({ ...row, params: JSON.stringify(row.params) }).execute();
  return row;
}

function toAlertItem(row: Selectable<AlertsTable>): AlertItem {
  return { ...row, params: JSON.parse(row.params) as unknown } as AlertItem;
}

export function publishAlert(core: Core, tenantId: string, alert: AlertItem): void {
  core.events.emit('alerts.created', { tenantId }, alert);
}

async function unreadCount(db: Db): Promise<number> {
  const r = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('readAt', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listAlerts(ctx: TenantScope, q: ParsedInputOf<'alerts.list'>): Promise<OutputOf<'alerts.list'>> {
  let base = ctx.db.selectFrom('alerts');
  if (q.unreadOnly) base = base.where('readAt', 'is', null);
  const dir = q.sort?.dir ?? 'desc';
  const page = await pageQuery(base, { page: q, select: (qb) => qb.selectAll(), sort: [{ by: 'at', dir }, { by: 'id', dir }] });
  return { ...mapPage(page, toAlertItem), unread: await unreadCount(ctx.db) };
}

export async function markAlertsRead(ctx: TenantScope, input: ParsedInputOf<'alerts.mark-read'>): Promise<OutputOf<'alerts.mark-read'>> {
  const now = ctx.core.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    let count: number;
    if ('all' in input) {
      count = await unreadCount(trx);
      // "All" may be thousands of rows: no id list in this statement.
      if (count > 0) await trx.updateTable('alerts').set({ readAt: now }).where('readAt', 'is', null).execute();
    } else {
      const found = await trx.selectFrom('alerts').select(['id', 'readAt']).where('id', 'in', input.alertIds).execute();
      if (found.length !== new Set(input.alertIds).size) throw notFound('alert.not-found');
      const unread = found.filter((r) => r.readAt === null).map((r) => r.id);
      count = unread.length;
      if (count > 0) await trx.updateTable('alerts').set({ readAt: now }).where('id', 'in', unread).execute();
    }
    if (count === 0) return;
    await appendAudit(trx, ctx.core.clock, ctx.actor, {
      action: 'alerts.marked-read', summary: `Marked ${count} alert${count === 1 ? '' : 's'} as read`,
      details: { count, all: 'all' in input },
    });
  });
  return { unread: await unreadCount(ctx.db) };
}
