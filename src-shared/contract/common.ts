import { z } from 'zod';
import { isValidPhone, normalisePhone } from '../domain/phone';
import { isValidTimeZone } from '../domain/time';
import { SUPPORTED_CURRENCIES } from '../domain/money';
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password-policy';
import { hasControlChars, TEXT_CONTROL_CHARS } from '../domain/text';

/**
 * Names and free text: no control, bidi or zero-width characters (a field error with code
 * TEXT_CONTROL_CHARS). Multi-line text (notes) may keep line breaks ("\n") and nothing else.
 */
export function plainText<T extends z.ZodString>(schema: T, opts: { multiline?: boolean } = {}): T {
  return schema.refine((v) => !hasControlChars(v, opts.multiline ?? false), { message: TEXT_CONTROL_CHARS });
}

/** Ids are UUIDv7 strings. */
export const id = z.uuid({ message: 'Must be a valid id' });

export const instant = z.iso.datetime({ offset: true, message: 'Must be an ISO date-time' });

export const personName = plainText(z
  .string({ message: 'Required' })
  .trim()
  .min(2, 'Enter at least 2 characters')
  .max(120, 'Use at most 120 characters'));

export const email = z
  .string({ message: 'Required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(200, 'Use at most 200 characters'));

export const phone = z
  .string({ message: 'Required' })
  .trim()
  .refine((v) => isValidPhone(v), 'Enter a valid phone number, e.g. 0712 345 678 or +254712345678')
  .transform((v) => normalisePhone(v) ?? v);

/**
 * A field that may be left empty ('' stays ''), else must pass `schema`. One string schema rather than a
 * union with `z.literal('')`: a bad value then gets the inner schema's message, not the union's
 * "expected \"\"" for the empty branch.
 */
export function emptyOr<O>(schema: z.ZodType<O, string>) {
  return z.string({ message: 'Required' }).trim().transform((v, ctx): O | '' => {
    if (v === '') return '';
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.filter((k) => typeof k !== 'symbol') });
    return z.NEVER;
  });
}

/** Optional free-text phone: '' means "not set". */
export const optionalPhone = emptyOr(phone)
  .optional()
  .transform((v) => (v ? v : null));

/**
 * A new password: the field errors are PasswordProblem codes. That it is not the person's own e-mail or
 * name is checked by the service that knows who it is for.
 */
export const password = z
  .string({ message: 'Required' })
  .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, { message: 'PASSWORD_TOO_SHORT', abort: true })
  .refine((v) => v.length <= PASSWORD_MAX_LENGTH, { message: 'PASSWORD_TOO_LONG', abort: true })
  .refine((v) => !isCommonPassword(v), { message: 'PASSWORD_COMMON' });

export const currency = z.enum(SUPPORTED_CURRENCIES as [string, ...string[]], { message: 'Choose a supported currency' });

export const timeZone = z
  .string({ message: 'Required' })
  .trim()
  .refine((v) => isValidTimeZone(v), 'Unknown time zone (use an IANA name such as Africa/Nairobi)');

export const countryCode = z
  .string({ message: 'Required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a 2-letter country code, e.g. KE');

export const empty = z.strictObject({});
export const ok = z.object({ ok: z.literal(true) });

export const sortDir = z.enum(['asc', 'desc']);

/** Server-side paging, sorting and filtering for every list channel. */
export function pageInput<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(sortFields: S, filter: F) {
  return z.strictObject({
    page: z.number({ message: 'Must be a number' }).int().min(1).default(1),
    pageSize: z.number({ message: 'Must be a number' }).int().min(1).max(500).default(25),
    sort: z.strictObject({ field: z.enum(sortFields), dir: sortDir }).optional(),
    q: z.string().trim().max(200).optional(),
    ...filter,
  });
}

export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type PageInput = { page: number; pageSize: number; sort?: { field: string; dir: 'asc' | 'desc' }; q?: string };
