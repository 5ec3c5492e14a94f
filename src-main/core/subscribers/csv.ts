import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { AppError, type FieldErrors } from '@shared/domain/errors';
import { uuidv7 } from '@shared/domain/ids';
import { normalisePhone } from '@shared/domain/phone';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { email as emailSchema } from '@shared/contract/common';
import { accountNumber, ipv4, macAddress, pppUsername, SUBSCRIBER_CSV_COLUMNS, type SubscriberCsvColumn } from '@shared/contract/subscribers';
import type { TenantDB } from '../db/tenant-schema';
import type { TenantScope } from '../context';
import { kickAll } from './package-service';
import { readSettings } from './settings';
import type { SubscriberRow } from './subscriber-objects';
import { filteredSubscribers } from './subscriber-list';
import { generatePppPassword, resolveDraft, type SubscriberDraft } from './subscriber-validate';
import { statusFor } from './subscriber-service';
import { writeSubscriber } from './subscriber-write';

/** Lists inside one cell (phones, tags) are separated by ";". */
const LIST_SEPARATOR = ';';

export async function exportSubscribers(scope: TenantScope, f: ParsedInputOf<'subscribers.export'>): Promise<OutputOf<'subscribers.export'>> {
  const rows = await filteredSubscribers(scope.db, f, scope.core.clock.now()).selectAll().orderBy('accountNumber').execute();
  const routers = new Map((await scope.db.selectFrom('routers').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  const packages = new Map((await scope.db.selectFrom('packages').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  const cell = (s: SubscriberRow): Record<SubscriberCsvColumn, string> => ({
    accountNumber: s.accountNumber, fullName: s.fullName, phones: (JSON.parse(s.phones) as string[]).join(LIST_SEPARATOR), email: s.email ?? '',
    site: s.locationSite, building: s.locationBuilding, locationText: s.locationText, router: routers.get(s.routerId) ?? s.routerId,
    package: packages.get(s.packageId) ?? s.packageId, serviceType: s.serviceType, username: s.username ?? '', ipAddress: s.ipAddress ?? '',
    macAddress: s.macAddress ?? '', installedAt: s.installedAt ?? '', expiresAt: s.expiresAt, status: s.status, notes: s.notes,
    tags: (JSON.parse(s.tags) as string[]).join(LIST_SEPARATOR),
  });
  // Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text (OWASP "CSV injection").
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d/.test(v) ? `'${v}` : v);
  const csv = stringify(rows.map((r) => SUBSCRIBER_CSV_COLUMNS.map((c) => safe(cell(r)[c]))), { header: true, columns: [...SUBSCRIBER_CSV_COLUMNS] });
  return { csv, rows: rows.length };
}

type ImportRow = OutputOf<'subscribers.import.preview'>['rows'][number];

function unquote(v: string): string {
  return v.startsWith("'") && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/** One CSV line → a draft, or its field errors (by column). Router and package are matched by name or id. */
function parseLine(
  values: Record<string, string>, routers: Map<string, string>, packages: Map<string, string>,
): { draft: SubscriberDraft | null; errors: FieldErrors | Record<string, string>; status: SubscriberRow['status'] | null } {
  const errors: Record<string, string> = {};
  const v = (c: SubscriberCsvColumn) => unquote((values[c] ?? '').trim());
  const check = <T>(col: SubscriberCsvColumn, schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }): T | null => {
    const raw = v(col);
    if (raw === '') return null;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    errors[col] = r.error.issues[0]?.message ?? 'invalid-value';
    return null;
  };
  const fullName = v('fullName');
  if (fullName.length < 2) errors.fullName = 'required';
  const phones: string[] = [];
  for (const p of v('phones').split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean)) {
    const n = normalisePhone(p);
    if (n === null) errors.phones = 'invalid-phone';
    else phones.push(n);
  }
  if (phones.length === 0 && !errors.phones) errors.phones = 'required';
  const routerId = routers.get(v('router').toLowerCase()) ?? null;
  if (routerId === null) errors.router = v('router') === '' ? 'required' : 'unknown-router';
  const packageId = packages.get(v('package').toLowerCase()) ?? null;
  if (packageId === null) errors.package = v('package') === '' ? 'required' : 'unknown-package';
  const instantOf = (col: SubscriberCsvColumn): string | null => {
    const raw = v(col);
    if (raw === '') return null;
    const t = Date.parse(raw);
    if (Number.isNaN(t)) {
      errors[col] = 'invalid-value';
      return null;
    }
    return new Date(t).toISOString();
  };
  const draft = {
    accountNumber: check('accountNumber', accountNumber), fullName, phones, email: check('email', emailSchema),
    location: { site: v('site'), building: v('building'), text: v('locationText'), gps: null },
    routerId: routerId ?? '', packageId: packageId ?? '', username: check('username', pppUsername), ipAddress: check('ipAddress', ipv4),
    macAddress: check('macAddress', macAddress), installedAt: instantOf('installedAt'), expiresAt: instantOf('expiresAt'),
    notes: v('notes'), tags: v('tags').split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean),
  };
  const st = v('status');
  const status = st === 'suspended' || st === 'disabled' ? st : null;
  return { draft: Object.keys(errors).length === 0 ? draft : null, errors, status };
}

/** Field names of resolveDraft → CSV columns. */
const COLUMN_OF: Record<string, string> = { packageId: 'package', routerId: 'router' };

class Rollback extends Error {}

/**
 * Runs the whole import in one transaction, row by row, so rows see the ones before them (a duplicate
 * account number inside the file is an error on its second line). Preview rolls it all back: what the
 * preview reports is exactly what apply does.
 */
async function runImport(scope: TenantScope, csv: string, commit: boolean): Promise<{ rows: ImportRow[]; created: number; routers: string[] }> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: false, bom: true, relax_column_count: true }) as Record<string, string>[];
  } catch {
    throw new AppError('VALIDATION', 'subscriber.invalid', { fields: { csv: 'invalid-value' } });
  }
  const settings = await readSettings(scope.db);
  const now = scope.core.clock.now();
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.flatMap((r) => [[r.name.toLowerCase(), r.id], [r.id, r.id]] as [string, string][]));
  const routers = byName(await scope.db.selectFrom('routers').select(['id', 'name']).execute());
  const packages = byName(await scope.db.selectFrom('packages').select(['id', 'name']).where('deletedAt', 'is', null).execute());
  const out: ImportRow[] = [];
  const touched = new Set<string>();
  let created = 0;
  try {
    await scope.db.transaction().execute(async (trx: Kysely<TenantDB>) => {
      for (const [i, values] of records.entries()) {
        const line = i + 2;
        const parsed = parseLine(values, routers, packages);
        if (!parsed.draft) {
          out.push({ line, values, errors: parsed.errors });
          continue;
        }
        const r = await resolveDraft(trx, parsed.draft, null, { settings, now, timeZone: scope.tenant.timezone });
        if (!r.ok) {
          const errors = 'missing' in r ? { [r.missing]: `unknown-${r.missing}` } : Object.fromEntries(Object.entries(r.fields).map(([k, c]) => [COLUMN_OF[k] ?? k, c]));
          out.push({ line, values, errors });
          continue;
        }
        const after: SubscriberRow = {
          id: uuidv7(), ...r.values, queueName: null, status: parsed.status ?? statusFor(null, r.values.expiresAt, r.pkg.graceHours, now),
          deletedAt: null, createdAt: now.toISOString(), updatedAt: now.toISOString(),
        };
        for (const t of await writeSubscriber(trx, scope, {
          before: null, after, pkg: r.pkg, action: 'subscriber.imported', summary: `Imported subscriber ${after.accountNumber} ${after.fullName} (CSV line ${line})`,
          ...(r.pkg.serviceType === 'pppoe' && { password: generatePppPassword() }),
        }, settings.expiryAction, now)) touched.add(t);
        created += 1;
        out.push({ line, values, errors: {} });
      }
      if (!commit) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { rows: out, created, routers: [...touched] };
}

export async function previewImport(scope: TenantScope, csv: string): Promise<OutputOf<'subscribers.import.preview'>> {
  const { rows } = await runImport(scope, csv, false);
  const invalid = rows.filter((r) => Object.keys(r.errors).length > 0).length;
  return { rows, valid: rows.length - invalid, invalid };
}

export async function applyImport(scope: TenantScope, csv: string): Promise<OutputOf<'subscribers.import.apply'>> {
  const { rows, created, routers } = await runImport(scope, csv, true);
  kickAll(scope, routers);
  return { created, skipped: rows.length - created };
}
