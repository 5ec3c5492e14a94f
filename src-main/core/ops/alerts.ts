import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import { notFound } from '@shared/domain/errors';
import type { AlertItem } from '@shared/contract/ops';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantDB } from '../db/tenant-schema';
import type { Core, TenantScope } from '../context';
import { pageWindow } from '../db/query-helpers';
import { appendAudit } from '../auth/audit';

type Db = Kysely<TenantDB> | Transaction<TenantDB>;

export interface NewAlert {
  severity: AlertItem['severity'];
  kind: string;
  title: string;
  body: string;
  routerId: string | null;
}

/** Writes an alert row; call `publishAlert` after the transaction commits. */
export async function insertAlert(db: Db, core: Core, alert: NewAlert): Promise<AlertItem> {
  const row: AlertItem = { id: uuidv7(), at: core.clock.now().toISOString(), readAt: null, ...alert };
  await db.insertInto('alerts').values(row).execute();
  return row;
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
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const dir = q.sort?.dir ?? 'desc';
  const { limit, offset } = pageWindow(q.page, q.pageSize);
  const items = await base.selectAll().orderBy('at', dir).orderBy('id', dir).limit(limit).offset(offset).execute();
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize, unread: await unreadCount(ctx.db) };
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
      if (found.length !== new Set(input.alertIds).size) throw notFound('Alert');
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
