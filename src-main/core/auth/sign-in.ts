import { AppError } from '@shared/domain/errors';
import { permissionsOf } from '@shared/domain/permissions';
import type { InputOf, OutputOf, ParsedInputOf } from '@shared/contract';
import type { Principal, SessionInfo } from '@shared/contract/auth';
import type { Core } from '../context';
import type { Session } from '../rpc/sessions';
import { appendAudit } from './audit';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { findStaffByEmail, findStaffById, rolesOf } from './staff-repo';

type SignInInput = ParsedInputOf<'auth.sign-in'>;

const WRONG = 'Wrong email or password.';

function throttled(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError('RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`);
}

export async function signIn(core: Core, input: SignInInput): Promise<SessionInfo> {
  const key = input.scope === 'platform' ? `platform:${input.email}` : `tenant:${input.tenantId}:${input.email}`;
  const gate = core.throttle.check(key);
  if (!gate.allowed) throw throttled(gate.retryAfterMs);
  return input.scope === 'platform' ? signInPlatform(core, input, key) : signInStaff(core, input, key);
}

async function signInPlatform(core: Core, input: Extract<SignInInput, { scope: 'platform' }>, key: string): Promise<SessionInfo> {
  const admin = await core.app.db.selectFrom('platformAdmins').selectAll().where('email', '=', input.email).executeTakeFirst();
  const ok = await verifyPassword(input.password, admin?.passwordHash ?? (await dummyPasswordHash()));
  if (!admin || !ok) {
    core.throttle.recordFailure(key);
    core.log.info('platform sign-in failed', { email: input.email });
    throw new AppError('UNAUTHENTICATED', WRONG, undefined, 'BAD_CREDENTIALS');
  }
  core.throttle.recordSuccess(key);
  await core.app.db.updateTable('platformAdmins').set({ lastSignInAt: core.clock.now().toISOString() }).where('id', '=', admin.id).execute();
  const session = core.sessions.create({ kind: 'platform', userId: admin.id, mustChangePassword: admin.mustChangePassword === 1 });
  return { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs };
}

async function signInStaff(core: Core, input: Extract<SignInInput, { scope: 'tenant' }>, key: string): Promise<SessionInfo> {
  const tenant = core.registry.get(input.tenantId);
  if (!tenant) throw new AppError('NOT_FOUND', 'That ISP profile does not exist on this computer.');
  return core.tenants.use(tenant.id, async (h) => {
    const staff = await findStaffByEmail(h.db, input.email);
    const ok = await verifyPassword(input.password, staff?.passwordHash ?? (await dummyPasswordHash()));
    const anonymous = { kind: 'anonymous' as const, id: null, name: input.email };
    if (!staff || !ok) {
      core.throttle.recordFailure(key);
      await appendAudit(h.db, core.clock, anonymous, {
        action: 'auth.sign-in-failed', summary: `Failed sign-in for ${input.email}`, targetType: 'staff', targetId: staff?.id,
        details: { reason: staff ? 'wrong-password' : 'unknown-email' },
      });
      throw new AppError('UNAUTHENTICATED', WRONG, undefined, 'BAD_CREDENTIALS');
    }
    core.throttle.recordSuccess(key);
    const actor = { kind: 'staff' as const, id: staff.id, name: staff.fullName };
    if (tenant.status === 'suspended') {
      await appendAudit(h.db, core.clock, actor, {
        action: 'auth.sign-in-failed', summary: `${staff.fullName} could not sign in: the ISP profile is suspended`,
        targetType: 'staff', targetId: staff.id, details: { reason: 'tenant-suspended' },
      });
      throw new AppError('FORBIDDEN', 'This ISP profile is suspended. Contact your platform administrator.', undefined, 'TENANT_SUSPENDED');
    }
    if (staff.isActive !== 1) {
      await appendAudit(h.db, core.clock, actor, {
        action: 'auth.sign-in-failed', summary: `${staff.fullName} could not sign in: the account is deactivated`,
        targetType: 'staff', targetId: staff.id, details: { reason: 'deactivated' },
      });
      throw new AppError('FORBIDDEN', 'This account is deactivated. Ask your administrator to reactivate it.', undefined, 'ACCOUNT_DEACTIVATED');
    }
    const now = core.clock.now().toISOString();
    await h.db.transaction().execute(async (trx) => {
      await trx.updateTable('staffUsers').set({ lastSignInAt: now }).where('id', '=', staff.id).execute();
      await appendAudit(trx, core.clock, actor, { action: 'auth.sign-in', summary: `${staff.fullName} signed in`, targetType: 'staff', targetId: staff.id });
    });
    const session = core.sessions.create({
      kind: 'staff', tenantId: tenant.id, userId: staff.id, roles: rolesOf(staff), mustChangePassword: staff.mustChangePassword === 1,
    });
    return { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs };
  });
}

export async function principalOf(core: Core, session: Session): Promise<Principal> {
  if (session.kind === 'platform') {
    const a = await core.app.db.selectFrom('platformAdmins').selectAll().where('id', '=', session.userId).executeTakeFirst();
    if (!a) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    return { kind: 'platform', userId: a.id, fullName: a.fullName, email: a.email, mustChangePassword: session.mustChangePassword };
  }
  const tenant = core.registry.get(session.tenantId);
  if (!tenant) throw new AppError('UNAUTHENTICATED', 'This tenant profile no longer exists.');
  return core.tenants.use(tenant.id, async (h) => {
    const s = await findStaffById(h.db, session.userId);
    if (!s || s.isActive !== 1) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    const roles = rolesOf(s);
    return {
      kind: 'staff', userId: s.id, fullName: s.fullName, email: s.email, roles, permissions: [...permissionsOf(roles)],
      mustChangePassword: session.mustChangePassword,
      tenant: { id: tenant.id, name: tenant.name, currency: tenant.currency, timezone: tenant.timezone, country: tenant.country, isDemo: tenant.isDemo === 1 },
    };
  });
}

export function signOut(core: Core, session: Session): OutputOf<'auth.sign-out'> {
  core.sessions.end(session, 'signed-out');
  return { ok: true };
}

export async function changeOwnPassword(
  core: Core,
  session: Session,
  input: InputOf<'auth.change-password'>,
): Promise<OutputOf<'auth.change-password'>> {
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION', 'Choose a password different from the current one.', { newPassword: 'Must differ from the current password' });
  }
  const hash = await hashPassword(input.newPassword);
  if (session.kind === 'platform') {
    const a = await core.app.db.selectFrom('platformAdmins').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(input.currentPassword, a.passwordHash))) {
      throw new AppError('VALIDATION', 'The current password is not right.', { currentPassword: 'Not your current password' });
    }
    await core.app.db.updateTable('platformAdmins').set({ passwordHash: hash, mustChangePassword: 0 }).where('id', '=', a.id).execute();
  } else {
    await core.tenants.use(session.tenantId, async (h) => {
      const s = await findStaffById(h.db, session.userId);
      if (!s) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
      if (!(await verifyPassword(input.currentPassword, s.passwordHash))) {
        throw new AppError('VALIDATION', 'The current password is not right.', { currentPassword: 'Not your current password' });
      }
      await h.db.transaction().execute(async (trx) => {
        await trx.updateTable('staffUsers').set({ passwordHash: hash, mustChangePassword: 0, updatedAt: core.clock.now().toISOString() }).where('id', '=', s.id).execute();
        await appendAudit(trx, core.clock, { kind: 'staff', id: s.id, name: s.fullName }, {
          action: 'auth.password-changed', summary: `${s.fullName} changed their password`, targetType: 'staff', targetId: s.id,
        });
      });
    });
  }
  session.mustChangePassword = false;
  return { ok: true };
}
