import { z } from 'zod';
import { channel, event } from './define';
import { email, empty, id, instant, ok, optionalPhone, pageInput, pageOutput, password, personName } from './common';
import { PERMISSIONS, ROLES } from '../domain/permissions';

export const role = z.enum(ROLES);
export const permission = z.enum(PERMISSIONS);

export const principal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('platform'),
    userId: id,
    fullName: z.string(),
    email: z.string(),
    mustChangePassword: z.boolean(),
  }),
  z.object({
    kind: z.literal('staff'),
    userId: id,
    fullName: z.string(),
    email: z.string(),
    roles: z.array(role),
    permissions: z.array(permission),
    mustChangePassword: z.boolean(),
    tenant: z.object({
      id,
      name: z.string(),
      currency: z.string(),
      timezone: z.string(),
      /** ISO country code: with the UI language it picks the date and time format (en + KE = en-KE, 24 h). */
      country: z.string().optional(),
      isDemo: z.boolean(),
    }),
  }),
]);
export type Principal = z.infer<typeof principal>;

export const sessionInfo = z.object({
  token: z.string(),
  principal,
  idleTimeoutMs: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const staffMember = z.object({
  id,
  fullName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  roles: z.array(role),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type StaffMember = z.infer<typeof staffMember>;

const roles = z
  .array(role, { message: 'Choose at least one role' })
  .min(1, 'Choose at least one role')
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, 'Each role only once');

export const staffCreateInput = z.strictObject({
  fullName: personName,
  email,
  phone: optionalPhone,
  roles,
  /** Initial password; the new member must change it at first sign-in. */
  password,
});

export const auditEntry = z.object({
  id,
  at: instant,
  actorKind: z.enum(['staff', 'platform', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'auth.password-changed',
  'staff.created',
  'staff.updated',
  'staff.roles-changed',
  'staff.activated',
  'staff.deactivated',
  'staff.password-reset',
  'settings.updated',
  'tenant.created',
  'tenant.updated',
  'tenant.status-changed',
  'tenant.imported',
  'router.created',
  'router.updated',
  'router.deleted',
  'router.certificate-trusted',
  'router.session-kicked',
  'router.config-changed',
  'alerts.marked-read',
  'package.created',
  'package.updated',
  'package.deleted',
  'subscriber.created',
  'subscriber.updated',
  'subscriber.deleted',
  'subscriber.extended',
  'subscriber.suspended',
  'subscriber.reconnected',
  'subscriber.expired',
  'subscriber.reactivated',
  'subscriber.password-revealed',
  'subscriber.imported',
  'subscriber.bulk-applied',
  'subscriber.settings-updated',
  'subscriber.router-values-adopted',
  'subscriber.disabled',
  'job.updated',
  'job.run-started',
  'subscriber.renewed',
  'payment.applied',
  'payment.unmatched',
  'payment.assigned',
  'payment.set-aside',
  'invoice.created',
  'invoice.issued',
  'invoice.voided',
  'invoice.settings-updated',
  'invoice.postpaid-changed',
  'wallet.adjusted',
  'wallet.reversed',
  'mpesa.settings-updated',
  'mpesa.stk-requested',
  'mpesa.statement-imported',
  'mpesa.sms-imported',
  'wallet.installation-fee',
  'subscriber.package-changed',
  'shift.opened',
  'shift.closed',
  'hotspot-plan.created',
  'hotspot-plan.updated',
  'voucher-batch.created',
  'voucher-batch.cancelled',
  'voucher.revoked',
  'voucher.counters-reset',
  'hotspot-plan.adopted',
  'voucher-batch.adopted',
  'voucher.printed',
  'voucher-template.created',
  'voucher-template.updated',
  'voucher-template.deleted',
  'vouchers.sold',
  'voucher-stock.threshold-set',
  'agent.created',
  'agent.updated',
  'agent.topped-up',
  'agent.adjusted',
  'agent.reversed',
  'portal.settings-updated',
  'portal.installed',
  'portal.purchase-started',
  'portal.voucher-issued',
] as const;

const staffRef = z.strictObject({ staffId: id });

export const authChannels = {
  'auth.sign-in': channel({
    summary: 'Sign in to a tenant (staff) or to platform administration.',
    input: z.discriminatedUnion('scope', [
      z.strictObject({ scope: z.literal('platform'), email, password: z.string().min(1, 'Required').max(200) }),
      z.strictObject({ scope: z.literal('tenant'), tenantId: id, email, password: z.string().min(1, 'Required').max(200) }),
    ]),
    output: sessionInfo,
    access: 'public',
    mutates: true,
  }).sample((r) => ({ scope: 'tenant', tenantId: r.tenant, email: 'nobody@example.com', password: 'wrong password' })),
  'auth.session': channel({
    summary: 'Who the current session belongs to.',
    input: empty,
    output: principal,
    access: 'session',
    mutates: false,
  }).sample(() => ({})),
  'auth.sign-out': channel({
    summary: 'End the current session.',
    input: empty,
    output: ok,
    access: 'session',
    mutates: true,
  }).sample(() => ({})),
  'auth.change-password': channel({
    summary: 'Change your own password.',
    input: z.strictObject({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: password }),
    output: ok,
    access: 'session',
    mutates: true,
  }).sample(() => ({ currentPassword: 'wrong password', newPassword: 'another horse 9' })),
  'staff.list': channel({
    summary: 'Staff accounts of the tenant.',
    input: pageInput(['fullName', 'email', 'lastSignInAt', 'createdAt'], {
      role: role.optional(),
      isActive: z.boolean().optional(),
    }),
    output: pageOutput(staffMember),
    access: 'staff.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
  'staff.get': channel({
    summary: 'One staff account.',
    input: staffRef,
    output: staffMember,
    access: 'staff.read',
    mutates: false,
  }).sample((r) => ({ staffId: r.staff })),
  'staff.create': channel({
    summary: 'Add a staff member with roles and an initial password.',
    input: staffCreateInput,
    output: staffMember,
    access: 'staff.manage',
    mutates: true,
  }).sample(() => ({ fullName: 'Cass Cashier', email: 'cass@example.com', roles: ['CASHIER'], password: 'initial pass 1' })),
  'staff.update': channel({
    summary: "Edit a staff member's details or roles.",
    input: z.strictObject({ staffId: id, fullName: personName.optional(), email: email.optional(), phone: optionalPhone, roles: roles.optional() }),
    output: staffMember,
    access: 'staff.manage',
    mutates: true,
  }).sample((r) => ({ staffId: r.staff, fullName: 'Renamed Person' })),
  'staff.set-active': channel({
    summary: 'Deactivate or reactivate a staff account; deactivation ends its sessions.',
    input: z.strictObject({ staffId: id, isActive: z.boolean() }),
    output: staffMember,
    access: 'staff.manage',
    mutates: true,
  }).sample((r) => ({ staffId: r.staff, isActive: false })),
  'staff.reset-password': channel({
    summary: "Set a new password for a staff member; they must change it at next sign-in.",
    input: z.strictObject({ staffId: id, newPassword: password }),
    output: staffMember,
    access: 'staff.manage',
    mutates: true,
  }).sample((r) => ({ staffId: r.staff, newPassword: 'temporary pass 1' })),
  'audit.list': channel({
    summary: "The tenant's append-only audit log, newest first.",
    input: pageInput(['at'], {
      action: z.string().max(60).optional(),
      actorId: z.string().max(60).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
    output: pageOutput(auditEntry),
    access: 'audit.read',
    mutates: false,
  }).sample(() => ({ page: 1, pageSize: 25 })),
} as const;

export const authEvents = {
  'session.ended': event({
    summary: 'This session was ended by the system (tenant suspended, account deactivated, idle timeout).',
    payload: z.object({ reason: z.enum(['tenant-suspended', 'account-deactivated', 'idle', 'tenant-deleted', 'password-reset', 'password-changed']) }),
    access: 'session',
  }),
} as const;
