import { z } from 'zod';
import { i18n } from './i18n';

type Issue = z.core.$ZodRawIssue;

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/** A union failed on every branch: the branch that got furthest says what is wrong (not "expected ''"). */
function unionText(errors: z.core.$ZodIssue[][]): string {
  const issues = errors.flat();
  const telling = issues.find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value') ?? issues[0];
  return telling?.message ?? i18n.t('validation.invalid');
}

function formatText(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  switch (issue.format) {
    case 'email': return i18n.t('validation.format.email');
    case 'ipv4': return i18n.t('validation.format.ipv4');
    case 'ipv6': return i18n.t('validation.format.ipv6');
    case 'url': return i18n.t('validation.format.url');
    case 'uuid': case 'guid': return i18n.t('validation.format.id');
    case 'datetime': case 'date': case 'time': return i18n.t('validation.format.date');
    default: return i18n.t('validation.format.other');
  }
}

function sizeText(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const dir = issue.code === 'too_small' ? 'tooSmall' : 'tooBig';
  switch (issue.origin) {
    case 'string': return i18n.t(`validation.${dir}.string`, { count: limit });
    case 'array': case 'set': return i18n.t(`validation.${dir}.array`, { count: limit });
    case 'number': case 'int': case 'bigint': return i18n.t(`validation.${dir}.number`, { limit });
    case 'date': return i18n.t(`validation.${dir}.date`);
    default: return i18n.t(`validation.${dir}.size`, { count: limit });
  }
}

/**
 * Every zod issue as a sentence from the locale. Schemas that bring their own message (most contract
 * fields) keep it; this words the rest, so no "Invalid input: expected …" reaches the screen.
 */
export function zodIssueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(issue.input)) return i18n.t('validation.required');
      return issue.expected === 'number' || issue.expected === 'int' ? i18n.t('validation.number') : i18n.t('validation.invalid');
    case 'invalid_union': return unionText(issue.errors);
    case 'too_small':
      if (issue.origin === 'string' && isEmpty(issue.input)) return i18n.t('validation.required');
      return sizeText(issue);
    case 'too_big': return sizeText(issue);
    case 'invalid_format': return isEmpty(issue.input) ? i18n.t('validation.required') : formatText(issue);
    case 'not_multiple_of': return i18n.t('validation.multipleOf', { divisor: Number(issue.divisor) });
    case 'invalid_value': return isEmpty(issue.input) ? i18n.t('validation.required') : i18n.t('validation.choose');
    case 'unrecognized_keys': return i18n.t('validation.unexpected');
    case 'invalid_key': case 'invalid_element': return i18n.t('validation.listItem');
    default: return i18n.t('validation.invalid');
  }
}

// Read at parse time, so installing it after schemas were built (zod-setup runs first) is fine.
z.config({ localeError: zodIssueText });
