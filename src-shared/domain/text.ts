/** Names compare case- and space-insensitively; this key is what uniqueness is enforced on. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'tenant';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Field error code for text holding characters that can hide or forge what people read. */
export const TEXT_CONTROL_CHARS = 'TEXT_CONTROL_CHARS';

// C0/C1 controls (NUL, CR, LF, ESC…), line/paragraph separators, bidi embeddings/overrides/isolates and
// zero-width characters: they forge line breaks in logs and audit summaries, or make a name display as
// something else ("admin" vs "ad\u200Bmin", "txt.exe" shown reversed).
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/;
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/;

/** Whether `value` holds a control, bidi or zero-width character (multi-line text may keep "\n"). */
export function hasControlChars(value: string, multiline = false): boolean {
  return (multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).test(value);
}

/** Makes text safe for a one-line record (audit summaries, logs): every forbidden character becomes "�". */
export function neutraliseControlChars(value: string): string {
  return value.replace(new RegExp(FORBIDDEN_SINGLE_LINE.source, 'g'), '\uFFFD');
}
