import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';

export type SubscriberSettings = OutputOf<'subscribers.settings.get'>;

/** The tenant's one settings row (created by the migration). */
export async function readSettings(db: Kysely<TenantDB>): Promise<SubscriberSettings> {
  const r = await db.selectFrom('subscriberSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    accountNumber: { format: r.accountFormat, length: r.accountLength, prefix: r.accountPrefix },
    expiryAction: r.expiryAction,
    disconnectAtEndOfDay: r.disconnectAtEndOfDay === 1,
    defaultGraceHours: r.defaultGraceHours,
    updatedAt: r.updatedAt,
  };
}

/**
 * Saves the settings. A new expiry action changes what every expired subscriber looks like on the
 * router, so the caller re-queues them (`requeue`) in the same transaction.
 */
export async function updateSettings(
  scope: TenantScope,
  input: ParsedInputOf<'subscribers.settings.update'>,
  requeue: (trx: Kysely<TenantDB>) => Promise<string[]>,
): Promise<{ settings: SubscriberSettings; routers: string[] }> {
  const before = await readSettings(scope.db);
  const now = scope.core.clock.now().toISOString();
  let routers: string[] = [];
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('subscriberSettings').set({
      ...(input.accountNumber && {
        accountFormat: input.accountNumber.format, accountLength: input.accountNumber.length, accountPrefix: input.accountNumber.prefix,
      }),
      ...(input.expiryAction !== undefined && { expiryAction: input.expiryAction }),
      ...(input.disconnectAtEndOfDay !== undefined && { disconnectAtEndOfDay: input.disconnectAtEndOfDay ? 1 : 0 }),
      ...(input.defaultGraceHours !== undefined && { defaultGraceHours: input.defaultGraceHours }),
      updatedAt: now,
    }).where('id', '=', 1).execute();
    const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'subscriber.settings-updated', summary: `Changed subscriber settings: ${changed.join(', ') || 'nothing'}`,
      details: { before, after: input },
    });
    if (input.expiryAction !== undefined && input.expiryAction !== before.expiryAction) routers = await requeue(trx);
  });
  return { settings: await readSettings(scope.db), routers };
}
