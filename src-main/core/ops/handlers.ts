import type { opsChannels } from '@shared/contract/ops';
import type { HandlersFor } from '../rpc/handlers';
import { listAlerts, markAlertsRead } from './alerts';

export const opsHandlers: HandlersFor<Extract<keyof typeof opsChannels, string>> = {
  'alerts.list': (q, ctx) => listAlerts(ctx, q),
  'alerts.mark-read': (i, ctx) => markAlertsRead(ctx, i),
};
