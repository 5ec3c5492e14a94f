import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@shared/domain/ids';
import type { AppDB } from '../db/app-schema';
import type { Actor } from '../context';
import type { Clock } from '../ports';

/** Appends an installation-wide action (no tenant owns it) to app.sqlite's audit trail. */
export async function appendPlatformAudit(
  db: Kysely<AppDB> | Transaction<AppDB>,
  clock: Clock,
  actor: Actor,
  rec: { action: 'preferences.changed'; summary: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insertInto('platformAudit').values({
    id: uuidv7(clock.now().getTime()), at: clock.now().toISOString(), actorKind: actor.kind, actorId: actor.id, actorName: actor.name,
    action: rec.action, summary: rec.summary, details: rec.details ? JSON.stringify(rec.details) : null,
  }).execute();
}
