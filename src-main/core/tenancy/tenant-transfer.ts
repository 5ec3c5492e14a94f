import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '@shared/domain/errors';
import { nameKey, slugify } from '@shared/domain/text';
import { uuidv7 } from '@shared/domain/ids';
import type { OutputOf } from '@shared/contract';
import { tenantStatus, type TenantSummary } from '@shared/contract/tenancy';
import type { Actor, Core } from '../context';
import { openRawSqlite } from '../db/open-sqlite';
import { ensurePrivateDir } from '../db/private-files';
import { openWithPassphrase, sealWithPassphrase } from '../secrets/aes-gcm-secret-box';
import { resealSecrets } from '../secrets/secret-store';
import { appendAudit } from '../auth/audit';
import { assertNameFree, mustGetTenant } from './tenant-service';
import { toTenantSummary, type TenantRecord } from './registry';

const damaged = () => new AppError('VALIDATION', 'transfer.damaged', { fields: { contentBase64: 'damaged-file' } });

const MAGIC = Buffer.from('ISPDESK-TENANT\n', 'ascii');
const CHECK_PLAINTEXT = 'isp-desk-export';

const header = z.object({
  format: z.literal(1),
  exportedAt: z.string(),
  schema: z.array(z.string()),
  salt: z.string(),
  passCheck: z.string(),
  tenant: z.object({
    id: z.uuid(), name: z.string(), slug: z.string(), status: tenantStatus, isDemo: z.number().int(),
    ownerName: z.string(), ownerEmail: z.string(), ownerPhone: z.string(), country: z.string(), currency: z.string(),
    timezone: z.string(), createdAt: z.string(), updatedAt: z.string(),
  }),
});
type Header = z.infer<typeof header>;

function tempFile(): string {
  return join(tmpdir(), `isp-desk-${uuidv7()}.sqlite`);
}

/**
 * One file holds a tenant: a header (registry row, schema steps, passphrase check) and the gzip'd
 * database. Secrets inside are sealed with the passphrase, because this installation's key does not
 * travel with the file.
 */
export async function exportTenant(core: Core, tenantId: string, passphrase: string): Promise<OutputOf<'tenants.export'>> {
  const t = mustGetTenant(core, tenantId);
  const tmp = tempFile();
  try {
    await core.tenants.use(t.id, async (h) => {
      h.raw.prepare('VACUUM INTO ?').run(tmp);
    });
    const salt = randomBytes(16);
    const raw = openRawSqlite(tmp);
    try {
      resealSecrets(raw, (c) => sealWithPassphrase(core.secrets.open(c), passphrase, salt));
      raw.pragma('journal_mode = DELETE');
    } finally {
      raw.close();
    }
    const { nameKey: _omit, ...tenant } = t;
    const head: Header = {
      format: 1, exportedAt: core.clock.now().toISOString(), schema: core.tenants.schemaSteps, salt: salt.toString('base64'),
      passCheck: sealWithPassphrase(CHECK_PLAINTEXT, passphrase, salt), tenant,
    };
    const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headBytes.length);
    const file = Buffer.concat([MAGIC, len, headBytes, gzipSync(readFileSync(tmp))]);
    const date = core.clock.now().toISOString().slice(0, 10);
    return { fileName: `${t.slug}-${date}.ispdesk`, sizeBytes: file.length, contentBase64: file.toString('base64') };
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
  }
}

function parseExport(bytes: Buffer): { head: Header; db: Buffer } {
  const bad = () => new AppError('VALIDATION', 'transfer.not-export-file', { fields: { contentBase64: 'not-export-file' } });
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw bad();
  const len = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + len > bytes.length) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.subarray(start, start + len).toString('utf8'));
  } catch {
    throw bad();
  }
  const h = header.safeParse(parsed);
  if (!h.success) throw bad();
  let db: Buffer;
  try {
    db = gunzipSync(bytes.subarray(start + len));
  } catch {
    throw damaged();
  }
  return { head: h.data, db };
}

export async function importTenant(core: Core, contentBase64: string, passphrase: string, actor: Actor): Promise<TenantSummary> {
  const { head, db } = parseExport(Buffer.from(contentBase64, 'base64'));
  const salt = Buffer.from(head.salt, 'base64');
  try {
    if (openWithPassphrase(head.passCheck, passphrase, salt) !== CHECK_PLAINTEXT) throw new Error('mismatch');
  } catch {
    throw new AppError('VALIDATION', 'transfer.wrong-passphrase', { fields: { passphrase: 'wrong-passphrase' } });
  }
  const known = new Set(core.tenants.schemaSteps);
  const unknown = head.schema.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new AppError('UNAVAILABLE', 'transfer.newer-version');
  }
  const existing = core.registry.get(head.tenant.id);
  if (existing) {
    throw new AppError('CONFLICT', 'transfer.already-here', { params: { name: existing.name }, fields: { contentBase64: 'already-here' } });
  }
  assertNameFree(core, head.tenant.name);
  if (existsSync(core.tenants.dirOf(head.tenant.id))) {
    throw new AppError('CONFLICT', 'transfer.leftover-folder');
  }
  const dir = core.tenants.dirOf(head.tenant.id);
  try {
    ensurePrivateDir(dir, core.config.dataDir);
    writeFileSync(core.tenants.fileOf(head.tenant.id), db, { flag: 'wx' });
    const raw = openRawSqlite(core.tenants.fileOf(head.tenant.id));
    try {
      const check = raw.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw damaged();
      const meta = raw.prepare("SELECT value FROM tenant_meta WHERE key = 'tenant_id'").get() as { value: string } | undefined;
      if (meta?.value !== head.tenant.id) throw damaged();
      resealSecrets(raw, (c) => core.secrets.seal(openWithPassphrase(c, passphrase, salt)));
    } finally {
      raw.close();
    }
    const now = core.clock.now().toISOString();
    const slug = core.registry.bySlug(head.tenant.slug) ? `${slugify(head.tenant.name)}-${head.tenant.id.slice(-6)}` : head.tenant.slug;
    const record: TenantRecord = { ...head.tenant, nameKey: nameKey(head.tenant.name), slug, updatedAt: now };
    // Opening through the pool migrates the file if it came from an older version.
    await core.tenants.use(record.id, (h) =>
      appendAudit(h.db, core.clock, actor, {
        action: 'tenant.imported', summary: `Imported from an export made ${head.exportedAt}`, targetType: 'tenant', targetId: record.id,
      }),
    );
    await core.registry.insert(record);
    core.events.emit('tenants.changed', { platform: true }, { tenantId: record.id, change: 'created' });
    if (record.status !== 'suspended') await core.hooks.active(record.id);
    return toTenantSummary(record);
  } catch (e) {
    await core.tenants.remove(head.tenant.id).catch(() => undefined);
    throw e;
  }
}
