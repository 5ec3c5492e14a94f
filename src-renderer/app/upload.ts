import { UPLOAD_PURPOSES, uploadRef, type DownloadRef, type UploadPurpose, type UploadRef } from '@shared/contract/uploads';
import { ApiError, unwrapEnvelope } from './api-error';
import { bridge } from './http-bridge';
import { i18n } from './i18n';

/**
 * The renderer's side of the binary file path: a file becomes an upload id that channels take; its bytes
 * never go inside JSON. The bridge picks the file (Electron: native dialog in main, which keeps the file;
 * browser: the file chooser, streamed to `POST /upload`) — the renderer does not know which.
 */

/** The `accept` attribute / dialog filter for a purpose, e.g. ".ispdesk". */
export function acceptFor(purpose: UploadPurpose): string {
  return UPLOAD_PURPOSES[purpose].extensions.map((e) => `.${e}`).join(',');
}

async function throughBridge(run: () => Promise<unknown>): Promise<unknown> {
  let envelope: unknown;
  try {
    envelope = await run();
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  }
  return unwrapEnvelope(envelope, i18n.t('errors.notEnvelope'));
}

/** Lets the user pick a file and hands it to main. Resolves null when the user cancels. */
export async function pickFile(purpose: UploadPurpose, token: string | null): Promise<UploadRef | null> {
  const data = await throughBridge(() => bridge().pickFile(purpose, token));
  if (data === null) return null;
  const parsed = uploadRef.safeParse(data);
  if (!parsed.success) throw new ApiError({ code: 'INTERNAL', message: i18n.t('errors.notEnvelope') });
  return parsed.data;
}

/** A file chosen in a form, already handed to main (a retry after a wrong passphrase reuses the upload). */
export interface PickedFile {
  name: string;
  sizeBytes: number;
  ref: UploadRef;
}

/** Saves a file core offered as a download. Resolves false when the user cancels the save dialog. */
export async function saveDownload(ref: DownloadRef, token: string | null): Promise<boolean> {
  const data = (await throughBridge(() => bridge().saveFile(ref.downloadId, ref.fileName, token))) as { saved?: unknown } | null;
  return data?.saved === true;
}
