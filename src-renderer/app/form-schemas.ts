import { z } from 'zod';
import { i18n } from './i18n';

/** The "confirm password" field forms add next to a contract password (it never goes to main). */
export const confirmPasswordField = z.string();

/** Refinement params that put "Passwords do not match" on the confirm field. */
export function passwordsMatch(): { path: string[]; error: () => string } {
  return { path: ['confirmPassword'], error: () => i18n.t('forms.passwordsDiffer') };
}

export function samePassword(v: { password: string; confirmPassword: string }): boolean {
  return v.password === v.confirmPassword;
}
