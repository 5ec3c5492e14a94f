/**
 * Documents: receipts and invoices as PDF bytes, made in core so the desktop app, the headless server
 * and the tests produce the same file. Pure: a DTO in, bytes out — no database, no Electron.
 */
export { receiptPdf, RECEIPT_LAYOUTS } from './receipt-pdf';
export { invoicePdf, INVOICE_LAYOUT } from './invoice-pdf';
export { ENGLISH_LABELS, type DocumentLabels } from './labels';
export type * from './document-types';
export { voucherPdf } from './voucher-pdf';
export { VOUCHER_LAYOUT_SPECS, gridCell } from './voucher-layouts';
