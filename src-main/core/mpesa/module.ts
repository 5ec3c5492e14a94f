import { defineModule } from '../module';
import { mpesaHandlers } from './handlers';
import { m0014Mpesa } from './migrations/0014-mpesa';

/**
 * M-Pesa (Daraja) per tenant: sealed credentials and settings, STK push + query, statement and SMS imports,
 * the C2B endpoint's handlers. Every payment it learns of enters the payments pipeline (`ingestPayments`).
 */
export const mpesaModule = defineModule({
  name: 'mpesa',
  owns: { tenant: ['mpesaSettings', 'stkRequests'] },
  tenantMigrations: { '0014-mpesa': m0014Mpesa },
  handlers: mpesaHandlers,
});
