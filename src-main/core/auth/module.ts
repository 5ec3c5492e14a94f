import { defineModule } from '../module';
import { authHandlers } from './handlers';

/** Auth: sign-in, sessions' principals, staff accounts and roles, platform administrators, the audit logs. */
export const authModule = defineModule({
  name: 'auth',
  owns: { tenant: ['staffUsers', 'auditLog'], app: ['platformAdmins', 'platformAudit'] },
  handlers: authHandlers,
});
