import { z } from 'zod';
import { channel } from './define';
import { empty, id, instant, pageInput, pageOutput, plainText } from './common';

/** The portal pages the kit makes (HotSpot manual, "Customizing HotSpot"; see core/hotspot-portal/pages.ts). */
export const PORTAL_FILES = ['login.html', 'alogin.html', 'status.html', 'logout.html', 'error.html'] as const;
export type PortalFile = (typeof PORTAL_FILES)[number];

const ipv4 = z.string().trim().refine((v) => /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(v), 'Enter an IPv4 address such as 192.168.88.10');

export const portalSettingsInput = z.strictObject({
  enabled: z.boolean(),
  /** The LAN address of this PC as the router sees it: pages are fetched from it and the page calls it to buy. */
  lanAddress: ipv4.nullable(),
  lanPort: z.number({ message: 'Must be a number' }).int('Must be a whole number').min(1024, 'At least 1024').max(65_535, 'At most 65535'),
  /** Plans the portal sells with M-Pesa (their price is what the customer pays). */
  offeredPlanIds: z.array(id).max(12, 'Offer at most 12 plans'),
  title: plainText(z.string().trim().min(1, 'Required').max(60, 'Use at most 60 characters')),
  colour: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1c7ed6'),
  supportPhone: plainText(z.string().trim().max(20, 'Use at most 20 characters')),
});

export const portalSettings = z.object({
  enabled: z.boolean(),
  lanAddress: z.string().nullable(),
  lanPort: z.number().int(),
  offeredPlanIds: z.array(id),
  title: z.string(),
  colour: z.string(),
  supportPhone: z.string(),
  /** Where the router fetches the pages from, e.g. `http://192.168.88.10:4681/portal/<tenant>/`; null until a LAN address is set. */
  baseUrl: z.string().nullable(),
  updatedAt: instant.nullable(),
});
export type PortalSettings = z.infer<typeof portalSettings>;

export const PORTAL_INSTALL_STEPS = ['walled-garden', 'file', 'profile'] as const;

export const portalInstallResult = z.object({
  routerId: id,
  ok: z.boolean(),
  steps: z.array(z.object({
    step: z.enum(PORTAL_INSTALL_STEPS),
    /** What the step wrote: a file name, `address:port`, or the hotspot profile's name. */
    target: z.string(),
    ok: z.boolean(),
    /** The router's own words when it refused. */
    error: z.string().nullable(),
  })),
});
export type PortalInstallResult = z.infer<typeof portalInstallResult>;

export const PORTAL_PURCHASE_STATUSES = ['paying', 'paid', 'failed'] as const;
export const PORTAL_LOGIN_STATES = ['none', 'waiting', 'done', 'failed'] as const;

export const portalPurchaseSummary = z.object({
  id,
  planId: id,
  planName: z.string(),
  phone: z.string(),
  mac: z.string(),
  ip: z.string(),
  amountMinor: z.number().int(),
  status: z.enum(PORTAL_PURCHASE_STATUSES),
  failure: z.string().nullable(),
  code: z.string().nullable(),
  login: z.enum(PORTAL_LOGIN_STATES),
  loginError: z.string().nullable(),
  createdAt: instant,
});
export type PortalPurchaseSummary = z.infer<typeof portalPurchaseSummary>;

export const hotspotPortalChannels = {
  'portal.settings.get': channel({
    summary: 'The captive-portal kit settings: plans sold from the portal, the LAN address the app serves it on, the look.',
    input: empty,
    output: portalSettings,
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({})),
  'portal.settings.update': channel({
    summary: 'Change the captive-portal settings; offered plans must be active plans of this ISP.',
    input: portalSettingsInput,
    output: portalSettings,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ enabled: true, lanAddress: '192.168.88.10', lanPort: 4681, offeredPlanIds: [r.hotspotPlan], title: 'Sample WiFi', colour: '#1c7ed6', supportPhone: '0700000000' })),
  'portal.preview': channel({
    summary: 'The portal pages as they would be installed, for a sandboxed preview.',
    input: empty,
    output: z.object({ files: z.array(z.object({ name: z.enum(PORTAL_FILES), html: z.string() })) }),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({})),
  'portal.install': channel({
    summary: 'Install the portal on a router: walled-garden entry for the app, pages fetched from the app, the hotspot profile pointed at them.',
    input: z.strictObject({ routerId: id }),
    output: portalInstallResult,
    access: 'subscribers.manage',
    mutates: true,
  }).sample((r) => ({ routerId: r.router })),
  'portal.purchases.list': channel({
    summary: 'Vouchers bought from the portal with M-Pesa, newest first.',
    input: pageInput(['createdAt'], { status: z.enum(PORTAL_PURCHASE_STATUSES).optional() }),
    output: pageOutput(portalPurchaseSummary),
    access: 'hotspot.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
} as const;
