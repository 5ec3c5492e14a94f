import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, CHANNEL_NAMES } from '@shared/contract';
import { businessSettingsInput, tenantCreateInput } from '@shared/contract/tenancy';
import { staffCreateInput } from '@shared/contract/auth';
import '../../../src-renderer/app/zod-messages';
import { fieldMessage } from '../../../src-renderer/app/field-messages';
import { confirmPasswordField, passwordsMatch, samePassword } from '../../../src-renderer/app/form-schemas';
import { setupFormSchema } from '../../../src-renderer/features/setup/setup-form';
import { en } from '../../../src-renderer/app/locales/en';

/** Every form validates with a contract channel input (or a piece of one) or a renderer form schema. */
const formSchemas: [string, z.ZodType][] = [
  ...CHANNEL_NAMES.map((name): [string, z.ZodType] => [name, contract[name].input as z.ZodType]),
  ['setup form', setupFormSchema],
  ['business settings', businessSettingsInput],
  ['tenant create', tenantCreateInput],
  ['staff create form', staffCreateInput.extend({ confirmPassword: confirmPasswordField }).refine(samePassword, passwordsMatch())],
];

const BAD_VALUES: unknown[] = [
  undefined, null, '', '   ', 0, -1, 1.5, 1e15, true, {}, [], [1, 'x', null], 'x', 'not valid @@ !!',
  'x'.repeat(100_001), 'bad\u0000text', 'line\nbreak', 'zero\u200bwidth', '0712', '999.999.1.1', 'abc@', '2026-13-45',
];

/** What no person should read: zod's own English and its symbols. */
const RAW = /invalid input|expected|received|too small|too big|unrecognized|invalid (string|number|option|format|type)|>=|<=|[<>]|\bNaN\b|undefined|null/i;

/** The locale's validation sentences as patterns ({{param}} matches anything). */
function localeSentences(node: unknown): RegExp[] {
  if (typeof node === 'string') {
    const escaped = node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+');
    return [new RegExp(`^${escaped}$`)];
  }
  return typeof node === 'object' && node !== null ? Object.values(node).flatMap(localeSentences) : [];
}
const VALIDATION = localeSentences(en.validation);

/** Inputs with one field (or one nested field) replaced by each bad value, plus wholly bad inputs. */
function badInputs(schema: z.ZodType): unknown[] {
  const inputs: unknown[] = [...BAD_VALUES];
  const visit = (s: z.ZodType, wrap: (v: unknown) => unknown, depth: number): void => {
    const shape = (s as { shape?: Record<string, z.ZodType> }).shape;
    if (!shape || depth > 2) return;
    for (const [key, field] of Object.entries(shape)) {
      for (const bad of BAD_VALUES) inputs.push(wrap({ [key]: bad }));
      visit(field, (v) => wrap({ [key]: v }), depth + 1);
    }
  };
  const unwrapped = schema instanceof z.ZodPipe ? (schema.in as z.ZodType) : schema;
  visit(unwrapped, (v) => v, 0);
  return inputs;
}

interface Seen { schema: string; path: string; code: string; shown: string; fromMap: boolean }

function messagesOf(name: string, schema: z.ZodType): Seen[] {
  const seen: Seen[] = [];
  for (const input of badInputs(schema)) {
    const normal = schema.safeParse(input);
    if (normal.success) continue;
    // Parsing again with a per-parse map tells which messages our locale map wrote (schema messages win over it).
    const marked = schema.safeParse(input, { error: () => '\u0001MARK' });
    normal.error.issues.forEach((issue, i) => {
      const fromMap = marked.error?.issues[i]?.message === '\u0001MARK';
      seen.push({ schema: name, path: issue.path.join('.'), code: issue.code, shown: fieldMessage(issue.message) ?? '', fromMap });
    });
  }
  return seen;
}

describe('form messages', () => {
  const all = formSchemas.flatMap(([name, schema]) => messagesOf(name, schema));

  it('walks every form schema with bad values and finds field errors', () => {
    expect(formSchemas.length).toBeGreaterThan(40);
    expect(all.filter((s) => s.fromMap).length).toBeGreaterThan(100);
  });

  it('shows a sentence, never zod text, for every issue', () => {
    const raw = all.filter((s) => !s.shown || RAW.test(s.shown) || !/^[A-Z0-9]/.test(s.shown));
    expect(raw.map((s) => `${s.schema} ${s.path} [${s.code}]: ${s.shown}`)).toEqual([]);
  });

  it('words every issue without its own message with a sentence from the locale', () => {
    // A failed union repeats its most telling branch's message, which may be the schema's own.
    const strays = all.filter((s) => s.fromMap && s.code !== 'invalid_union' && !VALIDATION.some((re) => re.test(s.shown)));
    expect(strays.map((s) => `${s.schema} ${s.path} [${s.code}]: ${s.shown}`)).toEqual([]);
  });

  it('gives a bad optional phone the phone sentence (Settings, Add staff)', () => {
    const phoneMessages = (schema: z.ZodType, input: unknown): string[] =>
      schema.safeParse(input).error?.issues.filter((i) => i.path.join('.') === 'phone').map((i) => fieldMessage(i.message) ?? '') ?? [];
    expect(phoneMessages(businessSettingsInput, { phone: 'abc' })).toEqual(['Enter a valid phone number, e.g. 0712 345 678 or +254712345678']);
    expect(phoneMessages(staffCreateInput, { phone: '12' })).toEqual(['Enter a valid phone number, e.g. 0712 345 678 or +254712345678']);
    expect(phoneMessages(staffCreateInput, { phone: '' })).toEqual([]);
    // The schema itself (also used by main) reports the phone check, not a failed union.
    expect(businessSettingsInput.shape.phone.safeParse('abc').error?.issues.map((i) => i.code)).toEqual(['custom']);
    expect(businessSettingsInput.shape.phone.parse('')).toBe('');
    expect(staffCreateInput.shape.phone.parse('')).toBeNull();
    expect(staffCreateInput.shape.phone.parse(' 0712 345 678 ')).toBe('+254712345678');
  });

  it('words bare zod checks from the locale', () => {
    const text = (schema: z.ZodType, input: unknown): string => schema.safeParse(input).error?.issues[0]?.message ?? '';
    expect(text(z.string().min(3), 'ab')).toBe('Enter at least 3 characters');
    expect(text(z.string().max(1), 'ab')).toBe('Use at most 1 character');
    expect(text(z.number().min(1), 0)).toBe('Enter 1 or more');
    expect(text(z.number(), 'x')).toBe('Enter a number');
    expect(text(z.string(), undefined)).toBe('Required');
    expect(text(z.email(), 'x')).toBe('Enter a valid email address, e.g. jane@example.com');
    expect(text(z.union([z.literal(''), z.ipv4()]), 'x')).toBe('Enter an IPv4 address, e.g. 192.168.88.1');
    expect(text(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options');
    expect(text(z.strictObject({}), { x: 1 })).toBe('This form sent something unexpected; reload the page and try again');
  });
});

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

describe('placeholders', () => {
  it('are examples from the locale, each starting with "e.g."', () => {
    const literal = tsxFiles(resolve(import.meta.dirname, '../../../src-renderer'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/placeholder="([^"]*)"/g)].map((m) => `${file}: ${m[1]}`));
    expect(literal).toEqual([]);
    const examples = Object.values(en.examples);
    expect(examples.length).toBeGreaterThan(10);
    expect(examples.filter((e) => !e.startsWith('e.g. '))).toEqual([]);
  });
});
