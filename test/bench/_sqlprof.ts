import Database from 'better-sqlite3';
import { measureStatementImport } from './money-bench';
const stats = new Map<string, { n: number; ms: number }>();
const proto = (Database as unknown as { prototype: { prepare: (s: string) => unknown } }).prototype;
const origPrepare = proto.prepare;
proto.prepare = function (this: unknown, source: string) {
  const st = origPrepare.call(this, source) as Record<string, (...a: unknown[]) => unknown>;
  const key = source.replace(/\s+/g, ' ').replace(/(\(\?(, \?)*\)(, )?)+/g, '(…)').replace(/\?(, \?)+/g, '?…').slice(0, 110);
  for (const m of ['run', 'all', 'get', 'iterate']) {
    const f = st[m]!;
    st[m] = function (this: unknown, ...a: unknown[]) {
      const t0 = performance.now();
      try { return f.apply(this, a); } finally {
        const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t0; stats.set(key, s);
      }
    };
  }
  return st;
};
const t0 = process.cpuUsage();
const r = await measureStatementImport(50_000, 5_000);
const cpu = process.cpuUsage(t0);
console.log(JSON.stringify(r), 'cpu', Math.round((cpu.user + cpu.system) / 1000));
for (const [k, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(v.ms.toFixed(0).padStart(7), String(v.n).padStart(7), k);
