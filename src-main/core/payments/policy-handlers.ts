import type { paymentsPolicyChannels } from '@shared/contract/payments';
import type { HandlersFor } from '../rpc/handlers';
import { chargeInstallationFee } from './installation-fee';
import { applyPackageChange, previewPackageChange } from './package-change';
import { closeShift, currentShift, openShift } from './shift';

type Channels = Extract<keyof typeof paymentsPolicyChannels, string>;

/** Installation fee, package change policy and cashier shifts (README "Renewal rule", "Money"). */
export const paymentsPolicyHandlers: HandlersFor<Channels> = {
  'wallet.installation-fee': (i, ctx) => chargeInstallationFee(ctx, i),
  'wallet.package-change.preview': (i, ctx) => previewPackageChange(ctx, i),
  'wallet.package-change.apply': (i, ctx) => applyPackageChange(ctx, i),
  'shifts.current': (_i, ctx) => currentShift(ctx),
  'shifts.open': (i, ctx) => openShift(ctx, i),
  'shifts.close': (i, ctx) => closeShift(ctx, i),
};
