import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shared/domain/password-policy';
import { i18n } from './i18n';

/**
 * Field errors arrive either as words (most contract messages) or as codes (password rules, forbidden
 * characters): codes are worded here, in the user's language; anything else is shown as it is.
 */
export function fieldMessage(message: string | undefined): string | undefined {
  if (!message || !/^[A-Z][A-Z_]+$/.test(message)) return message;
  const key = `fieldErrors.${message}`;
  return i18n.exists(key) ? i18n.t(key, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : message;
}
