/**
 * Phone numbers are stored in E.164 (+2547XXXXXXXX). Kenyan local forms are normalised
 * (integrations.md §5.6): 07XXXXXXXX, 01XXXXXXXX, 7XXXXXXXX, 2547XXXXXXXX, +254 7XX XXX XXX.
 */
export function normalisePhone(input: string, defaultCountry: string = 'KE'): string | null {
  const raw = input.trim().replace(/[\s().-]/g, '');
  if (raw === '') return null;
  if (/^\+\d{8,15}$/.test(raw)) return raw.startsWith('+254') && !/^\+254[17]\d{8}$/.test(raw) ? null : raw;
  if (/^00\d{8,15}$/.test(raw)) return normalisePhone(`+${raw.slice(2)}`, defaultCountry);
  if (defaultCountry.toUpperCase() === 'KE') {
    if (/^254[17]\d{8}$/.test(raw)) return `+${raw}`;
    if (/^0[17]\d{8}$/.test(raw)) return `+254${raw.slice(1)}`;
    if (/^[17]\d{8}$/.test(raw)) return `+254${raw}`;
  }
  return null;
}

export function isValidPhone(input: string, defaultCountry = 'KE'): boolean {
  return normalisePhone(input, defaultCountry) !== null;
}
