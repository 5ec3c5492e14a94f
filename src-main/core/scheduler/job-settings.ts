import type { Kysely } from 'kysely';
import type { JobSchedule } from '@shared/domain/job-schedule';
import type { TenantDB } from '../db/tenant-schema';

/** A job's staff overrides; absent = enabled on its default schedule since the tenant exists. */
export interface JobSetting {
  enabled: boolean;
  schedule: JobSchedule | null;
  updatedAt: string;
}

export async function readJobSettings(db: Kysely<TenantDB>): Promise<Map<string, JobSetting>> {
  const rows = await db.selectFrom('jobSettings').selectAll().execute();
  return new Map(rows.map((r) => [r.jobKey, { enabled: r.enabled === 1, schedule: r.schedule ? (JSON.parse(r.schedule) as JobSchedule) : null, updatedAt: r.updatedAt }]));
}

export async function saveJobSetting(db: Kysely<TenantDB>, jobKey: string, s: JobSetting, updatedBy: string): Promise<void> {
  const values = { enabled: s.enabled ? 1 : 0, schedule: s.schedule ? JSON.stringify(s.schedule) : null, updatedAt: s.updatedAt, updatedBy };
  await db.insertInto('jobSettings').values({ jobKey, ...values })
    .onConflict((oc) => oc.column('jobKey').doUpdateSet(values))
    .execute();
}
