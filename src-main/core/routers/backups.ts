import { createHash } from 'node:crypto';
import { notFound, AppError } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { diffLines } from '@shared/domain/text-diff';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Core, TenantCtx } from '../context';
import type { RosConnection } from '../routeros/client';
import { mapPage, pageQuery } from '../paging';
import type { RouterConnectionManager } from './connections';
import { routerFailure } from './diagnose';
import { mustFindRouter, type RouterRow } from './router-repo';

type BackupMeta = OutputOf<'routers.backups.fetch'>;
const EXPORT_FILE = 'isp-desk-config';

/** The first header line carries the export time; two exports of the same config differ only there. */
export function configHash(text: string): string {
  const body = text.replace(/^# [^\n]* by RouterOS [^\n]*\n/, '');
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Reads the configuration as an .rsc export. Sensitive values stay hidden (v7 hides them by default;
 * v6 needs hide-sensitive) so no subscriber password lands in our database. Routers that print the
 * export to a console rather than the API answer with nothing; then it goes through a file.
 */
async function readExport(conn: RosConnection, rosVersion: string | null): Promise<string> {
  let version = rosVersion;
  if (!version) version = (await conn.print('/system/resource', { proplist: ['version'] }))[0]?.version ?? '7';
  const hide = version.startsWith('6') ? { 'hide-sensitive': '' } : {};
  const direct = await conn.command('/export', { attributes: hide }, { timeoutMs: 60_000 });
  if (direct.ret && direct.ret.trim() !== '') return direct.ret;
  await conn.command('/export', { attributes: { ...hide, file: EXPORT_FILE } }, { timeoutMs: 60_000 });
  const [file] = await conn.print('/file', { where: { name: `${EXPORT_FILE}.rsc` } });
  if (!file?.contents) throw new AppError('UNAVAILABLE', 'router.no-export');
  await conn.remove('/file', file['.id']!).catch(() => undefined);
  return file.contents;
}

function toMeta(r: { id: string; routerId: string; fetchedAt: string; trigger: 'manual' | 'nightly'; sizeBytes: number; lineCount: number; rosVersion: string | null; changed: number; contentHash: string }): BackupMeta {
  return { id: r.id, routerId: r.routerId, fetchedAt: r.fetchedAt, trigger: r.trigger, sizeBytes: r.sizeBytes, lineCount: r.lineCount, routerOsVersion: r.rosVersion, changed: r.changed === 1, contentHash: r.contentHash };
}

/**
 * Fetches /export and stores it as a new version. An unchanged configuration is recorded (so the history
 * shows it was checked) but keeps the text of the previous version out of the `changed` view.
 */
export async function fetchBackup(core: Core, connections: RouterConnectionManager, tenantId: string, routerId: string, trigger: 'manual' | 'nightly'): Promise<BackupMeta> {
  const router: RouterRow = await core.tenants.use(tenantId, (h) => mustFindRouter(h.db, routerId));
  let text: string;
  try {
    text = await connections.run(tenantId, routerId, (conn) => readExport(conn, router.rosVersion));
  } catch (e) {
    throw routerFailure(e, { host: router.host, port: router.port, useTls: router.useTls === 1 });
  }
  const hash = configHash(text);
  return core.tenants.use(tenantId, async (h) => {
    const prev = await h.db.selectFrom('routerBackups').select('contentHash').where('routerId', '=', routerId).orderBy('fetchedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const row = {
      id: uuidv7(), routerId, fetchedAt: core.clock.now().toISOString(), trigger, content: text, contentHash: hash,
      sizeBytes: Buffer.byteLength(text), lineCount: text.split('\n').length, rosVersion: router.rosVersion, changed: prev?.contentHash === hash ? 0 : 1,
    };
    await h.db.insertInto('routerBackups').values(row).execute();
    return toMeta(row);
  });
}

const META_COLUMNS = ['id', 'routerId', 'fetchedAt', 'trigger', 'sizeBytes', 'lineCount', 'rosVersion', 'changed', 'contentHash'] as const;

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

export async function getBackup(ctx: TenantCtx, backupId: string): Promise<OutputOf<'routers.backups.get'>> {
  const row = await mustFindBackup(ctx, backupId);
  return { ...toMeta(row), content: row.content };
}

export async function diffBackups(ctx: TenantCtx, input: ParsedInputOf<'routers.backups.diff'>): Promise<OutputOf<'routers.backups.diff'>> {
  const from = await mustFindBackup(ctx, input.fromBackupId);
  const to = await mustFindBackup(ctx, input.toBackupId);
  if (from.routerId !== to.routerId) {
    throw new AppError('VALIDATION', 'backup.different-routers', { fields: { toBackupId: 'same-router' } });
  }
  return diffLines(from.content, to.content, input.context);
}
