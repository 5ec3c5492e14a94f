/** Tables of one tenant's data.sqlite. Every row here belongs to that tenant alone. */
export interface TenantDB {
  tenantMeta: TenantMetaTable;
  staffUsers: StaffUsersTable;
  businessSettings: BusinessSettingsTable;
  auditLog: AuditLogTable;
  secrets: SecretsTable;
  outbox: OutboxTable;
  jobRuns: JobRunsTable;
}

export interface TenantMetaTable {
  key: string;
  value: string;
}

export interface StaffUsersTable {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  /** JSON array of Role. */
  roles: string;
  isActive: number;
  passwordHash: string;
  mustChangePassword: number;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BusinessSettingsTable {
  id: number;
  legalName: string;
  address: string;
  phone: string;
  email: string;
  taxId: string;
  vatRateBasisPoints: number;
  logoDataUrl: string | null;
  receiptFooter: string;
  updatedAt: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorKind: 'staff' | 'platform' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  /** JSON object with before/after or context; never secrets. */
  details: string | null;
}

export interface SecretsTable {
  id: string;
  ownerType: string;
  ownerId: string;
  name: string;
  ciphertext: string;
  updatedAt: string;
}

export interface OutboxTable {
  id: string;
  createdAt: string;
  kind: string;
  target: string;
  payload: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  doneAt: string | null;
}

export interface JobRunsTable {
  id: string;
  jobKey: string;
  scheduledFor: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  attempt: number;
  error: string | null;
}
