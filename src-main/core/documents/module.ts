import { defineModule } from '../module';
import { documentsHandlers } from './handlers';
import { voucherTemplateHandlers } from './voucher-template-handlers';
import { m0023VoucherTemplates } from './migrations/0023-voucher-templates';

/**
 * Documents (README "Money", "Voucher templates"): receipt PDFs of payments, voucher PDFs, the CSV exports of
 * the payments lists, and editable voucher templates (the one table it owns) with their preview and PDF. It
 * reads payments, the ledger, subscribers, vouchers and business settings and writes none of them; a voucher
 * print also writes its audit row (through the audit service).
 */
export const documentsModule = defineModule({
  name: 'documents',
  owns: { tenant: ['voucherTemplates'] },
  tenantMigrations: { '0023-voucher-templates': m0023VoucherTemplates },
  handlers: { ...documentsHandlers, ...voucherTemplateHandlers },
});
