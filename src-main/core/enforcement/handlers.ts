import type { enforcementChannels } from '@shared/contract/enforcement';
import type { HandlersFor } from '../rpc/handlers';
import { checkRouterEnforcement } from './check';
import { installEnforcement, preflightEnforcement, removeEnforcement } from './service';
import { readEnforcementSettings, toSettingsDto, updateEnforcementSettings } from './settings';

export const enforcementHandlers: HandlersFor<Extract<keyof typeof enforcementChannels, string>> = {
  'enforcement.settings.get': async (_i, ctx) => toSettingsDto(await readEnforcementSettings(ctx.db)),
  'enforcement.settings.update': async (i, ctx) => toSettingsDto(await updateEnforcementSettings(ctx, i)),
  'enforcement.preflight': (i, ctx) => preflightEnforcement(ctx, i.routerId),
  'enforcement.check': async (i, ctx) => {
    const r = await checkRouterEnforcement(ctx, i.routerId);
    return { hwmWritten: r.hwm.written, findings: r.health.findings, tickRunCount: r.health.tickRunCount, enforceRunCount: r.health.enforceRunCount };
  },
  'enforcement.install': (i, ctx) => installEnforcement(ctx, i.routerId),
  'enforcement.remove': (i, ctx) => removeEnforcement(ctx, i.routerId),
};
