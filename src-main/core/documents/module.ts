import { defineModule } from '../module';
import { documentsHandlers } from './handlers';

/**
 * Documents (README "Money"): receipt PDFs of payments and the CSV exports of the payments lists. Owns no
 * table: it reads payments, the ledger, subscribers and business settings and writes nothing.
 */
export const documentsModule = defineModule({
  name: 'documents',
  handlers: documentsHandlers,
});
