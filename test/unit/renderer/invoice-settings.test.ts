import { describe, expect, it } from 'vitest';
import { pdfBlob } from '../../../src-renderer/app/pdf-file';
import { nextNumberPreview, settingsFormValues, toSettingsInput } from '../../../src-renderer/features/invoices/invoice-settings';

describe('invoice settings form', () => {
  it('round-trips the saved settings and sends whole days with a trimmed prefix', () => {
    const v = settingsFormValues({ prefix: 'INV-', nextNumber: 42, vatMode: 'inclusive', vatRateBasisPoints: 1600, paymentTermsDays: 14 });
    expect(v).toEqual({ prefix: 'INV-', vatMode: 'inclusive', paymentTermsDays: '14' });
    expect(toSettingsInput({ ...v, prefix: ' AN/26- ', paymentTermsDays: ' 30 ' })).toEqual({ input: { prefix: 'AN/26-', vatMode: 'inclusive', paymentTermsDays: 30 } });
    expect(toSettingsInput({ ...v, prefix: '', paymentTermsDays: '0' })).toEqual({ input: { prefix: '', vatMode: 'inclusive', paymentTermsDays: 0 } });
  });

  it('refuses a prefix main would refuse and terms outside 0–365, field by field', () => {
    const bad = toSettingsInput({ prefix: 'INV 2026', vatMode: 'exclusive', paymentTermsDays: '366' });
    expect(bad).toEqual({ problems: [{ path: 'prefix', key: 'prefixInvalid' }, { path: 'paymentTermsDays', key: 'termsInvalid' }] });
    expect(toSettingsInput({ prefix: 'ABCDEFGHIJKLM', vatMode: 'exclusive', paymentTermsDays: '7' })).toEqual({ problems: [{ path: 'prefix', key: 'prefixInvalid' }] });
    for (const terms of ['', '-1', '1.5', 'ten']) {
      expect(toSettingsInput({ prefix: 'INV-', vatMode: 'exclusive', paymentTermsDays: terms })).toEqual({ problems: [{ path: 'paymentTermsDays', key: 'termsInvalid' }] });
    }
  });

  it('previews the next number with the prefix as typed', () => {
    expect(nextNumberPreview('INV-', 7)).toBe('INV-00007');
    expect(nextNumberPreview(' AN/ ', 123456)).toBe('AN/123456');
  });
});

describe('the shared PDF helper', () => {
  it('turns a document channel\'s base64 into the PDF bytes', async () => {
    const bytes = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n', 'latin1');
    const blob = pdfBlob(bytes.toString('base64'));
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
