import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/*
 * Data folders are 0700 and database files 0600 whatever the process umask: they hold password hashes,
 * staff e-mails and sealed router secrets. Modes are set explicitly after creation because mkdir/open
 * apply the umask. (On Windows chmod only toggles read-only; the profile folder's ACL protects the data.)
 */

/** Creates `dir` (and missing parents up to `root`, if given) and makes each owner-only. */
export function ensurePrivateDir(dir: string, root?: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const top = root ? resolve(root) : null;
  for (let d = resolve(dir); ; d = dirname(d)) {
    chmodSync(d, 0o700);
    if (!top || d === top || dirname(d) === d || !d.startsWith(top)) break;
  }
}

/**
 * Makes sure a database file exists with mode 0600 before SQLite opens it: SQLite would create it 0644,
 * and creates its -wal and -shm files with the database file's mode.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Tightens files SQLite created beside a database (older installs may have 0644 -wal/-shm files). */
export function restrictSidecars(file: string): void {
  for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) chmodSync(f, 0o600);
}
