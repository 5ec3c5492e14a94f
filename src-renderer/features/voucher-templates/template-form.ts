import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import { DEFAULT_VOUCHER_TEMPLATE, IMAGE_VARIABLES, TEXT_VARIABLES } from '@shared/domain/voucher-template';
import type { VoucherLayout } from '@shared/domain/voucher-print';

export interface TemplateFormValues {
  name: string;
  layout: VoucherLayout;
  dnsName: string;
  html: string;
}

/** The form's starting values: the template being edited, or the default card. */
export function templateFormValues(t: VoucherTemplate | null): TemplateFormValues {
  return t ? { name: t.name, layout: t.layout, dnsName: t.dnsName, html: t.html } : { name: '', layout: 'a4-3x8', dnsName: '', html: DEFAULT_VOUCHER_TEMPLATE };
}

/** Every variable as it is written in a template, text ones first. */
export const VARIABLE_TOKENS: readonly string[] = [...TEXT_VARIABLES, ...IMAGE_VARIABLES].map((v) => `{{${v}}}`);
