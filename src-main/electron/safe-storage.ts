import { safeStorage } from 'electron';
import type { Logger, SecretBox } from '../core/ports';
import { AesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';

const TAG = '$00:';

/** SecretBox backed by the OS keychain through Electron's safeStorage (only usable after app ready). */
class SafeStorageSecretBox implements SecretBox {
  readonly kind = 'electron-safe-storage';
  seal(plaintext: string): string {
    return TAG + safeStorage.encryptString(plaintext).toString('base64');
  }
  open(ciphertext: string): string {
    if (!ciphertext.startsWith(TAG)) throw new Error('secret was sealed by a different secret store');
    return safeStorage.decryptString(Buffer.from(ciphertext.slice(TAG.length), 'base64'));
  }
}

export function createDesktopSecretBox(dataDir: string, log: Logger): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('OS secret storage unavailable; using a key file in the data folder instead');
    return AesGcmSecretBox.fromKeyFile(dataDir);
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    // basic_text is a hard-coded key: no better than our key file, which at least is 0600 and per install.
    log.warn('no Linux keyring found (safeStorage backend basic_text); using a key file in the data folder instead');
    return AesGcmSecretBox.fromKeyFile(dataDir);
  }
  return new SafeStorageSecretBox();
}
