/**
 * The secret part of a tenant's C2B callback URLs (`/c2b/<tenantId>/<token>/validation|confirmation`).
 * Daraja signs nothing it posts, so whoever knows the URL can post a "payment": the URL must be
 * unguessable. The token is 32 random bytes, made on first use and sealed in `secrets` like any credential;
 * the ADMIN reads the URLs to register them with Safaricom.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { TenantScope } from '../context';
import { readSecret, saveSecret } from '../secrets/secret-store';

const REF = { ownerType: 'mpesa', ownerId: 'default', name: 'c2b-path-token' } as const;

export async function c2bPathToken(scope: TenantScope): Promise<string> {
  // In one transaction, so two first readers cannot each make (and hand out) a different token.
  return scope.db.transaction().execute(async (trx) => {
    const existing = await readSecret(trx, scope.core.secrets, REF);
    if (existing) return existing;
    const token = randomBytes(32).toString('base64url');
    await saveSecret(trx, scope.core.secrets, REF, token, scope.core.clock.now().toISOString());
    return token;
  });
}

/** Whether `token` is the tenant's (constant time); false while no token was ever made. */
export async function isC2bPathToken(scope: TenantScope, token: string): Promise<boolean> {
  const expected = await readSecret(scope.db, scope.core.secrets, REF);
  if (!expected) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
