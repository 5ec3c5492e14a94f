import { defineModule } from '../module';
import { tenancyHandlers } from './handlers';
import { m0001Init } from './migrations/0001-init';

/** Tenancy: ISP profiles (registry, files, export/import), business settings, installation preferences. */
export const tenancyModule = defineModule({
  name: 'tenancy',
  owns: { tenant: ['businessSettings'], app: ['tenants', 'preferences'] },
  // The tenant file's first step also creates the shared tables other domains own (staff, audit, secrets,
  // outbox, job runs); it shipped that way and steps are never edited.
  tenantMigrations: { '0001-init': m0001Init },
  handlers: tenancyHandlers,
});
