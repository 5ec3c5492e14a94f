/**
 * The tenant's M-Pesa settings: PayBill or BuyGoods (till + store number), sandbox or production, an
 * overridable base URL (the fake Daraja, a relay), C2B validation policy. Consumer key/secret and passkey are
 * sealed through the secrets store and never leave core: reads say only whether each is set.
 */
import { AppError } from '@shared/domain/errors';
import type { TenantScope } from '../context';
import { appendAudit } from '../auth/audit';
import { hasSecret, readSecret, saveSecret } from '../secrets/secret-store';
import { DarajaClient, type DarajaConfig } from './daraja-client';

/** integrations.md §4: Daraja base URLs. */
export const DARAJA_BASE_URLS = { sandbox: 'https://sandbox.safaricom.co.ke', production: 'https://api.safaricom.co.ke' } as const;

const SECRET_NAMES = ['consumer-key', 'consumer-secret', 'passkey'] as const;
type SecretName = (typeof SECRET_NAMES)[number];
const ref = (name: SecretName): { ownerType: string; ownerId: string; name: string } => ({ ownerType: 'mpesa', ownerId: 'default', name });

export interface MpesaSettingsView {
  configured: boolean;
  accountType: 'paybill' | 'buygoods';
  shortcode: string;
  till: string | null;
  environment: 'sandbox' | 'production';
  baseUrl: string | null;
  callbackUrl: string | null;
  c2bRejectUnknown: boolean;
  hasConsumerKey: boolean;
  hasConsumerSecret: boolean;
  hasPasskey: boolean;
}

export interface MpesaSettingsInput {
  accountType: 'paybill' | 'buygoods';
  shortcode: string;
  till: string | null;
  environment: 'sandbox' | 'production';
  baseUrl: string | null;
  callbackUrl: string | null;
  c2bRejectUnknown: boolean;
  /** Omitted = keep the sealed value. */
  consumerKey?: string;
  consumerSecret?: string;
  passkey?: string;
}

export async function getMpesaSettings(scope: TenantScope): Promise<MpesaSettingsView> {
  const row = await scope.db.selectFrom('mpesaSettings').selectAll().where('id', '=', 'default').executeTakeFirst();
  const [hasConsumerKey, hasConsumerSecret, hasPasskey] = await Promise.all(SECRET_NAMES.map((n) => hasSecret(scope.db, ref(n))));
  return {
    configured: !!row && !!hasConsumerKey && !!hasConsumerSecret && !!hasPasskey,
    accountType: row?.accountType ?? 'paybill',
    shortcode: row?.shortcode ?? '',
    till: row?.till ?? null,
    environment: row?.environment ?? 'sandbox',
    baseUrl: row?.baseUrl ?? null,
    callbackUrl: row?.callbackUrl ?? null,
    c2bRejectUnknown: row ? row.c2bRejectUnknown === 1 : false,
    hasConsumerKey: !!hasConsumerKey, hasConsumerSecret: !!hasConsumerSecret, hasPasskey: !!hasPasskey,
  };
}

export async function updateMpesaSettings(scope: TenantScope, input: MpesaSettingsInput): Promise<MpesaSettingsView> {
  if (input.accountType === 'buygoods' && !input.till) {
    throw new AppError('VALIDATION', 'request.invalid', { fields: { till: 'required' } });
  }
  const now = scope.core.clock.now().toISOString();
  await scope.db.transaction().execute(async (trx) => {
    const values = {
      accountType: input.accountType, shortcode: input.shortcode.trim(), till: input.accountType === 'buygoods' ? input.till?.trim() ?? null : null,
      environment: input.environment, baseUrl: input.baseUrl?.trim() || null, callbackUrl: input.callbackUrl?.trim() || null,
      c2bRejectUnknown: input.c2bRejectUnknown ? 1 : 0, updatedAt: now,
    };
    await trx.insertInto('mpesaSettings').values({ id: 'default', ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    const changed: SecretName[] = [];
    for (const [name, value] of [['consumer-key', input.consumerKey], ['consumer-secret', input.consumerSecret], ['passkey', input.passkey]] as const) {
      if (value === undefined) continue;
      await saveSecret(trx, scope.core.secrets, ref(name), value, now);
      changed.push(name);
    }
    await appendAudit(trx, scope.core.clock, scope.actor, {
      action: 'mpesa.settings-updated', summary: `M-Pesa settings: ${input.accountType} ${values.shortcode} (${input.environment})`,
      targetType: 'mpesa', targetId: 'default', details: { secretsChanged: changed },
    });
  });
  return getMpesaSettings(scope);
}

/** The Daraja configuration with the unsealed credentials, for the client only; never returned to a caller. */
export async function darajaConfigOf(scope: TenantScope): Promise<DarajaConfig> {
  const row = await scope.db.selectFrom('mpesaSettings').selectAll().where('id', '=', 'default').executeTakeFirst();
  const [consumerKey, consumerSecret, passkey] = await Promise.all(SECRET_NAMES.map((n) => readSecret(scope.db, scope.core.secrets, ref(n))));
  if (!row || !consumerKey || !consumerSecret || !passkey || row.shortcode === '') throw new AppError('CONFLICT', 'mpesa.not-configured');
  return {
    baseUrl: row.baseUrl ?? DARAJA_BASE_URLS[row.environment],
    consumerKey, consumerSecret, passkey, shortcode: row.shortcode, type: row.accountType, till: row.till,
  };
}

/**
 * One client per tenant and configuration, so the OAuth token is cached across requests; a settings change
 * (different config) makes a new client.
 */
const clients = new WeakMap<object, Map<string, DarajaClient>>();
export async function darajaClientOf(scope: TenantScope, timeoutMs?: number): Promise<DarajaClient> {
  const config = await darajaConfigOf(scope);
  const key = `${scope.tenant.id}|${JSON.stringify(config)}|${timeoutMs ?? ''}`;
  let perCore = clients.get(scope.core);
  if (!perCore) { perCore = new Map(); clients.set(scope.core, perCore); }
  let client = perCore.get(key);
  if (!client) { client = new DarajaClient(config, scope.core.clock, timeoutMs); perCore.set(key, client); }
  return client;
}
