import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { readEnforcementSettings } from '../enforcement/settings';
import type { ExpiryAction } from './subscriber-objects';

export type SubscriberSettings = OutputOf<'subscribers.settings.get'>;
/** The settings plus the tenant's expiry action, which the enforcement domain owns (one source of truth). */
export interface SubscriberRules extends SubscriberSettings {
  expiryAction: ExpiryAction;
}

/** The tenant's one settings row (created by the migration) and the enforcement domain's expiry action. */
export async function readSettings(db: Kysely<TenantDB>): Promise<SubscriberRules> {
  const r = await db.selectFrom('subscriberSettings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    accountNumber: { format: r.accountFormat, length: r.accountLength, prefix: r.accountPrefix },
    disconnectAtEndOfDay: r.disconnectAtEndOfDay === 1,
    defaultGraceHours: r.defaultGraceHours,
    updatedAt: r.updatedAt,
    expiryAction: (await readEnforcementSettings(db)).expiryAction,
  };
}

export function toSettingsDto(s: SubscriberRules): SubscriberSettings {
  const { expiryAction: _owned, ...dto } = s;
  return dto;
}

export async function updateSettings(scope: TenantScope, input: ParsedInputOf<'subscribers.settings.update'>): Promise<SubscriberSettings> {
  const before = toSettingsDto(await readSettings(scope.db));
  const now = scope.core.clock.now().toISOString();
  await scope.db.transaction().execute(async (trx) => {
    await trx.updateTable('subscriberSettings').set({
      ...(input.accountNumber && {
        accountFormat: input.accountNumber.format, accountLength: input.accountNumber.length, accountPrefix: input.accountNumber.prefix,
      }),
      ...(input.disconnectAtEndOfDay !== undefined && { disconnectAtEndOfDay: input.disconnectAtEndOfDay ? 1 : 0 }),
      ...(input.defaultGraceHours !== undefined && { defaultGraceHours: input.defaultGraceHours }),
      updatedAt: now,
    }).where('id', '=', 1).execute();
    const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'subscriber.settings-updated', summary: `Changed subscriber settings: ${changed.join(', ') || 'nothing'}`,
      details: { before, after: input },
    });
  });
  return toSettingsDto(await readSettings(scope.db));
}
