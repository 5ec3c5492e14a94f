import { AppError } from '@shared/domain/errors';
import { can } from '@shared/domain/permissions';
import { isUploadPurpose, UPLOAD_PURPOSES, type UploadPurpose, type UploadPurposeDef } from '@shared/contract/uploads';
import type { Core } from '../context';
import type { Session } from '../rpc/sessions';

/**
 * Checked before a single byte of an upload is read: a live session allowed to upload for this purpose.
 * The channel that later uses the upload runs the dispatcher's full check again.
 */
export function authorizeUpload(core: Core, token: string | null, purposeName: string): { session: Session; purpose: UploadPurpose } {
  if (!isUploadPurpose(purposeName)) throw new AppError('NOT_FOUND', 'upload.unknown-purpose');
  const r = core.sessions.resolve(token);
  if ('error' in r) throw new AppError('UNAUTHENTICATED', r.error === 'expired' ? 'auth.session-expired' : 'auth.sign-in-required', { reason: r.error === 'expired' ? 'SESSION_EXPIRED' : 'NO_SESSION' });
  const session = r.session;
  if (session.mustChangePassword) throw new AppError('FORBIDDEN', 'auth.password-change-required', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  const def: UploadPurposeDef = UPLOAD_PURPOSES[purposeName];
  const access = def.access;
  const allowed = access === 'platform'
    ? session.kind === 'platform'
    : session.kind === 'staff' && core.registry.get(session.tenantId)?.status !== 'suspended' && can(session.roles, access);
  if (!allowed) throw new AppError('FORBIDDEN', 'auth.role-forbidden');
  return { session, purpose: purposeName };
}
