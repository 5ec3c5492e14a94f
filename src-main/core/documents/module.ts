import { defineModule } from '../module';
import { documentsHandlers } from './handlers';

/**
 * Documents (README "Money"): receipt PDFs of payments, voucher PDFs and the CSV exports of the payments
 * lists. Owns no table: it reads payments, the ledger, subscribers, vouchers and business settings; its
 * only write is the audit row of a voucher print (through the audit service).
 */
export const documentsModule = defineModule({
  name: 'documents',
  handlers: documentsHandlers,
});
