import { COMMON_PASSWORD_WORDS, FULL_COMMON_PASSWORDS } from './common-passwords';

/**
 * The password rule, shared by the contract (length, common list), the services (not the person's own
 * e-mail or name, which only they know) and the renderer's strength hint. Problems are codes; the renderer
 * words them.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_PROBLEMS = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_COMMON',
  'PASSWORD_IS_EMAIL',
  'PASSWORD_IS_NAME',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Who the password is for; absent parts are not checked. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

const WORDS = new Set(COMMON_PASSWORD_WORDS);
const FULL = new Set(FULL_COMMON_PASSWORDS);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const RUNS = ['01234567890123456789', '98765432109876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba', 'qwertyuiopasdfghjklzxcvbnm'];

const lettersOf = (s: string): string => s.replace(/[^a-z]/g, '');
const deLeet = (s: string): string => s.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c);

/** `s` is one short unit repeated ("abcabcabc", "passwordpassword"). */
function repeatedUnit(s: string): string | null {
  for (let len = 1; len <= s.length / 2; len++) {
    if (s.length % len !== 0) continue;
    const unit = s.slice(0, len);
    if (unit.repeat(s.length / len) === s) return unit;
  }
  return null;
}

function isCommonWord(letters: string): boolean {
  if (WORDS.has(letters)) return true;
  const unit = repeatedUnit(letters);
  return unit !== null && (unit.length <= 3 || WORDS.has(unit));
}

/** In the bundled list, a variation of an entry (case, digits or symbols around it, leetspeak), or trivially patterned. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const compact = lower.replace(/[\s._-]+/g, '');
  if (FULL.has(lower) || FULL.has(compact)) return true;
  if (new Set(compact).size < 5) return true;
  if (RUNS.some((run) => run.includes(compact))) return true;
  const letters = lettersOf(lower);
  if (letters.length > 0 && isCommonWord(letters)) return true;
  const trimmed = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const leet = lettersOf(deLeet(trimmed));
  return leet.length > 0 && isCommonWord(leet);
}

const squash = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Built from `part` (the person's e-mail, its local part or name): equal to it, or it plus little else —
 * fewer than 6 other characters, or only digits and symbols ("wanjiru2026!", "Pat Platform 1").
 */
function builtFrom(pw: string, part: string): boolean {
  if (part.length < 4) return pw === part;
  if (!pw.includes(part)) return false;
  const rest = pw.split(part).join('');
  return rest.length < 6 || !/\p{L}/u.test(rest);
}

/** The person's own e-mail or name (ignoring case, spaces and punctuation), dressed up or not. */
function ownerProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const pw = squash(password);
  const email = owner.email ? owner.email.trim().toLowerCase() : '';
  if (email && (builtFrom(pw, squash(email)) || builtFrom(pw, squash(email.split('@')[0] ?? '')))) return 'PASSWORD_IS_EMAIL';
  if (owner.name && builtFrom(pw, squash(owner.name))) return 'PASSWORD_IS_NAME';
  return null;
}

/** The first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (isCommonPassword(password)) return 'PASSWORD_COMMON';
  return ownerProblem(password, owner);
}

/**
 * A 0–4 strength estimate for the form's hint: 0 when a rule is broken, then more for length and for
 * mixing kinds of characters. Only a hint — the rule is passwordProblem().
 */
export function passwordStrength(password: string, owner: PasswordOwner = {}): { score: 0 | 1 | 2 | 3 | 4; problem: PasswordProblem | null } {
  const problem = passwordProblem(password, owner);
  if (problem) return { score: password.length === 0 ? 0 : problem === 'PASSWORD_TOO_SHORT' && password.length >= 8 ? 1 : 0, problem };
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const length = [...password].length;
  let score: 2 | 3 | 4 = 2;
  if (length >= 16 || (length >= 14 && kinds >= 3)) score = 3;
  if (length >= 20 || (length >= 16 && kinds >= 3)) score = 4;
  return { score, problem: null };
}
