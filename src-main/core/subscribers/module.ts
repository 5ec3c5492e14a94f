import { systemActor } from '../context';
import { defineModule } from '../module';
import { enforcementOf } from '../enforcement/runtime';
import { routerSyncOf } from '../router-sync/runtime';
import { adoptSubscriberSecret } from './adopt-theirs';
import { requeueExpired, runExpirySweep } from './expiry-sweep';
import { subscribersHandlers } from './handlers';
import { m0008Subscribers } from './migrations/0008-subscribers';
import { m0012SubscriberQueueName } from './migrations/0012-subscriber-queue-name';
import { subscribersKey, type SubscribersRuntime } from './runtime';

/**
 * Packages and subscribers: their records, the desired router objects they map to (queued through the
 * router outbox in the same transaction), the catch-up expiry sweep, bulk actions and CSV.
 */
export const subscribersModule = defineModule({
  name: 'subscribers',
  owns: { tenant: ['packages', 'packageRouters', 'subscribers', 'subscriberSettings', 'subscriberTags', 'subscriberCounts'] },
  tenantMigrations: { '0008-subscribers': m0008Subscribers, '0012-subscriber-queue-name': m0012SubscriberQueueName },
  handlers: subscribersHandlers,
  key: subscribersKey,
  start(core): SubscribersRuntime {
    // Expired subscribers look different on the router under the other expiry action.
    enforcementOf(core).expiryActionListeners.push(requeueExpired);
    // Drift "adopt theirs" on a subscriber's router objects updates the subscriber (router-sync cannot import us).
    routerSyncOf(core).registerOwner('subscriber', { adoptTheirs: adoptSubscriberSecret });
    return {
      runExpirySweep,
      scheduledJobs: [{
        key: 'subscribers.expiry-sweep',
        schedule: { everyMs: 60_000 },
        // One catch-up run after the app was off covers every missed minute (the sweep is set-based).
        missed: 'run-once',
        async run(scope, { log }) {
          const r = await runExpirySweep({ ...scope, actor: systemActor('system:expiry-sweep') });
          log(`expired ${r.expired}, re-activated ${r.reactivated}`);
        },
      }],
    };
  },
});
