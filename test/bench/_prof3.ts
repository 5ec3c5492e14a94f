import { measureStatementImport } from './money-bench';
const r = await measureStatementImport(50_000, 5_000);
console.log(JSON.stringify(r));
const PH = (globalThis as unknown as { PH: Record<string, number> }).PH;
for (const [k, v] of Object.entries(PH)) console.log(k.padEnd(20), v.toFixed(0));
