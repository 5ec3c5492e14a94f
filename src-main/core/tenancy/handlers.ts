import type { HandlersFor } from '../rpc/handlers';
import { getPreferences, getSettings, setPreferences, updateSettings } from './settings-service';
import { createTenant, deleteTenant, getTenant, listTenants, setTenantStatus, updateTenant } from './tenant-service';
import { exportTenant, importTenant } from './tenant-transfer';
import { toTenantSummary } from './registry';
import { setLogo } from './logo';

export const tenancyHandlers: HandlersFor<
  | 'tenants.directory' | 'preferences.get' | 'preferences.set'
  | 'tenants.list' | 'tenants.get' | 'tenants.create' | 'tenants.update' | 'tenants.set-status' | 'tenants.delete'
  | 'tenants.export' | 'tenants.import' | 'settings.get' | 'settings.update' | 'settings.set-logo'
> = {
  'tenants.directory': async (_i, ctx) => ({
    items: ctx.core.registry.all().map((t) => ({ id: t.id, name: t.name, slug: t.slug, status: t.status, isDemo: t.isDemo === 1 })),
  }),
  'preferences.get': (_i, ctx) => getPreferences(ctx.core),
  'preferences.set': (input, ctx) => setPreferences(ctx.core, input, ctx.actor),
  'tenants.list': (input, ctx) => listTenants(ctx.core, input),
  'tenants.get': (input, ctx) => getTenant(ctx.core, input.tenantId),
  'tenants.create': async (input, ctx) =>
    toTenantSummary(await createTenant(ctx.core, input, ctx.actor, { adminMustChangePassword: true })),
  'tenants.update': (input, ctx) => updateTenant(ctx.core, input, ctx.actor),
  'tenants.set-status': (input, ctx) => setTenantStatus(ctx.core, input, ctx.actor),
  'tenants.delete': (input, ctx) => deleteTenant(ctx.core, input),
  'tenants.export': (input, ctx) => exportTenant(ctx.core, input.tenantId, input.passphrase, ctx.session.token),
  'tenants.import': (input, ctx) =>
    ctx.core.uploads.use(input.uploadId, 'tenant-import', ctx.session.token, (file) => importTenant(ctx.core, file.path, input.passphrase, ctx.actor)),
  'settings.get': (_i, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
  'settings.set-logo': (input, ctx) => setLogo(ctx, input.uploadId),
};
