import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { InputOf } from '@shared/contract';
import { contract } from '@shared/contract';
import { tenantAdminInput, tenantCreateInput } from '@shared/contract/tenancy';
import { confirmPasswordField, passwordsMatch, samePassword } from '../../app/form-schemas';

const setupInput = contract['setup.complete'].input;

/** The wizard validates with the contract's own schemas, plus password confirmations. */
const platformAdminSchema = setupInput.shape.platformAdmin.extend({ confirmPassword: confirmPasswordField }).refine(samePassword, passwordsMatch());

export const setupFormSchema = z.object({
  platformAdmin: platformAdminSchema,
  /** Describe your own ISP, or let ISP Desk create a demo ISP with simulated routers. */
  mode: z.enum(['own', 'demo']),
  sameAdmin: z.boolean(),
  tenant: tenantCreateInput.omit({ admin: true, status: true }).extend({
    admin: tenantAdminInput.extend({ confirmPassword: confirmPasswordField }).refine(samePassword, passwordsMatch()),
  }),
});

export type SetupFormValues = z.input<typeof setupFormSchema>;

const ownResolver = zodResolver(setupFormSchema, undefined, { raw: true });
// The demo needs only the platform administrator; the ISP fields stay as typed but are not checked.
const demoResolver = zodResolver(z.object({ platformAdmin: platformAdminSchema }), undefined, { raw: true }) as unknown as typeof ownResolver;

export const setupResolver: Resolver<SetupFormValues, unknown, SetupFormValues> = (values, context, options) =>
  (values.mode === 'demo' ? demoResolver : ownResolver)(values, context, options);

export const setupDefaults: SetupFormValues = {
  platformAdmin: { fullName: '', email: '', password: '', confirmPassword: '' },
  mode: 'own',
  sameAdmin: false,
  tenant: {
    name: '', ownerName: '', ownerEmail: '', ownerPhone: '', country: 'KE', currency: 'KES', timezone: 'Africa/Nairobi',
    admin: { fullName: '', email: '', phone: '', password: '', confirmPassword: '' },
  },
};

/** Form fields checked before leaving each step. */
export const STEP_FIELDS = {
  admin: ['platformAdmin.fullName', 'platformAdmin.email', 'platformAdmin.password', 'platformAdmin.confirmPassword'],
  tenant: [
    'tenant.name', 'tenant.ownerName', 'tenant.ownerEmail', 'tenant.ownerPhone', 'tenant.country', 'tenant.currency', 'tenant.timezone',
    'tenant.admin.fullName', 'tenant.admin.email', 'tenant.admin.phone', 'tenant.admin.password', 'tenant.admin.confirmPassword',
  ],
} as const;

/** "Use my details": the ISP's administrator account gets the platform administrator's name, email and password. */
export function copiedAdmin(v: SetupFormValues): SetupFormValues['tenant']['admin'] {
  return { ...v.platformAdmin, phone: '' };
}

export function toSetupInput(v: SetupFormValues): InputOf<'setup.complete'> {
  const { confirmPassword: _c, ...platformAdmin } = v.platformAdmin;
  if (v.mode === 'demo') return { platformAdmin, demo: true };
  const { admin, ...tenant } = v.tenant;
  const { confirmPassword: _d, ...tenantAdmin } = v.sameAdmin ? copiedAdmin(v) : admin;
  return { platformAdmin, tenant: { ...tenant, admin: tenantAdmin } };
}

/** The step that holds a (server) error path, so the wizard can go back to it. */
export function stepOfPath(path: string): number {
  return path.startsWith('platformAdmin') ? 0 : 1;
}
