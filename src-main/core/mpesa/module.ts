import { systemActor } from '../context';
import { defineModule } from '../module';
import { mpesaHandlers } from './handlers';
import { m0014Mpesa } from './migrations/0014-mpesa';
import { m0024StkPurpose } from './migrations/0024-stk-purpose';
import { followPendingStk } from './stk-flow';

/**
 * M-Pesa (Daraja) per tenant: sealed credentials and settings, STK push + query, statement and SMS imports,
 * the C2B endpoint's handlers. Every payment it learns of enters the payments pipeline (`ingestPayments`).
 */
export const mpesaModule = defineModule({
  name: 'mpesa',
  owns: { tenant: ['mpesaSettings', 'stkRequests'] },
  tenantMigrations: { '0014-mpesa': m0014Mpesa, '0024-stk-purpose': m0024StkPurpose },
  handlers: mpesaHandlers,
  start: () => ({
    scheduledJobs: [{
      key: 'mpesa.stk-follow-up',
      schedule: { everyMs: 60_000 },
      // After the app was off, one run asks Daraja about every request still pending.
      missed: 'run-once',
      actor: 'system:mpesa',
      async run(scope, { log }) {
        const r = await followPendingStk({ ...scope, actor: systemActor('system:mpesa') });
        log(`checked ${r.checked}, ended ${r.ended}, errors ${r.failed}`);
      },
    }],
  }),
});
