import type { Generated, Selectable } from 'kysely';
import type { TenantStatus } from '@shared/contract/tenancy';

/** Tables of app.sqlite: the tenant registry and installation-wide state. Never tenant operational data. */
export interface AppDB {
  tenants: TenantsTable;
  platformAdmins: PlatformAdminsTable;
  device: DeviceTable;
  preferences: PreferencesTable;
  platformAudit: PlatformAuditTable;
}

export interface TenantsTable {
  id: string;
  name: string;
  nameKey: string;
  slug: string;
  status: TenantStatus;
  isDemo: number;
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  country: string;
  currency: string;
  timezone: string;
  createdAt: string;
  updatedAt: string;
}

export interface PlatformAdminsTable {
  id: string;
  fullName: string;
  email: string;
  passwordHash: string;
  mustChangePassword: number;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface DeviceTable {
  id: string;
  name: string;
  createdAt: string;
  rowid: Generated<number>;
}

export interface PreferencesTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface PlatformAuditTable {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  summary: string;
  details: string | null;
}

/** A tenant registry row as read (every domain sees tenants this way). */
export type TenantRecord = Selectable<TenantsTable>;
