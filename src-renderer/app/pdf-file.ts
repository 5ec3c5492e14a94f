/** PDFs a document channel returned (receipts, invoices): as a Blob to open or save, and printing through the bridge. */
import { bridge } from './http-bridge';
import { ApiError, unwrapEnvelope } from './api-error';
import { i18n } from './i18n';
import type { PrinterChoice } from '@shared/contract/bridge';

/** The PDF bytes of a document channel's answer, as a Blob the browser can show or save. */
export function pdfBlob(pdfBase64: string): Blob {
  const bin = atob(pdfBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Whether this host prints straight to a printer (the desktop app); a browser opens the PDF instead. */
export function canPrintDirectly(): boolean {
  return bridge().print !== undefined;
}

async function viaPrint(run: (p: NonNullable<ReturnType<typeof bridge>['print']>) => Promise<unknown>): Promise<unknown> {
  const p = bridge().print;
  if (!p) throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  let envelope: unknown;
  try {
    envelope = await run(p);
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  }
  return unwrapEnvelope(envelope, i18n.t('errors.notEnvelope'));
}

export async function listPrinters(): Promise<PrinterChoice[]> {
  const data = await viaPrint((p) => p.printers());
  return Array.isArray(data) ? (data as PrinterChoice[]) : [];
}

/** Prints on `printer`, or through the system dialog when null; false when the user cancelled there. */
export async function printPdf(pdfBase64: string, printer: string | null): Promise<boolean> {
  const data = (await viaPrint((p) => p.printPdf(pdfBase64, printer))) as { printed?: unknown } | null;
  return data?.printed === true;
}
