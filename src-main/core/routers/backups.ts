import { createHash } from 'node:crypto';
import { notFound, AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { diffLines } from '@shared/domain/text-diff';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core, TenantCtx } from '../context';
import { RosTrapError, bytesToText, textToBytes, type RosConnection } from '../routeros/client';
import { mapPage, pageQuery } from '../paging';
import type { RouterConnectionManager } from './connections';
import { routerFailure } from './diagnose';
import { BACKUP_SECRET_OWNER, mustFindRouter, type RouterRow } from './router-repo';
import { readSecret, saveSecret } from '../secrets/secret-store';

type BackupMeta = OutputOf<'routers.backups.fetch'>;
const EXPORT_FILE = 'isp-desk-config';

/** The first header line carries the export time; two exports of the same config differ only there. */
export function configHash(text: string): string {
  const body = text.replace(/^# [^\n]* by RouterOS [^\n]*\n/, '');
  return createHash('sha256').update(body).digest('hex');
}

/** Largest `/file/read` chunk RouterOS accepts (tikoci centrs FILE_READ_CHUNK_BYTES = 32768). */
const READ_CHUNK = 32_768;

/** Why a configuration could not be read back; the renderer words each reason (routerTabs.backups.errors). */
export type BackupFailure = 'export-file-missing' | 'export-too-large-for-api' | 'export-read-short';

function backupError(reason: BackupFailure, params: { sizeBytes: number; readBytes: number; routerOsVersion: string }): AppError {
  return new AppError('UNAVAILABLE', 'backup.unreadable', { params, reason });
}

/** Whether the API user's group has the `sensitive` policy (needed to see passwords in an export). */
async function canSeeSecrets(conn: RosConnection, username: string): Promise<boolean> {
  try {
    const [user] = await conn.print('/user', { where: { name: username }, proplist: ['group'] });
    if (!user?.group) return false;
    const [group] = await conn.print('/user/group', { where: { name: user.group }, proplist: ['policy'] });
    return (group?.policy ?? '').split(',').includes('sensitive');
  } catch {
    return false;
  }
}

/**
 * Reads the file back: whole through `contents` when the router returns it (v7 up to ~60 KB, v6 ~4 KB), else
 * in `/file/read` chunks (RouterOS versions that have it). Without either, says so with the sizes.
 */
async function readFileBack(conn: RosConnection, name: string, version: string): Promise<string> {
  const [file] = await conn.print('/file', { where: { name } });
  if (!file) throw backupError('export-file-missing', { sizeBytes: 0, readBytes: 0, routerOsVersion: version });
  const size = Number(file.size ?? 0);
  // `size` and `offset` count the file's bytes. The text we get is those bytes decoded in the connection's
  // encoding, so it is counted (and chunks are joined) as bytes again: a non-UTF-8 byte, or a UTF-8
  // character cut by a chunk boundary, is one text unit but not one byte, and counting text would move
  // the next offset past bytes never read.
  if (file.contents !== undefined && textToBytes(file.contents, conn.encoding).length >= size) return file.contents;
  const parts: Buffer[] = [];
  let got = 0;
  try {
    while (got < size) {
      const r = await conn.command('/file/read', { attributes: { file: name, 'chunk-size': READ_CHUNK, offset: got } }, { timeoutMs: 60_000 });
      const data = textToBytes(r.rows[0]?.data ?? '', conn.encoding);
      if (data.length === 0) break;
      parts.push(data);
      got += data.length;
    }
  } catch (e) {
    if (e instanceof RosTrapError && /no such command/.test(e.trapMessage)) {
      throw backupError('export-too-large-for-api', { sizeBytes: size, readBytes: file.contents === undefined ? 0 : Buffer.byteLength(file.contents), routerOsVersion: version });
    }
    throw e;
  }
  if (got < size) throw backupError('export-read-short', { sizeBytes: size, readBytes: got, routerOsVersion: version });
  return bytesToText(Buffer.concat(parts), conn.encoding);
}

/**
 * Reads the configuration as an .rsc export. `/export` over the API answers a bare `!done` (the text goes to
 * the console) on v6 and v7, so it is written to a file, read back and the file removed. Passwords are
 * included only when the API user has the `sensitive` policy (v7 `show-sensitive`; v6 shows them to such a
 * user and hides them with `hide-sensitive` otherwise).
 */
export async function readExport(conn: RosConnection, router: Pick<RouterRow, 'rosVersion' | 'username'>): Promise<{ text: string; secrets: 'included' | 'hidden' }> {
  let version = router.rosVersion;
  if (!version) version = (await conn.print('/system/resource', { proplist: ['version'] }))[0]?.version ?? '7';
  const v6 = version.startsWith('6');
  const secrets = (await canSeeSecrets(conn, router.username)) ? 'included' : 'hidden';
  const flags = v6 ? (secrets === 'hidden' ? { 'hide-sensitive': '' } : {}) : secrets === 'included' ? { 'show-sensitive': '' } : {};
  await conn.command('/export', { attributes: { ...flags, file: EXPORT_FILE } }, { timeoutMs: 60_000 });
  try {
    return { text: await readFileBack(conn, `${EXPORT_FILE}.rsc`, version.split(' ')[0] ?? version), secrets };
  } finally {
    const [file] = await conn.print('/file', { where: { name: `${EXPORT_FILE}.rsc` }, proplist: ['.id'] }).catch(() => []);
    if (file?.['.id']) await conn.remove('/file', file['.id']).catch(() => undefined);
  }
}

type StoredBackup = { id: string; routerId: string; fetchedAt: string; trigger: 'manual' | 'nightly'; sizeBytes: number; lineCount: number; rosVersion: string | null; changed: number; isFirst: number; secrets: 'included' | 'hidden'; contentHash: string };

function toMeta(r: StoredBackup): BackupMeta {
  return {
    id: r.id, routerId: r.routerId, fetchedAt: r.fetchedAt, trigger: r.trigger, sizeBytes: r.sizeBytes, lineCount: r.lineCount, routerOsVersion: r.rosVersion,
    changed: r.changed === 1, first: r.isFirst === 1, secrets: r.secrets, contentHash: r.contentHash,
  };
}

/** Lines as people count them: a trailing newline does not start another line. */
export function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * Fetches /export and stores it as a new version. An unchanged configuration is recorded (so the history
 * shows it was checked) but keeps the text of the previous version out of the `changed` view. A router's
 * first version is `first`, not `changed`.
 */
export async function fetchBackup(core: Core, connections: RouterConnectionManager, tenantId: string, routerId: string, trigger: 'manual' | 'nightly'): Promise<BackupMeta> {
  const router: RouterRow = await core.tenants.use(tenantId, (h) => mustFindRouter(h.db, routerId));
  let got: { text: string; secrets: 'included' | 'hidden' };
  try {
    got = await connections.run(tenantId, routerId, (conn) => readExport(conn, router));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
  const { text, secrets } = got;
  const hash = configHash(text);
  return core.tenants.use(tenantId, async (h) => {
    const prev = await h.db.selectFrom('routerBackups').select('contentHash').where('routerId', '=', routerId).orderBy('fetchedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const row = {
      id: uuidv7(), routerId, fetchedAt: core.clock.now().toISOString(), trigger, content: text, contentHash: hash,
      sizeBytes: Buffer.byteLength(text), lineCount: countLines(text), rosVersion: router.rosVersion,
      changed: prev !== undefined && prev.contentHash !== hash ? 1 : 0, isFirst: prev === undefined ? 1 : 0, secrets,
    };
    await h.db.transaction().execute(async (trx) => {
      if (secrets === 'included') {
        // Subscriber passwords never sit in plaintext in the tenant file: the text goes sealed into `secrets`
        // (re-sealed on tenant export like every secret) and the backup row keeps only its metadata.
        await saveSecret(trx, core.secrets, { ownerType: BACKUP_SECRET_OWNER, ownerId: routerId, name: row.id }, text, row.fetchedAt);
        row.content = '';
      }
      await trx.insertInto('routerBackups').values(row).execute();
    });
    return toMeta(row);
  });
}

const META_COLUMNS = ['id', 'routerId', 'fetchedAt', 'trigger', 'sizeBytes', 'lineCount', 'rosVersion', 'changed', 'isFirst', 'secrets', 'contentHash'] as const;

export async function listBackups(ctx: TenantCtx, q: ParsedInputOf<'routers.backups.list'>): Promise<OutputOf<'routers.backups.list'>> {
  await mustFindRouter(ctx.db, q.routerId);
  const base = ctx.db.selectFrom('routerBackups').where('routerId', '=', q.routerId);
  const dir = q.sort?.dir ?? 'desc';
  const page = await pageQuery(base, { page: q, select: (qb) => qb.select([...META_COLUMNS]), sort: [{ by: 'fetchedAt', dir }, { by: 'id', dir }] });
  return mapPage(page, toMeta);
}

async function mustFindBackup(ctx: TenantCtx, id: string) {
  const row = await ctx.db.selectFrom('routerBackups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('backup.not-found');
  return row;
}

/** The text of a version (opened from `secrets` when it includes passwords). */
async function contentOf(ctx: TenantCtx, row: { id: string; routerId: string; secrets: 'included' | 'hidden'; content: string }): Promise<string> {
  if (row.secrets !== 'included') return row.content;
  return (await readSecret(ctx.db, ctx.core.secrets, { ownerType: BACKUP_SECRET_OWNER, ownerId: row.routerId, name: row.id })) ?? '';
}

export async function getBackup(ctx: TenantCtx, backupId: string): Promise<OutputOf<'routers.backups.get'>> {
  const row = await mustFindBackup(ctx, backupId);
  return { ...toMeta(row), content: await contentOf(ctx, row) };
}

export async function diffBackups(ctx: TenantCtx, input: ParsedInputOf<'routers.backups.diff'>): Promise<OutputOf<'routers.backups.diff'>> {
  const from = await mustFindBackup(ctx, input.fromBackupId);
  const to = await mustFindBackup(ctx, input.toBackupId);
  if (from.routerId !== to.routerId) {
    throw new AppError('VALIDATION', 'backup.different-routers', { fields: { toBackupId: 'same-router' } });
  }
  return diffLines(await contentOf(ctx, from), await contentOf(ctx, to), input.context);
}
