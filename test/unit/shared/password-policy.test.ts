import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordStrength } from '@shared/domain/password-policy';
import { hasControlChars, neutraliseControlChars } from '@shared/domain/text';

describe('password policy', () => {
  it.each([
    ['short pass', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(201), 'PASSWORD_TOO_LONG'],
    ['password1234', 'PASSWORD_COMMON'],
    ['Password2024!', 'PASSWORD_COMMON'],
    ['P@ssw0rd2024', 'PASSWORD_COMMON'],
    ['qwertyuiop12', 'PASSWORD_COMMON'],
    ['123456789012', 'PASSWORD_COMMON'],
    ['aaaaaaaaaaaaaaa', 'PASSWORD_COMMON'],
    ['abcabcabcabc', 'PASSWORD_COMMON'],
    ['passwordpassword', 'PASSWORD_COMMON'],
    ['1q2w3e4r5t6y', 'PASSWORD_COMMON'],
    ['mikrotik2026!', 'PASSWORD_COMMON'],
  ])('refuses %j as %s', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });

  it('refuses the person’s own e-mail, its local part or name, dressed up with digits', () => {
    const owner = { email: 'wanjiru@kilimani.example', name: 'Wanjiru Kamau' };
    expect(passwordProblem('wanjiru@kilimani.example', owner)).toBe('PASSWORD_IS_EMAIL');
    expect(passwordProblem('Wanjiru2026!!', owner)).toBe('PASSWORD_IS_EMAIL');
    expect(passwordProblem('Wanjiru Kamau 1', owner)).toBe('PASSWORD_IS_NAME');
  });

  it('accepts passphrases, even ones that mention the person among other words', () => {
    const owner = { email: 'wanjiru@kilimani.example', name: 'Wanjiru Kamau' };
    for (const pw of ['tenant admin pass 1', 'platform pass 1', 'staff pass 12', 'wanjiru pass 2026', 'chai na mandazi saa nne']) {
      expect(passwordProblem(pw, owner), pw).toBeNull();
    }
  });

  it('scores the hint from 0 (a rule broken) up to 4', () => {
    expect(passwordStrength('password1234').score).toBe(0);
    expect(passwordStrength('staff pass 12').score).toBe(2);
    expect(passwordStrength('Long Phrase With 4 Kinds!').score).toBe(4);
  });
});

describe('control characters in text', () => {
  it('refuses controls, bidi overrides and zero-width characters; multi-line text keeps only \\n', () => {
    for (const c of ['\u0000', '\r', '\n', '\t', '\u001B', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u2028']) {
      expect(hasControlChars(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
    expect(hasControlChars('line one\nline two', true)).toBe(false);
    expect(hasControlChars('line one\r\nline two', true)).toBe(true);
    expect(hasControlChars('Ünïcödé — names, “quotes” and emoji 🙂')).toBe(false);
  });

  it('neutralises them for one-line records', () => {
    expect(neutraliseControlChars('Bob\n2026-01-01 Ada signed in')).toBe('Bob\uFFFD2026-01-01 Ada signed in');
  });
});
