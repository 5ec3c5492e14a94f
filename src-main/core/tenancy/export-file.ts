import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, fstatSync } from 'node:fs';
import { appendFile, open as openFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '@shared/domain/errors';

/**
 * The tenant export container. Only this header is readable without the passphrase:
 *
 *   MAGIC | u32 header length | header JSON (format, cipher, KDF name + parameters + salt, key check, IVs)
 *   | u32 meta length | meta ciphertext + tag | body ciphertext | body tag (16 bytes)
 *
 * The key comes from scrypt(passphrase, salt). Meta (tenant registry row, schema steps) and body (the gzip'd
 * SQLite file) are AES-256-GCM with the header bytes as additional data, so the header cannot be edited
 * either. The body is encrypted and decrypted as a stream: no whole-file copies in memory.
 */
export const MAGIC = Buffer.from('ISPDESK-TENANT\n', 'ascii');
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_META_BYTES = 1024 * 1024;

const KDF = { N: 1 << 16, r: 8, p: 1 } as const;

const header = z.object({
  format: z.literal(2),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounds keep a crafted file from asking for absurd memory or time.
    N: z.number().int().min(1 << 14).max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().max(64),
  }),
  keyCheck: z.string().max(64),
  metaIv: z.string().max(32),
  bodyIv: z.string().max(32),
});
type Header = z.infer<typeof header>;

export type ExportRefusal = 'EXPORT_NOT_A_FILE' | 'EXPORT_WRONG_PASSPHRASE' | 'EXPORT_DAMAGED' | 'EXPORT_OLD_FORMAT';

export function refuse(reason: ExportRefusal): AppError {
  switch (reason) {
    case 'EXPORT_WRONG_PASSPHRASE':
      return new AppError('VALIDATION', 'transfer.wrong-passphrase', { fields: { passphrase: 'wrong-passphrase' }, reason });
    case 'EXPORT_DAMAGED':
      return new AppError('VALIDATION', 'transfer.damaged', { fields: { uploadId: 'damaged-file' }, reason });
    case 'EXPORT_OLD_FORMAT':
      return new AppError('VALIDATION', 'transfer.old-format', { fields: { uploadId: 'old-format' }, reason });
    default:
      return new AppError('VALIDATION', 'transfer.not-export-file', { fields: { uploadId: 'not-export-file' }, reason });
  }
}

function deriveKeys(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 48, opts, (err, out) => {
      if (err) reject(err);
      // First 32 bytes: the AES key; the rest only tells a wrong passphrase from a damaged file.
      else resolve({ key: out.subarray(0, 32), check: out.subarray(32, 48) });
    });
  });
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Writes `meta` and the gzip'd contents of `plainFile` to `outFile`, sealed with the passphrase. */
export async function writeExportFile(outFile: string, plainFile: string, meta: unknown, passphrase: string): Promise<void> {
  const salt = randomBytes(16);
  const { key, check } = await deriveKeys(passphrase, salt, KDF);
  const metaIv = randomBytes(12);
  const bodyIv = randomBytes(12);
  const head: Header = {
    format: 2, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') }, keyCheck: check.toString('base64'),
    metaIv: metaIv.toString('base64'), bodyIv: bodyIv.toString('base64'),
  };
  const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
  const aad = Buffer.concat([MAGIC, u32(headBytes.length), headBytes]);

  const metaCipher = createCipheriv('aes-256-gcm', key, metaIv);
  metaCipher.setAAD(aad);
  const metaCt = Buffer.concat([metaCipher.update(Buffer.from(JSON.stringify(meta), 'utf8')), metaCipher.final(), metaCipher.getAuthTag()]);

  const fh = await openFile(outFile, 'wx', 0o600);
  try {
    await fh.write(Buffer.concat([aad, u32(metaCt.length), metaCt]));
  } finally {
    await fh.close();
  }
  const bodyCipher = createCipheriv('aes-256-gcm', key, bodyIv);
  bodyCipher.setAAD(aad);
  await pipeline(createReadStream(plainFile), createGzip(), bodyCipher, createWriteStream(outFile, { flags: 'a' }));
  await appendFile(outFile, bodyCipher.getAuthTag());
}

interface OpenedExport {
  meta: unknown;
  /** Decrypts and decompresses the body into `outFile`; rejects (EXPORT_DAMAGED) if anything was altered. */
  extractBody(outFile: string): Promise<void>;
}

/**
 * Reads the header and meta of an export file with the passphrase. Refuses a file that is not an
 * export, a wrong passphrase and any change to header or meta, before anything is written.
 */
export async function openExportFile(file: string, passphrase: string): Promise<OpenedExport> {
  const fd = openSync(file, 'r');
  let size: number;
  let aad: Buffer;
  let head: Header;
  let metaCt: Buffer;
  try {
    size = fstatSync(fd).size;
    const read = (pos: number, len: number): Buffer => {
      const b = Buffer.alloc(len);
      const n = readSync(fd, b, 0, len, pos);
      if (n !== len) throw refuse('EXPORT_NOT_A_FILE');
      return b;
    };
    if (size < MAGIC.length + 8 + TAG_BYTES || !read(0, MAGIC.length).equals(MAGIC)) throw refuse('EXPORT_NOT_A_FILE');
    const headLen = read(MAGIC.length, 4).readUInt32BE();
    if (headLen > MAX_HEADER_BYTES) throw refuse('EXPORT_NOT_A_FILE');
    const headBytes = read(MAGIC.length + 4, headLen);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headBytes.toString('utf8'));
    } catch {
      throw refuse('EXPORT_NOT_A_FILE');
    }
    if (typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === 1) throw refuse('EXPORT_OLD_FORMAT');
    const h = header.safeParse(parsed);
    if (!h.success) throw refuse('EXPORT_NOT_A_FILE');
    head = h.data;
    aad = Buffer.concat([MAGIC, u32(headLen), headBytes]);
    const metaLen = read(aad.length, 4).readUInt32BE();
    if (metaLen < TAG_BYTES || metaLen > MAX_META_BYTES || aad.length + 4 + metaLen + TAG_BYTES > size) throw refuse('EXPORT_DAMAGED');
    metaCt = read(aad.length + 4, metaLen);
  } finally {
    closeSync(fd);
  }

  const { key, check } = await deriveKeys(passphrase, Buffer.from(head.kdf.salt, 'base64'), head.kdf);
  const expected = Buffer.from(head.keyCheck, 'base64');
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) throw refuse('EXPORT_WRONG_PASSPHRASE');

  let meta: unknown;
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(head.metaIv, 'base64'));
    d.setAAD(aad);
    d.setAuthTag(metaCt.subarray(metaCt.length - TAG_BYTES));
    meta = JSON.parse(Buffer.concat([d.update(metaCt.subarray(0, metaCt.length - TAG_BYTES)), d.final()]).toString('utf8'));
  } catch {
    throw refuse('EXPORT_DAMAGED');
  }

  const bodyStart = aad.length + 4 + metaCt.length;
  const bodyEnd = size - TAG_BYTES; // exclusive
  return {
    meta,
    async extractBody(outFile: string) {
      const fd2 = openSync(file, 'r');
      const tag = Buffer.alloc(TAG_BYTES);
      try {
        readSync(fd2, tag, 0, TAG_BYTES, bodyEnd);
      } finally {
        closeSync(fd2);
      }
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(head.bodyIv, 'base64'));
      d.setAAD(aad);
      d.setAuthTag(tag);
      try {
        // The plaintext goes to a private temp file only; GCM's check at the end decides whether it is used.
        await pipeline(
          bodyEnd > bodyStart ? createReadStream(file, { start: bodyStart, end: bodyEnd - 1 }) : [],
          d, createGunzip(), createWriteStream(outFile, { flags: 'wx', mode: 0o600 }),
        );
      } catch {
        throw refuse('EXPORT_DAMAGED');
      }
    },
  };
}
