import type { Migration } from 'kysely/migration';
import { m0001Init } from './0001-init';
import { m0002PlatformAudit } from './0002-platform-audit';

/** Steps for app.sqlite, in order. Never edit a step that has shipped; add a new one. */
export const appMigrations: Record<string, Migration> = {
  '0001-init': m0001Init,
  '0002-platform-audit': m0002PlatformAudit,
};
