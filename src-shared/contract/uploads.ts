import { z } from 'zod';
import type { Permission } from '../domain/permissions';
import { instant } from './common';

/**
 * Files never travel inside JSON. A file is first turned into an upload (headless: a streamed
 * `POST /upload?purpose=…`; Electron: a file picked in main), and channels take its `uploadId`.
 * Each purpose has its own size cap, file types and the access needed to upload for it.
 */
export interface UploadPurposeDef {
  maxBytes: number;
  /** File name extensions offered by the picker (without the dot). */
  extensions: readonly string[];
  /** Who may upload for this purpose; the consuming channel checks again. */
  access: 'platform' | Permission;
}

const MiB = 1024 * 1024;

export const UPLOAD_PURPOSES = {
  'tenant-import': { maxBytes: 256 * MiB, extensions: ['ispdesk'], access: 'platform' },
  // Stored as a data URL in business settings by settings.set-logo (the only way a logo comes in).
  'tenant-logo': { maxBytes: 290 * 1024, extensions: ['png', 'jpg', 'jpeg', 'svg', 'webp'], access: 'settings.manage' },
  /** M-Pesa organisation portal statement export (issue 10 §4a); a 50k-row CSV is a few MiB. */
  'mpesa-statement': { maxBytes: 64 * MiB, extensions: ['csv', 'xlsx'], access: 'payments.collect' },
} as const satisfies Record<string, UploadPurposeDef>;

export type UploadPurpose = keyof typeof UPLOAD_PURPOSES;

export function isUploadPurpose(name: string): name is UploadPurpose {
  return Object.prototype.hasOwnProperty.call(UPLOAD_PURPOSES, name);
}

export const uploadId = z
  .string({ message: 'Choose a file' })
  .regex(/^upl_[A-Za-z0-9_-]{20,64}$/, 'Choose the file again');

export const uploadRef = z.object({
  uploadId,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** Unused uploads are deleted after this instant. */
  expiresAt: instant,
});
export type UploadRef = z.infer<typeof uploadRef>;

/**
 * The other direction: a file the app made (e.g. a tenant export) is offered as a download id, fetched
 * with `GET /download?id=…` and the session token (headless) or saved through a dialog in main (Electron).
 */
export const downloadId = z.string().regex(/^dl_[A-Za-z0-9_-]{20,64}$/, 'Unknown download');

export const downloadRef = z.object({
  downloadId,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** The file is deleted after this instant (or when the session ends). */
  expiresAt: instant,
});
export type DownloadRef = z.infer<typeof downloadRef>;
