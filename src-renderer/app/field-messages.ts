import { fieldText } from './messages';

/**
 * Field errors arrive either as words (most contract messages) or as codes (password rules, forbidden
 * characters, core's field codes): codes are worded by `fieldText`, anything else is shown as it is.
 */
export function fieldMessage(message: string | undefined): string | undefined {
  return message === undefined ? undefined : fieldText(message);
}
