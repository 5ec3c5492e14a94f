import { defineModule, moduleKey, type ModuleRuntime } from '../module';
import type { PrincipalLookup } from '../rpc/dispatcher';
import { schedulerKey } from '../scheduler/runtime';
import { appendAudit } from './audit';
import { authHandlers } from './handlers';
import { findPlatformAdmin } from './platform-admins';
import { findActiveStaff } from './staff-repo';

export interface AuthRuntime extends ModuleRuntime {
  /** Who a session belongs to now: the dispatcher loads principals and roles through this, on every call. */
  principals: PrincipalLookup;
}

export const authKey = moduleKey<AuthRuntime>('auth');

/** Auth: sign-in, sessions' principals, staff accounts and roles, platform administrators, the audit logs. */
export const authModule = defineModule({
  name: 'auth',
  owns: { tenant: ['staffUsers', 'auditLog'], app: ['platformAdmins', 'platformAudit'] },
  handlers: authHandlers,
  key: authKey,
  start(core): AuthRuntime {
    // The scheduler sits below auth: staff changes to jobs reach the audit log through this writer.
    core.modules.get(schedulerKey).audit.write = (db, actor, rec) => appendAudit(db, core.clock, actor, rec);
    return { principals: { platformAdmin: findPlatformAdmin, activeStaff: findActiveStaff } };
  },
});
