import { z } from 'zod';
import { contract, isChannelName, type ChannelName } from '@shared/contract';
import { AppError, type Envelope, type ErrorBody } from '@shared/domain/errors';
import type { Kysely } from 'kysely';
import { can, isTenantAccess, type Role } from '@shared/domain/permissions';
import type { TenantDB } from '../db/tenant-schema';
import { SchemaTooNewError } from '../db/migrate';
import type { CallerInfo, Core, PlatformCtx, PublicCtx, SessionCtx, TenantCtx } from '../context';
import type { Handlers } from './handlers';
import type { Session, SessionChanges } from './sessions';

export interface DispatchOptions {
  /** Told when the call created or ended sessions (sign-in, setup, sign-out…), before the envelope returns. */
  onSessions?: (changes: SessionChanges) => void;
}

/** Turns zod issues into field path → first message. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

function sqliteCode(e: unknown): string | null {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string'
    ? (e as { code: string }).code
    : null;
}

export function toErrorBody(e: unknown, core: Core, channel: string): ErrorBody {
  if (e instanceof AppError) return e.toBody();
  if (e instanceof z.ZodError) return { code: 'VALIDATION', key: 'request.invalid', params: {}, fields: fieldErrors(e) };
  if (e instanceof SchemaTooNewError) return { code: 'UNAVAILABLE', key: 'db.too-new', params: {} };
  const code = sqliteCode(e);
  if (code?.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return { code: 'CONFLICT', key: 'db.value-in-use', params: {} };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'UNAVAILABLE', key: 'db.busy', params: {} };
  }
  core.log.error('channel failed', { channel, error: e, stack: e instanceof Error ? e.stack : undefined });
  return { code: 'INTERNAL', key: 'request.internal', params: {} };
}

/** Channels a user who must change their password may still call. */
function allowedBeforePasswordChange(channel: ChannelName): boolean {
  const access = contract[channel].access;
  return access === 'public' || access === 'session';
}

/**
 * The one way into core for both transports: authenticate → validate → authorise (role and tenant) →
 * call the service → validate the output → envelope. Never throws.
 */
/** Who a session belongs to now, answered by the auth domain (roles re-read on every call). */
export interface PrincipalLookup {
  platformAdmin(core: Core, id: string): Promise<{ id: string; fullName: string } | undefined>;
  activeStaff(db: Kysely<TenantDB>, id: string): Promise<{ id: string; fullName: string; roles: Role[] } | null>;
}

export class Dispatcher {
  constructor(private readonly core: Core, private readonly handlers: Handlers, private readonly principals: PrincipalLookup) {}

  async dispatch(channelName: string, rawInput: unknown, caller: CallerInfo, options: DispatchOptions = {}): Promise<Envelope<unknown>> {
    if (!isChannelName(channelName)) {
      return { ok: false, error: { code: 'NOT_FOUND', key: 'request.unknown-channel', params: { channel: channelName.slice(0, 80) } } };
    }
    const changes: SessionChanges = { created: [], ended: [] };
    try {
      const data = await this.core.sessions.observe(changes, () => this.run(channelName, rawInput, caller));
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: toErrorBody(e, this.core, channelName) };
    } finally {
      if (changes.created.length > 0 || changes.ended.length > 0) options.onSessions?.(changes);
    }
  }

  private async run(name: ChannelName, rawInput: unknown, caller: CallerInfo): Promise<unknown> {
    const def = contract[name];
    // Authenticate before validating: an anonymous caller of a non-public channel learns nothing of its schema.
    const authenticated = def.access === 'public' ? null : this.authenticate(caller);
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw parsed.error;
    const input: unknown = parsed.data;
    // Handlers are typed per channel in HandlersFor; here the channel is dynamic, so call through a widened view.
    const handler = this.handlers[name] as unknown as (input: unknown, ctx: unknown) => Promise<unknown>;
    const access = def.access;
    const base: PublicCtx = { core: this.core, caller };

    let output: unknown;
    if (access === 'public') {
      output = await handler(input, base);
    } else {
      const session = authenticated ?? this.authenticate(caller);
      this.checkPasswordChange(name, session);
      if (access === 'session') {
        const ctx: SessionCtx = { ...base, session };
        output = await handler(input, ctx);
      } else if (access === 'platform') {
        if (session.kind !== 'platform') throw new AppError('FORBIDDEN', 'auth.platform-only');
        const admin = await this.principals.platformAdmin(this.core, session.userId);
        if (!admin) {
          this.core.sessions.end(session, 'account-deactivated');
          throw new AppError('UNAUTHENTICATED', 'auth.account-gone');
        }
        const ctx: PlatformCtx = { ...base, session, actor: { kind: 'platform', id: admin.id, name: admin.fullName } };
        output = await handler(input, ctx);
      } else if (isTenantAccess(access)) {
        if (session.kind !== 'staff') throw new AppError('FORBIDDEN', 'auth.tenant-only');
        const tenant = this.core.registry.get(session.tenantId);
        if (!tenant) {
          this.core.sessions.end(session, 'tenant-deleted');
          throw new AppError('UNAUTHENTICATED', 'auth.tenant-gone');
        }
        if (tenant.status === 'suspended') {
          this.core.sessions.end(session, 'tenant-suspended');
          throw new AppError('FORBIDDEN', 'auth.tenant-suspended', { reason: 'TENANT_SUSPENDED' });
        }
        output = await this.core.tenants.use(tenant.id, async (h) => {
          // Roles are re-read from the auth domain on every call: a change applies at once.
          const staff = await this.principals.activeStaff(h.db, session.userId);
          if (!staff) {
            this.core.sessions.end(session, 'account-deactivated');
            throw new AppError('UNAUTHENTICATED', 'auth.account-inactive');
          }
          const roles = staff.roles;
          session.roles = roles;
          if (!can(roles, access)) throw new AppError('FORBIDDEN', 'auth.role-forbidden', { reason: `NEEDS_${access}` });
          const ctx: TenantCtx = {
            ...base, session, tenant, db: h.db, roles, actor: { kind: 'staff', id: staff.id, name: staff.fullName },
          };
          return handler(input, ctx);
        });
      }
    }
    // Parsing the output strips anything the contract does not declare (hashes, ciphertexts never leak).
    const out = def.output.safeParse(output);
    if (!out.success) {
      this.core.log.error('handler output does not match the contract', { channel: name, issues: out.error.issues.slice(0, 5) });
      throw new AppError('INTERNAL', 'request.bad-output');
    }
    return out.data;
  }

  private authenticate(caller: CallerInfo): Session {
    const r = this.core.sessions.resolve(caller.token);
    if ('error' in r) {
      throw r.error === 'expired'
        ? new AppError('UNAUTHENTICATED', 'auth.session-expired', { reason: 'SESSION_EXPIRED' })
        : new AppError('UNAUTHENTICATED', 'auth.sign-in-required', { reason: 'NO_SESSION' });
    }
    return r.session;
  }

  private checkPasswordChange(name: ChannelName, session: Session): void {
    if (allowedBeforePasswordChange(name)) return;
    if (session.mustChangePassword) {
      throw new AppError('FORBIDDEN', 'auth.password-change-required', { reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
  }
}
