import { UPLOAD_PURPOSES, uploadRef, type DownloadRef, type UploadPurpose, type UploadRef } from '@shared/contract/uploads';
import { downloadBlob } from './files';
import { ApiError, unwrapEnvelope } from './api-error';
import { formatBytes } from './format';
import { i18n } from './i18n';

/**
 * The renderer's half of the binary upload path: a file becomes an upload id that channels take; its bytes
 * never go inside JSON. In Electron main shows the dialog and keeps the file (the preload's `pickFile`);
 * in a browser the page picks the file and streams it to `POST /upload`.
 */

/** Whether main picks files (Electron) — then the page shows a button instead of a file input. */
export function picksInMain(): boolean {
  return typeof window !== 'undefined' && typeof window.ispDesk?.pickFile === 'function';
}

/** The `accept` attribute / dialog filter for a purpose, e.g. ".ispdesk". */
export function acceptFor(purpose: UploadPurpose): string {
  return UPLOAD_PURPOSES[purpose].extensions.map((e) => `.${e}`).join(',');
}

function toRef(data: unknown): UploadRef {
  const parsed = uploadRef.safeParse(data);
  if (!parsed.success) throw new ApiError({ code: 'INTERNAL', message: i18n.t('errors.notEnvelope') });
  return parsed.data;
}

/** Electron: the native dialog in main. Resolves null when the user cancels. */
export async function pickInMain(purpose: UploadPurpose, token: string | null): Promise<UploadRef | null> {
  const bridge = typeof window === 'undefined' ? undefined : window.ispDesk;
  if (!bridge?.pickFile) throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  let envelope: unknown;
  try {
    envelope = await bridge.pickFile(purpose, token);
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
  }
  const data = unwrapEnvelope(envelope, i18n.t('errors.notEnvelope'));
  return data === null ? null : toRef(data);
}

/** Browser: streams a file the page picked to the headless server (the body is the raw file). */
export async function uploadFile(purpose: UploadPurpose, file: File, token: string | null): Promise<UploadRef> {
  const max = UPLOAD_PURPOSES[purpose].maxBytes;
  if (file.size > max) {
    const message = i18n.t('uploads.tooLarge', { size: formatBytes(max) });
    throw new ApiError({ code: 'VALIDATION', message, fields: { uploadId: message }, reason: 'UPLOAD_TOO_LARGE' });
  }
  let res: Response;
  try {
    res = await fetch(`/upload?purpose=${encodeURIComponent(purpose)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: file,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.serverUnreachable') });
  }
  let envelope: unknown;
  try {
    envelope = await res.json();
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.badResponse', { status: res.status }) });
  }
  return toRef(unwrapEnvelope(envelope, i18n.t('errors.notEnvelope')));
}

/** A file chosen in a form: picked by main (already an upload) or by the page (sent on submit). */
export interface PickedFile {
  name: string;
  sizeBytes: number;
  file?: File;
  ref?: UploadRef;
}

/**
 * The upload id for a picked file, sending a page-picked file the first time only (a retry after a wrong
 * passphrase reuses the upload, which the server keeps until it is used or expires).
 */
export async function uploadIdOf(picked: PickedFile, purpose: UploadPurpose, token: string | null): Promise<string> {
  if (!picked.ref) {
    if (!picked.file) throw new ApiError({ code: 'VALIDATION', message: i18n.t('uploads.choose'), fields: { uploadId: i18n.t('uploads.choose') } });
    picked.ref = await uploadFile(purpose, picked.file, token);
  }
  return picked.ref.uploadId;
}

/**
 * Saves a file core offered as a download: a save dialog in main (Electron), or fetched with the session
 * token and handed to the browser's downloads. Resolves false when the user cancels the dialog.
 */
export async function saveDownload(ref: DownloadRef, token: string | null): Promise<boolean> {
  const bridge = typeof window === 'undefined' ? undefined : window.ispDesk;
  if (bridge?.saveFile) {
    let envelope: unknown;
    try {
      envelope = await bridge.saveFile(ref.downloadId, token);
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.bridgeFailed') });
    }
    const data = unwrapEnvelope(envelope, i18n.t('errors.notEnvelope')) as { saved?: unknown } | null;
    return data?.saved === true;
  }
  let res: Response;
  try {
    res = await fetch(`/download?id=${encodeURIComponent(ref.downloadId)}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.serverUnreachable') });
  }
  if (!res.ok) {
    let envelope: unknown = null;
    try {
      envelope = await res.json();
    } catch {
      // Not an envelope: reported below.
    }
    unwrapEnvelope(envelope, i18n.t('errors.badResponse', { status: res.status }));
    throw new ApiError({ code: 'UNAVAILABLE', message: i18n.t('errors.badResponse', { status: res.status }) });
  }
  downloadBlob(ref.fileName, await res.blob());
  return true;
}
