import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/domain/errors';
import { nameKey, slugify } from '@shared/domain/text';
import type { OutputOf } from '@shared/contract';
import { tenantStatus, type TenantSummary } from '@shared/contract/tenancy';
import type { Actor, Core } from '../context';
import { openRawSqlite } from '../db/open-sqlite';
import { ensurePrivateDir } from '../db/private-files';
import { resealSecrets } from '../secrets/secret-store';
import { openWithPassphrase, sealWithPassphrase } from '../secrets/aes-gcm-secret-box';
import { appendAudit } from '../auth/audit';
import { assertNameFree, mustGetTenant } from './tenant-service';
import { toTenantSummary, type TenantRecord } from './registry';
import { openExportFile, refuse, writeExportFile } from './export-file';

/** Everything about the tenant travels inside the encrypted part, never in the readable header. */
const meta = z.object({
  exportedAt: z.string(),
  schema: z.array(z.string()),
  /** Salt of the inner per-secret sealing (secrets stay sealed even inside the decrypted body). */
  secretSalt: z.string(),
  tenant: z.object({
    id: z.uuid(), name: z.string(), slug: z.string(), status: tenantStatus, isDemo: z.number().int(),
    ownerName: z.string(), ownerEmail: z.string(), ownerPhone: z.string(), country: z.string(), currency: z.string(),
    timezone: z.string(), createdAt: z.string(), updatedAt: z.string(),
  }),
});
type Meta = z.infer<typeof meta>;

/** Re-seals every secret in a copied tenant file (local key ↔ export passphrase). */
/** A private (0700) scratch folder for plaintext copies; removed by the caller. */
function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'isp-desk-transfer-'));
}

/**
 * One file holds a tenant: the whole database and its registry row, encrypted with the passphrase
 * (see export-file.ts). Secrets inside are additionally sealed with the passphrase, because this
 * installation's key does not travel with the file.
 */
export async function exportTenant(core: Core, tenantId: string, passphrase: string, token: string): Promise<OutputOf<'tenants.export'>> {
  const t = mustGetTenant(core, tenantId);
  const dir = scratchDir();
  const out = core.uploads.newTempPath('download');
  try {
    const plain = join(dir, 'tenant.sqlite');
    await core.tenants.use(t.id, async (h) => {
      h.raw.prepare('VACUUM INTO ?').run(plain);
    });
    const secretSalt = randomBytes(16);
    const raw = openRawSqlite(plain);
    try {
      resealSecrets(raw, (c) => sealWithPassphrase(core.secrets.open(c), passphrase, secretSalt));
      raw.pragma('journal_mode = DELETE');
    } finally {
      raw.close();
    }
    const { nameKey: _omit, ...tenant } = t;
    const m: Meta = { exportedAt: core.clock.now().toISOString(), schema: core.tenants.schemaSteps, secretSalt: secretSalt.toString('base64'), tenant };
    await writeExportFile(out, plain, m, passphrase);
    const date = core.clock.now().toISOString().slice(0, 10);
    // The file goes out over the download path (streamed from disk), never inside the JSON answer.
    return core.uploads.offer({ path: out, fileName: `${t.slug}-${date}.ispdesk`, sizeBytes: statSync(out).size, token });
  } catch (e) {
    rmSync(out, { force: true });
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Imports an export file (an upload's path). A wrong passphrase, a changed byte, a newer schema or an
 * existing tenant is refused before anything reaches the data folder.
 */
export async function importTenant(core: Core, filePath: string, passphrase: string, actor: Actor): Promise<TenantSummary> {
  const opened = await openExportFile(filePath, passphrase);
  const parsed = meta.safeParse(opened.meta);
  if (!parsed.success) throw refuse('EXPORT_DAMAGED');
  const head = parsed.data;
  const known = new Set(core.tenants.schemaSteps);
  const unknown = head.schema.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new AppError('UNAVAILABLE', 'transfer.newer-version', { reason: 'EXPORT_NEWER_VERSION' });
  }
  const existing = core.registry.get(head.tenant.id);
  if (existing) {
    throw new AppError('CONFLICT', 'transfer.already-here', { params: { name: existing.name }, fields: { uploadId: 'already-here' } });
  }
  assertNameFree(core, head.tenant.name);
  if (existsSync(core.tenants.dirOf(head.tenant.id))) {
    throw new AppError('CONFLICT', 'transfer.leftover-folder');
  }
  const salt = Buffer.from(head.secretSalt, 'base64');
  const scratch = scratchDir();
  try {
    // Decrypt, check and re-seal in the scratch folder; only a verified file is copied into the data folder.
    const plain = join(scratch, 'tenant.sqlite');
    await opened.extractBody(plain);
    const raw = openRawSqlite(plain);
    try {
      const check = raw.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw refuse('EXPORT_DAMAGED');
      const metaRow = raw.prepare("SELECT value FROM tenant_meta WHERE key = 'tenant_id'").get() as { value: string } | undefined;
      if (metaRow?.value !== head.tenant.id) throw refuse('EXPORT_DAMAGED');
      resealSecrets(raw, (c) => core.secrets.seal(openWithPassphrase(c, passphrase, salt)));
      raw.pragma('journal_mode = DELETE');
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw refuse('EXPORT_DAMAGED');
    } finally {
      raw.close();
    }
    const dir = core.tenants.dirOf(head.tenant.id);
    try {
      ensurePrivateDir(dir);
      copyFileSync(plain, core.tenants.fileOf(head.tenant.id), constants.COPYFILE_EXCL);
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
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
