import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from '../ports';

const TAG = '$01:';

function seal(key: Buffer, plaintext: string, tag: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return tag + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

function open(key: Buffer, sealed: string, tag: string): string {
  if (!sealed.startsWith(tag)) throw new Error('secret was sealed by a different secret store');
  const buf = Buffer.from(sealed.slice(tag.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}

/** Headless and test SecretBox: AES-256-GCM, key in a 0600 file inside the data dir. */
export class AesGcmSecretBox implements SecretBox {
  readonly kind = 'aes-256-gcm-keyfile';
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('secret key must be 32 bytes');
  }

  static fromKeyFile(dataDir: string): AesGcmSecretBox {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'secret.key');
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return new AesGcmSecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  seal(plaintext: string): string {
    return seal(this.key, plaintext, TAG);
  }

  open(ciphertext: string): string {
    return open(this.key, ciphertext, TAG);
  }
}

const PASS_TAG = '$p1:';

/** Seals with a key derived from a passphrase (tenant export files travel between installations). */
export function sealWithPassphrase(plaintext: string, passphrase: string, salt: Buffer): string {
  return seal(deriveKey(passphrase, salt), plaintext, PASS_TAG);
}

export function openWithPassphrase(sealed: string, passphrase: string, salt: Buffer): string {
  return open(deriveKey(passphrase, salt), sealed, PASS_TAG);
}

const keyCache = new Map<string, Buffer>();
function deriveKey(passphrase: string, salt: Buffer): Buffer {
  const cacheKey = `${salt.toString('base64')}:${passphrase}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = scryptSync(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}
