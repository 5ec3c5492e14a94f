import { measureStatementImport } from './money-bench';
const r = await measureStatementImport(50_000, 5_000);
console.log(JSON.stringify(r));
