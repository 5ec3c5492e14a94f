/**
 * `npm run ledger:verify -- <tenant data.sqlite> [more files…] [--json]`
 * Re-derives every wallet of each tenant file (read-only) and exits 1 when any invariant is broken.
 * Run it on a copy or with the app closed; the file is never written.
 */
import { parseArgs } from 'node:util';
import { formatLedgerReport, verifyLedgerFile } from './verify-file';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('usage: npm run ledger:verify -- <tenants/<id>/data.sqlite> [more files] [--json]');
    return 2;
  }
  let ok = true;
  for (const file of positionals) {
    const report = await verifyLedgerFile(file);
    ok &&= report.ok;
    console.log(values.json ? JSON.stringify({ file, ...report }) : formatLedgerReport(file, report).join('\n'));
  }
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
