import { AppError } from '@shared/domain/errors';
import { permissionsOf } from '@shared/domain/permissions';
import type { InputOf, OutputOf, ParsedInputOf } from '@shared/contract';
import type { Principal, SessionInfo } from '@shared/contract/auth';
import type { CallerInfo, Core } from '../context';
import type { TenantRecord } from '../db/app-schema';
import type { Session } from '../rpc/sessions';
import { appendAudit } from './audit';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { assertPasswordAllowed } from './password-rules';
import { findStaffByEmail, findStaffById, rolesOf } from './staff-repo';

type SignInInput = ParsedInputOf<'auth.sign-in'>;

/** The one refusal for every unusable sign-in: unknown e-mail, wrong password, deactivated account, suspended tenant. */
const badCredentials = () => new AppError('UNAUTHENTICATED', 'auth.wrong-credentials', { reason: 'BAD_CREDENTIALS' });

function throttled(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError('RATE_LIMITED', 'auth.rate-limited', { params: { minutes } });
}

/** Who is guessing: the transport's client (HTTP peer address, Electron window), else the transport itself. */
function clientKey(caller: CallerInfo): string {
  return `${caller.transport}:${caller.client ?? ''}`;
}

export async function signIn(core: Core, input: SignInInput, caller: CallerInfo): Promise<SessionInfo> {
  // Tenant ids are public (the sign-in directory lists them), so an unknown one costs no hash and no attempt.
  const tenant = input.scope === 'tenant' ? core.registry.get(input.tenantId) : undefined;
  if (input.scope === 'tenant' && !tenant) throw new AppError('NOT_FOUND', 'auth.unknown-profile');
  const key = input.scope === 'platform' ? `platform:${input.email}` : `tenant:${input.tenantId}:${input.email}`;
  const gate = core.throttle.reserve(key, clientKey(caller));
  if (!gate.allowed) throw throttled(gate.retryAfterMs);
  let session: SessionInfo;
  try {
    session = input.scope === 'platform' || !tenant ? await signInPlatform(core, input) : await signInStaff(core, input, tenant);
  } catch (e) {
    gate.attempt.failed();
    throw e;
  }
  gate.attempt.succeeded();
  return session;
}

async function signInPlatform(core: Core, input: SignInInput): Promise<SessionInfo> {
  const admin = await core.app.db.selectFrom('platformAdmins').selectAll().where('email', '=', input.email).executeTakeFirst();
  const ok = await verifyPassword(input.password, admin?.passwordHash ?? (await dummyPasswordHash()));
  if (!admin || !ok) {
    core.log.info('platform sign-in failed', { email: input.email });
    throw badCredentials();
  }
  await core.app.db.updateTable('platformAdmins').set({ lastSignInAt: core.clock.now().toISOString() }).where('id', '=', admin.id).execute();
  const session = core.sessions.create({ kind: 'platform', userId: admin.id, mustChangePassword: admin.mustChangePassword === 1 });
  return { token: session.token, principal: await principalOf(core, session), idleTimeoutMs: core.sessions.options.idleTimeoutMs };
}

type FailReason = 'unknown-email' | 'wrong-password' | 'tenant-suspended' | 'deactivated';

async function signInStaff(core: Core, input: SignInInput, tenant: TenantRecord): Promise<SessionInfo> {
  return core.tenants.use(tenant.id, async (h) => {
    const staff = await findStaffByEmail(h.db, input.email);
    const ok = await verifyPassword(input.password, staff?.passwordHash ?? (await dummyPasswordHash()));
    // The answer differs only once the password is right *and* the account usable: no status oracle.
    const reason: FailReason | null = !staff ? 'unknown-email' : !ok ? 'wrong-password'
      : tenant.status === 'suspended' ? 'tenant-suspended' : staff.isActive !== 1 ? 'deactivated' : null;
    if (!staff || reason) {
      // Known accounts are bounded by their throttle; unknown e-mails by a per-tenant budget.
      if (staff || core.throttle.mayAuditUnknownAccount(tenant.id)) {
        const actor = ok && staff ? { kind: 'staff' as const, id: staff.id, name: staff.fullName } : { kind: 'anonymous' as const, id: null, name: input.email };
        await appendAudit(h.db, core.clock, actor, {
          action: 'auth.sign-in-failed', summary: failSummary(reason ?? 'unknown-email', input.email, staff?.fullName),
          targetType: 'staff', targetId: staff?.id, details: { reason },
        });
      }
      core.log.info('tenant sign-in failed', { tenantId: tenant.id, email: input.email, reason });
      throw badCredentials();
    }
    const actor = { kind: 'staff' as const, id: staff.id, name: staff.fullName };
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

function failSummary(reason: FailReason, email: string, fullName: string | undefined): string {
  if (reason === 'tenant-suspended') return `${fullName ?? email} could not sign in: the ISP profile is suspended`;
  if (reason === 'deactivated') return `${fullName ?? email} could not sign in: the account is deactivated`;
  return `Failed sign-in for ${email}`;
}

export async function principalOf(core: Core, session: Session): Promise<Principal> {
  if (session.kind === 'platform') {
    const a = await core.app.db.selectFrom('platformAdmins').selectAll().where('id', '=', session.userId).executeTakeFirst();
    if (!a) throw new AppError('UNAUTHENTICATED', 'auth.sign-in-required');
    return { kind: 'platform', userId: a.id, fullName: a.fullName, email: a.email, mustChangePassword: session.mustChangePassword };
  }
  const tenant = core.registry.get(session.tenantId);
  if (!tenant) throw new AppError('UNAUTHENTICATED', 'auth.tenant-gone');
  return core.tenants.use(tenant.id, async (h) => {
    const s = await findStaffById(h.db, session.userId);
    if (!s || s.isActive !== 1) throw new AppError('UNAUTHENTICATED', 'auth.sign-in-required');
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
    throw new AppError('VALIDATION', 'auth.password-must-differ', { fields: { newPassword: 'must-differ' } });
  }
  if (session.kind === 'platform') {
    const a = await core.app.db.selectFrom('platformAdmins').selectAll().where('id', '=', session.userId).executeTakeFirstOrThrow();
    assertPasswordAllowed(input.newPassword, { email: a.email, name: a.fullName }, 'newPassword');
    if (!(await verifyPassword(input.currentPassword, a.passwordHash))) throw notCurrentPassword();
    const hash = await hashPassword(input.newPassword);
    await core.app.db.updateTable('platformAdmins').set({ passwordHash: hash, mustChangePassword: 0 }).where('id', '=', a.id).execute();
  } else {
    await core.tenants.use(session.tenantId, async (h) => {
      const s = await findStaffById(h.db, session.userId);
      if (!s) throw new AppError('UNAUTHENTICATED', 'auth.sign-in-required');
      assertPasswordAllowed(input.newPassword, { email: s.email, name: s.fullName }, 'newPassword');
      if (!(await verifyPassword(input.currentPassword, s.passwordHash))) throw notCurrentPassword();
      const hash = await hashPassword(input.newPassword);
      await h.db.transaction().execute(async (trx) => {
        await trx.updateTable('staffUsers').set({ passwordHash: hash, mustChangePassword: 0, updatedAt: core.clock.now().toISOString() }).where('id', '=', s.id).execute();
        await appendAudit(trx, core.clock, { kind: 'staff', id: s.id, name: s.fullName }, {
          action: 'auth.password-changed', summary: `${s.fullName} changed their password`, targetType: 'staff', targetId: s.id,
        });
      });
    });
  }
  session.mustChangePassword = false;
  // Whoever else holds a session of this person (another window, a stolen token) must sign in with the new password.
  core.sessions.endWhere((other) => other.token !== session.token && isSamePerson(other, session), 'password-changed');
  return { ok: true };
}

const notCurrentPassword = () => new AppError('VALIDATION', 'auth.wrong-current-password', { fields: { currentPassword: 'not-current-password' } });

function isSamePerson(a: Session, b: Session): boolean {
  if (a.kind === 'platform' || b.kind === 'platform') return a.kind === b.kind && a.userId === b.userId;
  return a.tenantId === b.tenantId && a.userId === b.userId;
}
