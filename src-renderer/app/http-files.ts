import { UPLOAD_PURPOSES, type UploadPurpose } from '@shared/contract/uploads';
import { downloadBlob } from './files';

/**
 * The browser half of the binary file path, used by the HTTP bridge: the page picks a file and streams it
 * to `POST /upload` (its bytes never go inside JSON), and downloads are fetched with the session token.
 * Answers are envelopes, like main's, so the renderer treats both bridges alike.
 */
type Fetch = typeof fetch;

function isPurpose(p: string): p is UploadPurpose {
  return p in UPLOAD_PURPOSES;
}

/** Opens the browser's file chooser; null when the user cancels. */
function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function readEnvelope(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', key: 'transport.bad-response', params: { status: res.status } } };
  }
}

export async function pickAndUpload(base: string, fetchImpl: Fetch, purpose: string, token: string | null): Promise<unknown> {
  if (!isPurpose(purpose)) return { ok: false, error: { code: 'NOT_FOUND', key: 'upload.unknown-purpose', params: {} } };
  const spec = UPLOAD_PURPOSES[purpose];
  const file = await chooseFile(spec.extensions.map((e) => `.${e}`).join(','));
  if (!file) return { ok: true, data: null };
  if (file.size > spec.maxBytes) {
    const maxMiB = Math.round(spec.maxBytes / 1024 / 1024);
    return { ok: false, error: { code: 'VALIDATION', key: 'upload.too-large', params: { maxMiB }, fields: { uploadId: 'too-large' }, reason: 'UPLOAD_TOO_LARGE' } };
  }
  try {
    return await readEnvelope(await fetchImpl(`${base}/upload?purpose=${encodeURIComponent(purpose)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: file,
      cache: 'no-store',
    }));
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', key: 'transport.unreachable', params: {} } };
  }
}

export async function fetchDownload(base: string, fetchImpl: Fetch, downloadId: string, fileName: string, token: string | null): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchImpl(`${base}/download?id=${encodeURIComponent(downloadId)}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', key: 'transport.unreachable', params: {} } };
  }
  if (!res.ok) return readEnvelope(res);
  downloadBlob(fileName, await res.blob());
  return { ok: true, data: { saved: true } };
}
