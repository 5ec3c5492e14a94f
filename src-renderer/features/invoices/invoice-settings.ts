import type { InputOf, OutputOf } from '@shared/contract';
import { formatInvoiceNumber, type VatMode } from '@shared/domain/invoice-totals';

/** The invoice settings form: terms as typed text, checked here before main sees it. */
export interface InvoiceSettingsValues {
  prefix: string;
  vatMode: VatMode;
  paymentTermsDays: string;
}

export function settingsFormValues(s: OutputOf<'invoices.settings.get'>): InvoiceSettingsValues {
  return { prefix: s.prefix, vatMode: s.vatMode, paymentTermsDays: String(s.paymentTermsDays) };
}

export type SettingsProblem = { path: 'prefix' | 'paymentTermsDays'; key: 'prefixInvalid' | 'termsInvalid' };

export function toSettingsInput(v: InvoiceSettingsValues): { input: InputOf<'invoices.settings.update'> } | { problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const prefix = v.prefix.trim();
  if (prefix.length > 12 || !/^[A-Za-z0-9/_-]*$/.test(prefix)) problems.push({ path: 'prefix', key: 'prefixInvalid' });
  const terms = v.paymentTermsDays.trim();
  const days = /^\d{1,3}$/.test(terms) ? Number(terms) : NaN;
  if (!(days >= 0 && days <= 365)) problems.push({ path: 'paymentTermsDays', key: 'termsInvalid' });
  return problems.length > 0 ? { problems } : { input: { prefix, vatMode: v.vatMode, paymentTermsDays: days } };
}

/** What the next issued invoice will be numbered with this prefix (the counter itself is never set by hand). */
export function nextNumberPreview(prefix: string, nextNumber: number): string {
  return formatInvoiceNumber(prefix.trim(), nextNumber);
}
