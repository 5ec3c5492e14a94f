import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { setupDefaults, setupFormSchema, setupResolver, stepOfPath, toSetupInput, type SetupFormValues } from '../../../src-renderer/features/setup/setup-form';

const filled: SetupFormValues = {
  platformAdmin: { fullName: 'Pat Platform', email: 'pat@example.com', password: 'platform pass 1', confirmPassword: 'platform pass 1' },
  mode: 'own',
  sameAdmin: false,
  tenant: {
    ...setupDefaults.tenant,
    name: 'Kilimani Fibre', ownerName: 'Otieno', ownerEmail: 'o@example.com', ownerPhone: '0712 345 678',
    admin: { fullName: 'Wanjiru', email: 'w@example.com', phone: '', password: 'admin pass 1', confirmPassword: 'admin pass 1' },
  },
};

describe('first-run wizard form', () => {
  it('builds a setup.complete input the contract accepts, without the confirmation fields', () => {
    const input = toSetupInput(filled);
    expect(contract['setup.complete'].input.safeParse(input).success).toBe(true);
    expect(JSON.stringify(input)).not.toContain('confirmPassword');
    expect(input.tenant?.admin.email).toBe('w@example.com');
  });

  it('copies the platform administrator into the ISP administrator with "use my details"', () => {
    const input = toSetupInput({ ...filled, sameAdmin: true });
    expect(input.tenant?.admin).toEqual({ fullName: 'Pat Platform', email: 'pat@example.com', password: 'platform pass 1', phone: '' });
  });

  it('defaults to Kenya, KES and Africa/Nairobi, with no password preset', () => {
    expect(setupDefaults.tenant).toMatchObject({ country: 'KE', currency: 'KES', timezone: 'Africa/Nairobi' });
    expect(setupDefaults.platformAdmin.password).toBe('');
    expect(setupDefaults.tenant.admin.password).toBe('');
  });

  it('reports mismatched confirmations on the confirm field, and maps error paths to steps', () => {
    const r = setupFormSchema.safeParse({ ...filled, platformAdmin: { ...filled.platformAdmin, confirmPassword: 'other' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('platformAdmin.confirmPassword');
    expect(stepOfPath('platformAdmin.email')).toBe(0);
    expect(stepOfPath('tenant.admin.email')).toBe(1);
  });

  it('asks only for the platform administrator when the demo ISP is chosen', async () => {
    const values: SetupFormValues = { ...setupDefaults, mode: 'demo', platformAdmin: filled.platformAdmin };
    const input = toSetupInput(values);
    expect(input).toEqual({ platformAdmin: { fullName: 'Pat Platform', email: 'pat@example.com', password: 'platform pass 1' }, demo: true });
    expect(contract['setup.complete'].input.safeParse(input).success).toBe(true);
    const checked = await setupResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(checked.errors).toEqual({});
    const own = await setupResolver({ ...values, mode: 'own' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(Object.keys(own.errors)).toContain('tenant');
  });
});
