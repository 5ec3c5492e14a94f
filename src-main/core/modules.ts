import type { ChannelName } from '@shared/contract';
import type { ChannelsOf } from './module';
import { secretsModule } from './secrets/module';
import { schedulerModule } from './scheduler/module';
import { authModule } from './auth/module';
import { tenancyModule } from './tenancy/module';
import { setupModule } from './setup/module';
import { routersModule } from './routers/module';
import { opsModule } from './ops/module';
import { routerSyncModule } from './router-sync/module';
import { enforcementModule } from './enforcement/module';
import { demoModule } from './demo/module';
import { subscribersModule } from './subscribers/module';
import { adoptionModule } from './adoption/module';
import { mpesaModule } from './mpesa/module';
import { paymentsModule } from './payments/module';
import { invoicesModule } from './invoices/module';
import { documentsModule } from './documents/module';
import { hotspotModule } from './hotspot/module';
import { voucherSalesModule } from './voucher-sales/module';
import { hotspotPortalModule } from './hotspot-portal/module';

/**
 * Every domain of the app, once. Boot starts them in this order (and stops them in reverse), the
 * dispatcher's table is their handlers, tenant activation and shutdown walk this list. A new domain
 * adds one line here (README: "How to add a domain").
 */
export const coreModules = [
  secretsModule,
  schedulerModule,
  authModule,
  tenancyModule,
  setupModule,
  routersModule,
  routerSyncModule,
  enforcementModule,
  subscribersModule,
  paymentsModule,
  mpesaModule,
  invoicesModule,
  documentsModule,
  hotspotModule,
  voucherSalesModule,
  hotspotPortalModule,
  opsModule,
  adoptionModule,
  demoModule,
] as const;

// Fails the build when a channel of the contract has no module handling it.
type Unhandled = Exclude<ChannelName, ChannelsOf<(typeof coreModules)[number]>>;
const everyChannelHandled: [Unhandled] extends [never] ? true : { missing: Unhandled } = true;
void everyChannelHandled;
