import type { InputOf, OutputOf } from '@shared/contract';
import { mpesaSettingsInput } from '@shared/contract/mpesa';

/**
 * The settings form edits plain strings; the contract wants null for "not set" and an omitted secret for
 * "keep what is sealed". These two functions translate, and the contract's own schema validates so the form
 * shows the same field messages main would.
 */
export interface SettingsValues {
  accountType: 'paybill' | 'buygoods';
  shortcode: string;
  till: string;
  environment: 'sandbox' | 'production';
  baseUrl: string;
  callbackUrl: string;
  c2bRejectUnknown: boolean;
  consumerKey: string;
  consumerSecret: string;
  passkey: string;
}

type Settings = OutputOf<'mpesa.settings.get'>;
type SettingsInput = InputOf<'mpesa.settings.update'>;

export function valuesOf(s: Settings): SettingsValues {
  return {
    accountType: s.accountType, shortcode: s.shortcode, till: s.till ?? '', environment: s.environment,
    baseUrl: s.baseUrl ?? '', callbackUrl: s.callbackUrl ?? '', c2bRejectUnknown: s.c2bRejectUnknown,
    // Secrets are write-only: the form starts empty and an empty field keeps the sealed value.
    consumerKey: '', consumerSecret: '', passkey: '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const orOmit = (s: string) => (s === '' ? undefined : s);

export function toSettingsInput(v: SettingsValues): { input: SettingsInput; fields: null } | { input: null; fields: Record<string, string> } {
  const input: SettingsInput = {
    accountType: v.accountType, shortcode: v.shortcode, till: v.accountType === 'buygoods' ? orNull(v.till) : null,
    environment: v.environment, baseUrl: orNull(v.baseUrl), callbackUrl: orNull(v.callbackUrl), c2bRejectUnknown: v.c2bRejectUnknown,
  };
  for (const name of ['consumerKey', 'consumerSecret', 'passkey'] as const) {
    const secret = orOmit(v[name]);
    if (secret !== undefined) input[name] = secret;
  }
  const fields: Record<string, string> = {};
  const parsed = mpesaSettingsInput.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  // Main requires the till for Buy Goods too (settings.ts); saying it here saves a round trip.
  if (v.accountType === 'buygoods' && input.till === null) fields.till ??= 'Required';
  return Object.keys(fields).length > 0 ? { input: null, fields } : { input, fields: null };
}
