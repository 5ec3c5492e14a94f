import { defineModule } from '../module';
import { schedulerKey } from '../scheduler/runtime';
import { appendAudit } from './audit';
import { authHandlers } from './handlers';

/** Auth: sign-in, sessions' principals, staff accounts and roles, platform administrators, the audit logs. */
export const authModule = defineModule({
  name: 'auth',
  owns: { tenant: ['staffUsers', 'auditLog'], app: ['platformAdmins', 'platformAudit'] },
  handlers: authHandlers,
  start(core) {
    // The scheduler sits below auth: staff changes to jobs reach the audit log through this writer.
    core.modules.get(schedulerKey).audit.write = (db, actor, rec) => appendAudit(db, core.clock, actor, rec);
    return {};
  },
});
