import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreModules } from '../../../src-main/core/modules';

/**
 * Each table is written only by the files of the domain that owns it (core/modules.ts `owns`); other
 * domains call its services. This scans the source for every kind of write — Kysely builders and raw
 * SQL — so a new shortcut fails here rather than in review.
 */
const CORE = join(import.meta.dirname, '../../../src-main/core');

/** Tables of the file layer itself, written by core/db (the tenant file's id, this installation's id). */
const INFRASTRUCTURE: Record<string, string> = { tenantMeta: 'db', device: 'db' };

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export interface Write {
  table: string;
  line: number;
}

/** Every table a source text writes to. */
export function writesIn(source: string): Write[] {
  const found: Write[] = [];
  const lines = source.split('\n');
  const builder = /\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"`](\w+)/g;
  const rawSql = /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`]?([a-z_]+)/g;
  lines.forEach((text, i) => {
    for (const m of text.matchAll(builder)) found.push({ table: m[1]!.split(' ')[0]!, line: i + 1 });
    for (const m of text.matchAll(rawSql)) found.push({ table: camel(m[1]!), line: i + 1 });
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function owners(): Map<string, string> {
  const map = new Map<string, string>(Object.entries(INFRASTRUCTURE));
  for (const m of coreModules) {
    const owns = 'owns' in m ? m.owns : undefined;
    for (const t of [...(owns?.tenant ?? []), ...(owns?.app ?? [])]) {
      expect(map.has(t), `${t} is claimed by ${map.get(t)} and ${m.name}`).toBe(false);
      map.set(t, m.name);
    }
  }
  return map;
}

describe('table ownership', () => {
  it('finds builder and raw-SQL writes (the scanner itself can fail)', () => {
    const src = [
      "await db.insertInto('staffUsers').values(x)",
      "trx.updateTable('routers as r').set({})",
      "raw.prepare('UPDATE secrets SET ciphertext = ? WHERE id = ?')",
      'sql`DELETE FROM router_backups WHERE 1`',
      "raw.exec('INSERT OR REPLACE INTO job_runs VALUES (1)')",
    ].join('\n');
    expect(writesIn(src).map((w) => w.table)).toEqual(['staffUsers', 'routers', 'secrets', 'routerBackups', 'jobRuns']);
  });

  it('every written table has one owning module, and only that domain folder writes it', () => {
    const own = owners();
    const violations: string[] = [];
    for (const file of sourceFiles(CORE)) {
      const rel = relative(CORE, file);
      const domain = rel.includes(sep) ? rel.split(sep)[0]! : '(core root)';
      for (const w of writesIn(readFileSync(file, 'utf8'))) {
        const owner = own.get(w.table);
        if (!owner) violations.push(`${rel}:${w.line} writes ${w.table}, which no module owns`);
        else if (owner !== domain) violations.push(`${rel}:${w.line} writes ${w.table}, owned by ${owner}: call its service`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('every module with tables lives in the folder of its name', () => {
    const folders = new Set(readdirSync(CORE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
    for (const m of coreModules) expect(folders.has(m.name), m.name).toBe(true);
  });
});
