import type { Migration } from 'kysely/migration';
import { m0001Init } from './0001-init';
import { m0002Routers } from './0002-routers';
import { m0003AlertParams } from './0003-alert-params';

/** Steps for every tenant's data.sqlite, in order. Never edit a step that has shipped; add a new one. */
export const tenantMigrations: Record<string, Migration> = {
  '0001-init': m0001Init,
  '0002-routers': m0002Routers,
  '0003-alert-params': m0003AlertParams,
};
