import { z } from 'zod';
import { channel, event } from './define';
import {
  countryCode, currency, email, empty, emptyOr, id, instant, ok, optionalPhone, pageInput, pageOutput, password, personName,
  phone, plainText, timeZone,
} from './common';
import { sessionInfo } from './auth';
import { downloadRef, uploadId } from './uploads';

export const TENANT_STATUSES = ['active', 'suspended', 'trial'] as const;
export const tenantStatus = z.enum(TENANT_STATUSES);
export type TenantStatus = z.infer<typeof tenantStatus>;

const tenantName = plainText(z
  .string({ message: 'Required' })
  .trim()
  .min(2, 'Enter at least 2 characters')
  .max(80, 'Use at most 80 characters'));

const tenantFields = {
  name: tenantName,
  ownerName: personName,
  ownerEmail: email,
  ownerPhone: phone,
  country: countryCode,
  currency,
  timezone: timeZone,
};

export const tenantAdminInput = z.strictObject({
  fullName: personName,
  email,
  phone: optionalPhone,
  password,
});

export const tenantCreateInput = z.strictObject({
  ...tenantFields,
  country: countryCode.default('KE'),
  currency: currency.default('KES'),
  timezone: timeZone.default('Africa/Nairobi'),
  status: z.enum(['active', 'trial']).default('active'),
  admin: tenantAdminInput,
});

export const tenantSummary = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  status: tenantStatus,
  isDemo: z.boolean(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  ownerPhone: z.string(),
  country: z.string(),
  currency: z.string(),
  timezone: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type TenantSummary = z.infer<typeof tenantSummary>;

export const tenantListItem = tenantSummary.extend({
  staffCount: z.number().int(),
  activeStaffCount: z.number().int(),
  routerCount: z.number().int(),
});

export const businessSettings = z.object({
  legalName: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  taxId: z.string(),
  /** VAT in basis points: 1600 = 16 %. */
  vatRateBasisPoints: z.number().int(),
  logoDataUrl: z.string().nullable(),
  receiptFooter: z.string(),
  updatedAt: instant.nullable(),
});
export type BusinessSettings = z.infer<typeof businessSettings>;

export const businessSettingsInput = z.strictObject({
  legalName: plainText(z.string().trim().max(160, 'Use at most 160 characters')),
  address: plainText(z.string().trim().max(400, 'Use at most 400 characters'), { multiline: true }),
  phone: emptyOr(phone),
  email: emptyOr(email),
  taxId: plainText(z.string().trim().max(40, 'Use at most 40 characters')),
  vatRateBasisPoints: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(0, 'Cannot be negative').max(10_000, 'At most 100 %'),
  receiptFooter: plainText(z.string().trim().max(500, 'Use at most 500 characters'), { multiline: true }),
});

export const preferences = z.object({
  colorScheme: z.enum(['light', 'dark', 'auto']),
  language: z.enum(['en', 'sw']),
});
export type Preferences = z.infer<typeof preferences>;

const tenantRef = z.strictObject({ tenantId: id });

export const tenancyChannels = {
  'setup.status': channel({
    summary: 'Whether this installation still needs its first-run wizard.',
    input: empty,
    output: z.object({ needsSetup: z.boolean() }),
    access: 'public',
    mutates: false,
  }).sample(() => ({})),
  'setup.complete': channel({
    summary: 'First run: create the platform administrator and the first tenant with its admin, or a demo ISP.',
    input: z
      .strictObject({
        platformAdmin: z.strictObject({ fullName: personName, email, password }),
        /** "Try a demo ISP": a demo tenant with simulated routers, administered by the platform admin's account. */
        demo: z.boolean().default(false),
        tenant: tenantCreateInput.optional(),
      })
      .refine((v) => v.demo || v.tenant !== undefined, { path: ['tenant'], message: 'Describe your ISP, or choose the demo' }),
    output: z.object({
      session: sessionInfo,
      tenantId: id,
      /** The ISP administrator's session when that account is the wizard's own (demo, "use my details"). */
      tenantSession: sessionInfo.optional(),
    }),
    access: 'public',
    mutates: true,
  }).sample(() => ({
    platformAdmin: { fullName: 'Pat Admin', email: 'pat@example.com', password: 'green valley 2041' },
    tenant: {
      name: 'Sample Net', ownerName: 'Owner', ownerEmail: 'owner@example.com', ownerPhone: '0712345678',
      admin: { fullName: 'Sam Admin', email: 'sam@example.com', password: 'green valley 2042' },
    },
  })),
  'tenants.directory': channel({
    summary: 'Tenant profiles on this installation, for the sign-in screen (names only).',
    input: empty,
    output: z.object({
      items: z.array(z.object({ id, name: z.string(), slug: z.string(), status: tenantStatus, isDemo: z.boolean() })),
    }),
    access: 'public',
    mutates: false,
  }).sample(() => ({})),
  'preferences.get': channel({
    summary: 'UI preferences of this installation (theme, language).',
    input: empty,
    output: preferences,
    access: 'public',
    mutates: false,
  }).sample(() => ({})),
  'preferences.set': channel({
    summary: 'Save UI preferences.',
    input: preferences.partial().strict(),
    output: preferences,
    // They apply to every window and every ISP profile of this installation.
    access: 'platform',
    mutates: true,
  }).sample(() => ({ colorScheme: 'dark' })),
  'tenants.list': channel({
    summary: 'Tenants with status and counts (platform).',
    input: pageInput(['name', 'createdAt', 'status'], { status: tenantStatus.optional() }),
    output: pageOutput(tenantListItem),
    access: 'platform',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'tenants.get': channel({
    summary: 'One tenant (platform).',
    input: tenantRef,
    output: tenantListItem,
    access: 'platform',
    mutates: false,
  }).sample((r) => ({ tenantId: r.tenant })),
  'tenants.create': channel({
    summary: 'Create a tenant together with its first ADMIN.',
    input: tenantCreateInput,
    output: tenantSummary,
    access: 'platform',
    mutates: true,
  }).sample(() => ({
      name: 'Another Net', ownerName: 'Owner', ownerEmail: 'o@example.com', ownerPhone: '0712345678',
      admin: { fullName: 'An Admin', email: 'admin@example.com', password: 'green valley 2043' },
    })),
  'tenants.update': channel({
    summary: 'Edit a tenant profile.',
    input: z.strictObject({ tenantId: id }).extend(z.strictObject(tenantFields).partial().shape),
    output: tenantSummary,
    access: 'platform',
    mutates: true,
  }).sample((r) => ({ tenantId: r.tenant, ownerName: 'New Owner' })),
  'tenants.set-status': channel({
    summary: 'Suspend or reactivate a tenant: a suspended tenant cannot sign in and its background work stops.',
    input: z.strictObject({ tenantId: id, status: tenantStatus, reason: plainText(z.string().trim().max(300)).optional() }),
    output: tenantSummary,
    access: 'platform',
    mutates: true,
  }).sample((r) => ({ tenantId: r.tenant, status: 'suspended', reason: 'Unpaid' })),
  'tenants.delete': channel({
    summary: 'Delete a tenant and its data file. The exact name must be typed to confirm.',
    input: z.strictObject({ tenantId: id, confirmName: z.string({ message: 'Required' }).min(1, 'Type the tenant name to confirm') }),
    output: ok,
    access: 'platform',
    mutates: true,
  }).sample((r) => ({ tenantId: r.tenant, confirmName: 'wrong name' })),
  'tenants.export': channel({
    summary: 'Export a tenant to one file, encrypted as a whole with a passphrase.',
    input: z.strictObject({ tenantId: id, passphrase: z.string().min(8, 'Use at least 8 characters').max(200) }),
    output: downloadRef,
    access: 'platform',
    mutates: false,
  }).sample((r) => ({ tenantId: r.tenant, passphrase: 'export pass 1' })),
  'tenants.import': channel({
    summary: 'Import a tenant export file (an upload for purpose tenant-import); refuses to overwrite an existing tenant.',
    input: z.strictObject({
      uploadId,
      passphrase: z.string().min(8, 'Use at least 8 characters').max(200),
    }),
    output: tenantSummary,
    access: 'platform',
    mutates: true,
  }).sample(() => ({ uploadId: 'upl_AAAAAAAAAAAAAAAAAAAAAAAA', passphrase: 'export pass 1' })),
  'settings.get': channel({
    summary: "The tenant's business settings (legal name, tax, logo, receipt footer).",
    input: empty,
    output: z.object({ tenant: tenantSummary, business: businessSettings }),
    access: 'settings.read',
    mutates: false,
  }).sample(() => ({})),
  'settings.update': channel({
    summary: "Change the tenant's business settings.",
    input: businessSettingsInput,
    output: businessSettings,
    access: 'settings.manage',
    mutates: true,
  }).sample(() => ({
      legalName: 'Sample Net Ltd', address: 'Nairobi', phone: '0712345678', email: 'info@example.com', taxId: 'P051234567X',
      vatRateBasisPoints: 1600, receiptFooter: 'Thank you',
    })),
  'settings.set-logo': channel({
    summary: "Set the tenant's logo from an uploaded image (purpose tenant-logo: PNG, JPEG, SVG or WebP), or remove it (null).",
    input: z.strictObject({ uploadId: uploadId.nullable() }),
    output: businessSettings,
    access: 'settings.manage',
    mutates: true,
  }).sample(() => ({ uploadId: null })),
} as const;

export const tenancyEvents = {
  'tenants.changed': event({
    summary: 'A tenant was created, edited, suspended, reactivated, imported or deleted.',
    payload: z.object({ tenantId: id, change: z.enum(['created', 'updated', 'status', 'deleted']) }),
    access: 'platform',
  }),
} as const;

export { password };
