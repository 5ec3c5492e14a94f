import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { isAppError, type ErrorCode } from '@shared/domain/errors';
import type { Core } from '../core/context';
import { authorizeUpload } from '../core/uploads/authorize';
import { bearerToken, sendJson } from './http-transport';
import { busyBody, declaredLength, readCapped, refuseBody, tooLargeBody, type BodyGate } from './request-body';

const STATUS: Partial<Record<ErrorCode, number>> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * POST /upload?purpose=<purpose> with the raw file as the body (any content type) and the session token:
 * authorised before any byte is read, capped per purpose, streamed to a file in a private temp folder.
 * Answers `{ ok: true, data: UploadRef }`; channels then take the upload id.
 */
export async function handleUpload(core: Core, gate: BodyGate, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  let auth: ReturnType<typeof authorizeUpload>;
  try {
    auth = authorizeUpload(core, bearerToken(req), url.searchParams.get('purpose') ?? '');
  } catch (e) {
    if (!isAppError(e)) throw e;
    // Not one byte of the body is read: the connection is dropped after this answer.
    refuseBody(req, res, STATUS[e.code] ?? 400, e.toBody());
    return;
  }
  const cap = core.uploads.capOf(auth.purpose);
  const declared = declaredLength(req);
  if (declared !== null && declared > cap) {
    refuseBody(req, res, 413, tooLargeBody('The file is too large.'));
    return;
  }
  const slot = gate.tryAcquire();
  if (!slot) {
    refuseBody(req, res, 503, busyBody('Another file is being received; please try again.'));
    return;
  }
  const release = await slot;
  const path = core.uploads.newTempPath();
  const file = createWriteStream(path, { mode: 0o600, flags: 'wx' });
  let kept = false;
  try {
    const read = await readCapped(req, cap, gate.stats, file);
    file.end();
    await finished(file);
    if (read.tooLarge) {
      refuseBody(req, res, 413, tooLargeBody('The file is too large.'));
      return;
    }
    const rawName = req.headers['x-file-name'];
    let fileName = 'file';
    try {
      if (typeof rawName === 'string') fileName = decodeURIComponent(rawName);
    } catch {
      // A malformed name is only cosmetic.
    }
    const ref = core.uploads.register({ purpose: auth.purpose, path, owned: true, fileName, sizeBytes: file.bytesWritten, token: auth.session.token });
    kept = true;
    sendJson(res, 200, { ok: true, data: ref });
  } finally {
    release();
    if (!kept) {
      file.destroy();
      rmSync(path, { force: true });
    }
  }
}

/**
 * GET /download?id=<downloadId> with the session token: streams a file core offered to that session
 * (e.g. a tenant export) from disk as an attachment. Unknown, expired or another session's id → 404.
 */
export function handleDownload(core: Core, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://local');
  const token = bearerToken(req);
  const found = token ? core.uploads.download(url.searchParams.get('id') ?? '', token) : null;
  if (!found) {
    sendJson(res, token && core.sessions.peek(token) ? 404 : 401, { ok: false, error: { code: token ? 'NOT_FOUND' : 'UNAUTHENTICATED', message: 'This download is not available.' } });
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': found.sizeBytes,
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
