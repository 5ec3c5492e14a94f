import type { invoicesChannels } from '@shared/contract/invoices';
import type { HandlersFor } from '../rpc/handlers';
import { createDraft, issueInvoice, voidInvoice } from './issue';
import { getInvoice, listInvoices } from './invoice-repo';
import { invoicePdfBytes } from './invoice-pdf-file';
import { exportInvoicesCsv } from './invoice-csv';
import { readPostpaid, setPostpaid } from './postpaid';
import { readInvoiceSettings, updateInvoiceSettings } from './settings';

type Channels = Extract<keyof typeof invoicesChannels, string>;

export const invoicesHandlers: HandlersFor<Channels> = {
  'invoices.list': (q, ctx) => listInvoices(ctx.db, q),
  'invoices.get': (i, ctx) => getInvoice(ctx.db, i.invoiceId),
  'invoices.create': (i, ctx) => createDraft(ctx, i),
  'invoices.issue': (i, ctx) => issueInvoice(ctx, i.invoiceId),
  'invoices.void': (i, ctx) => voidInvoice(ctx, i),
  'invoices.pdf': (i, ctx) => invoicePdfBytes(ctx, i.invoiceId),
  'invoices.export.csv': (i, ctx) => exportInvoicesCsv(ctx, i),
  'invoices.postpaid.get': (i, ctx) => readPostpaid(ctx, i.subscriberId),
  'invoices.settings.get': (_i, ctx) => readInvoiceSettings(ctx.db),
  'invoices.settings.update': (i, ctx) => updateInvoiceSettings(ctx, i),
  'invoices.postpaid.set': (i, ctx) => setPostpaid(ctx, i),
};
