import type { z } from 'zod';
import type { InputOf } from '@shared/contract';
import { enforcementChannels, type EnforcementSettingsDto, type expiryAction } from '@shared/contract/enforcement';

/** What the enforcement settings card edits: strict mode is a switch plus its hours. */
export interface EnforcementFormValues {
  expiryAction: z.infer<typeof expiryAction>;
  noticeUrl: string;
  strict: boolean;
  strictOutageHours: number | string;
}

export type EnforcementField = 'expiryAction' | 'noticeUrl' | 'strictOutageHours';

/** Strict mode's suggested outage when it is first switched on: a day covers a long power cut. */
export const DEFAULT_STRICT_HOURS = 24;

export function enforcementFormFrom(s: EnforcementSettingsDto): EnforcementFormValues {
  return {
    expiryAction: s.expiryAction,
    noticeUrl: s.noticeUrl ?? '',
    strict: s.strictOutageHours !== null,
    strictOutageHours: s.strictOutageHours ?? DEFAULT_STRICT_HOURS,
  };
}

/**
 * The update input from the form, checked by the contract's own schema (the same rules main applies), or
 * the message of each field in error. An empty notice address is "none"; strict off sends null hours.
 */
export function toEnforcementUpdate(v: EnforcementFormValues): { input: InputOf<'enforcement.settings.update'> } | { fields: Partial<Record<EnforcementField, string>> } {
  const raw = {
    expiryAction: v.expiryAction,
    noticeUrl: v.noticeUrl.trim() === '' ? null : v.noticeUrl.trim(),
    strictOutageHours: v.strict ? (typeof v.strictOutageHours === 'number' ? v.strictOutageHours : Number.NaN) : null,
  };
  const parsed = enforcementChannels['enforcement.settings.update'].input.safeParse(raw);
  if (parsed.success) return { input: parsed.data };
  const fields: Partial<Record<EnforcementField, string>> = {};
  for (const issue of parsed.error.issues) {
    const path = String(issue.path[0]) as EnforcementField;
    fields[path] ??= issue.message;
  }
  return { fields };
}

/** Whether saving would change anything (the card only offers Save then). */
export function enforcementFormChanged(saved: EnforcementSettingsDto, v: EnforcementFormValues): boolean {
  const next = toEnforcementUpdate(v);
  if ('fields' in next) return true;
  return next.input.expiryAction !== saved.expiryAction
    || (next.input.noticeUrl ?? null) !== saved.noticeUrl
    || (next.input.strictOutageHours ?? null) !== saved.strictOutageHours;
}
