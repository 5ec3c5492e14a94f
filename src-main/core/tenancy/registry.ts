import type { Kysely } from 'kysely';
import type { AppDB, TenantRecord } from '../db/app-schema';
import type { TenantSummary } from '@shared/contract/tenancy';

export type { TenantRecord };

export function toTenantSummary(t: TenantRecord): TenantSummary {
  return {
    id: t.id, name: t.name, slug: t.slug, status: t.status, isDemo: t.isDemo === 1, ownerName: t.ownerName,
    ownerEmail: t.ownerEmail, ownerPhone: t.ownerPhone, country: t.country, currency: t.currency, timezone: t.timezone,
    createdAt: t.createdAt, updatedAt: t.updatedAt,
  };
}

/**
 * The tenant registry in app.sqlite, cached in memory: every call checks its tenant's status, so
 * lookups must not cost a query.
 */
export class TenantRegistry {
  private readonly cache = new Map<string, TenantRecord>();

  constructor(private readonly db: Kysely<AppDB>) {}

  async load(): Promise<void> {
    const rows = await this.db.selectFrom('tenants').selectAll().execute();
    this.cache.clear();
    for (const r of rows) this.cache.set(r.id, r);
  }

  get(id: string): TenantRecord | undefined {
    return this.cache.get(id);
  }

  all(): TenantRecord[] {
    return [...this.cache.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  byNameKey(nameKey: string): TenantRecord | undefined {
    for (const t of this.cache.values()) if (t.nameKey === nameKey) return t;
    return undefined;
  }

  bySlug(slug: string): TenantRecord | undefined {
    for (const t of this.cache.values()) if (t.slug === slug) return t;
    return undefined;
  }

  async insert(row: TenantRecord): Promise<void> {
    await this.db.insertInto('tenants').values(row).execute();
    this.cache.set(row.id, row);
  }

  async update(id: string, patch: Partial<Omit<TenantRecord, 'id'>>): Promise<TenantRecord> {
    await this.db.updateTable('tenants').set(patch).where('id', '=', id).execute();
    const row = await this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    this.cache.set(id, row);
    return row;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('tenants').where('id', '=', id).execute();
    this.cache.delete(id);
  }

  isRunnable(id: string): boolean {
    const t = this.cache.get(id);
    return !!t && t.status !== 'suspended';
  }
}
