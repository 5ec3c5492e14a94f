import { readStatementFile } from '../../src-main/core/mpesa/statement-file';
import { writeStatementCsv } from '../fixtures/mpesa/make-statement';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'ph-'));
const path = join(dir, 's.csv');
writeStatementCsv(path, 50_000, Array.from({ length: 5000 }, (_, i) => `ACC${i}`));
for (let k = 0; k < 3; k++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = await readStatementFile(path);
  const c = process.cpuUsage(c0);
  console.log('read', r.payments.length, (performance.now() - t0).toFixed(0), 'ms cpu', ((c.user + c.system) / 1000).toFixed(0));
}
