import { describe, expect, it } from 'vitest';
import { normalisePhone } from '@shared/domain/phone';
import { nameKey, normaliseEmail, slugify } from '@shared/domain/text';
import { isUuid, uuidv7, uuidv7Time } from '@shared/domain/ids';

describe('phone numbers', () => {
  it('normalises Kenyan local forms to E.164', () => {
    for (const v of ['0712345678', '712345678', '254712345678', '+254 712 345 678', '0712-345-678', '00254712345678']) {
      expect(normalisePhone(v)).toBe('+254712345678');
    }
    expect(normalisePhone('0110123456')).toBe('+254110123456');
  });

  it('rejects numbers that cannot be dialled', () => {
    for (const v of ['', '12345', '0812345678', '+2549123', 'phone']) expect(normalisePhone(v)).toBeNull();
  });

  it('keeps other countries in international form', () => {
    expect(normalisePhone('+256772123456')).toBe('+256772123456');
  });
});

describe('names and slugs', () => {
  it('compares names case- and space-insensitively', () => {
    expect(nameKey('  Alpha   Net ')).toBe(nameKey('alpha net'));
    expect(normaliseEmail(' Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('builds url-safe slugs', () => {
    expect(slugify('Mũthaiga Wi-Fi & Co.')).toBe('muthaiga-wi-fi-co');
    expect(slugify('!!!')).toBe('tenant');
  });
});

describe('UUIDv7 ids', () => {
  it('are valid, unique and sort by creation time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUuid)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]![14]).toBe('7');
    expect(uuidv7Time(ids[0]!).getTime()).toBe(1_700_000_000_000);
  });
});
