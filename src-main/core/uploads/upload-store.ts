import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '@shared/domain/errors';
import { UPLOAD_PURPOSES, type DownloadRef, type UploadPurpose, type UploadRef } from '@shared/contract/uploads';
import type { Clock, Logger } from '../ports';

interface UploadEntry {
  id: string;
  /** Downloads (files the app made) have no purpose: they are only fetched, never taken by a channel. */
  purpose: UploadPurpose | 'download';
  path: string;
  /** Our own temp copy (deleted with the entry) or the user's picked file in Electron (never deleted). */
  owned: boolean;
  fileName: string;
  sizeBytes: number;
  /** The session that made it; only that session can use it. */
  token: string;
  expiresAtMs: number;
  inUse: boolean;
}

export interface UploadStoreOptions {
  /** Unused uploads are deleted after this long. */
  ttlMs?: number;
  /** Parent of the 0700 temp folder (default: the OS temp dir). */
  tempParent?: string;
  /** Lower caps than the contract's per purpose (tests, constrained installs). */
  maxBytes?: Partial<Record<UploadPurpose, number>>;
}

export interface NewUpload {
  purpose: UploadPurpose;
  path: string;
  owned: boolean;
  fileName: string;
  sizeBytes: number;
  token: string;
}

const notFound = () =>
  new AppError('VALIDATION', 'upload.gone', { fields: { uploadId: 'choose-again' }, reason: 'UPLOAD_NOT_FOUND' });

/** A short, safe display name (no folders, no control characters). */
export function cleanFileName(name: string | undefined): string {
  const base = basename((name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return base.slice(0, 200) || 'file';
}

/**
 * Files handed to the app before a channel uses them: streamed uploads (headless) written to a private
 * temp folder, or files picked in Electron's main process (kept as a path). Each belongs to one session
 * and one purpose, and is removed after use, at expiry, when its session ends or at shut-down.
 */
export class UploadStore {
  private readonly entries = new Map<string, UploadEntry>();
  private dir: string | null = null;
  private readonly ttlMs: number;

  constructor(private readonly clock: Clock, private readonly log: Logger, private readonly opts: UploadStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
  }

  /** The size cap of a purpose on this installation. */
  capOf(purpose: UploadPurpose): number {
    return Math.min(UPLOAD_PURPOSES[purpose].maxBytes, this.opts.maxBytes?.[purpose] ?? Infinity);
  }

  /** The private temp folder, once an upload was received (for tests and diagnostics). */
  get tempDir(): string | null {
    return this.dir;
  }

  /** A fresh path in the private (0700) temp folder, for a streamed upload or a file offered as a download. */
  newTempPath(kind: 'upload' | 'download' = 'upload'): string {
    // mkdtemp creates the folder 0700 whatever the umask.
    this.dir ??= mkdtempSync(join(this.opts.tempParent ?? tmpdir(), 'isp-desk-uploads-'));
    return join(this.dir, `${randomBytes(16).toString('hex')}.${kind}`);
  }

  register(u: NewUpload): UploadRef {
    const id = `upl_${randomBytes(18).toString('base64url')}`;
    const expiresAtMs = this.clock.now().getTime() + this.ttlMs;
    this.entries.set(id, { ...u, id, fileName: cleanFileName(u.fileName), expiresAtMs, inUse: false });
    return { uploadId: id, fileName: cleanFileName(u.fileName), sizeBytes: u.sizeBytes, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /**
   * Runs `fn` with the file of an upload this session made for this purpose. On success the upload is
   * gone; on failure it stays until expiry so the user can retry (e.g. with the right passphrase).
   * `keep` leaves it after success too: a preview reads the file that its apply will read again.
   */
  async use<T>(uploadId: string, purpose: UploadPurpose, token: string, fn: (file: { path: string; sizeBytes: number; fileName: string }) => Promise<T>, keep = false): Promise<T> {
    const e = this.entries.get(uploadId);
    if (!e || e.token !== token || e.purpose !== purpose) throw notFound();
    if (this.clock.now().getTime() > e.expiresAtMs) {
      this.drop(e);
      throw notFound();
    }
    if (e.inUse) throw new AppError('CONFLICT', 'upload.in-use', { fields: { uploadId: 'in-use' } });
    // A picked file may have changed since it was chosen: the purpose's cap holds at use too.
    let sizeBytes: number;
    try {
      const st = statSync(e.path);
      if (!st.isFile()) throw new Error('not a file');
      sizeBytes = st.size;
    } catch {
      this.drop(e);
      throw notFound();
    }
    if (sizeBytes > this.capOf(purpose)) {
      this.drop(e);
      throw tooLarge(this.capOf(purpose));
    }
    e.inUse = true;
    try {
      const result = await fn({ path: e.path, sizeBytes, fileName: e.fileName });
      if (!keep) this.drop(e);
      return result;
    } finally {
      e.inUse = false;
    }
  }

  /**
   * Offers a file the app wrote with `newTempPath()` as a download for one session. It can be fetched
   * again until it expires (a "download again" button), then it is deleted.
   */
  offer(d: { path: string; fileName: string; sizeBytes: number; token: string }): DownloadRef {
    const id = `dl_${randomBytes(18).toString('base64url')}`;
    const expiresAtMs = this.clock.now().getTime() + this.ttlMs;
    const fileName = cleanFileName(d.fileName);
    this.entries.set(id, { ...d, id, purpose: 'download', owned: true, fileName, expiresAtMs, inUse: false });
    return { downloadId: id, fileName, sizeBytes: d.sizeBytes, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** The file of a download offered to this session, or null (unknown, expired, another session's). */
  download(downloadId: string, token: string): { path: string; fileName: string; sizeBytes: number } | null {
    const e = this.entries.get(downloadId);
    if (!e || e.purpose !== 'download' || e.token !== token) return null;
    if (this.clock.now().getTime() > e.expiresAtMs) {
      this.drop(e);
      return null;
    }
    return { path: e.path, fileName: e.fileName, sizeBytes: e.sizeBytes };
  }

  /** Deletes expired uploads (called periodically). */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (const e of [...this.entries.values()]) if (!e.inUse && now > e.expiresAtMs) this.drop(e);
  }

  /** A session ended: its uploads go with it. */
  dropSession(token: string): void {
    for (const e of [...this.entries.values()]) if (!e.inUse && e.token === token) this.drop(e);
  }

  /** How many uploads (not downloads) are held, for tests and diagnostics. */
  get uploadCount(): number {
    return [...this.entries.values()].filter((e) => e.purpose !== 'download').length;
  }

  closeAll(): void {
    this.entries.clear();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private drop(e: UploadEntry): void {
    this.entries.delete(e.id);
    if (!e.owned) return;
    try {
      rmSync(e.path, { force: true });
    } catch (err) {
      this.log.warn('could not delete an upload', { error: err });
    }
  }
}

export function tooLarge(max: number): AppError {
  return new AppError('VALIDATION', 'upload.too-large', { params: { maxMiB: Math.round((max / 1024 / 1024) * 10) / 10 }, fields: { uploadId: 'too-large' }, reason: 'UPLOAD_TOO_LARGE' });
}
