import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { declaredKeys, defineBench, jsonTarget, runBenches, writeFigures, type Bench } from '../../bench/figures';
import { BENCHES } from '../../bench/run';
import { makeTempDir } from '../../fixtures/temp-dir';

/** The keys issue 6 fixes for `npm run bench -- --json FILE`; later issues add their own. */
const ISSUE_6_KEYS = [
  'foundation.cold_start_ms', 'foundation.audit_list_p95_ms', 'foundation.peak_rss_mb',
  'routeros.print_10k_ratio', 'routeros.add_remove_1k_ratio', 'routeros.concurrent_1k_ratio', 'routeros.concurrent_speedup',
];

/** The real bench set with every measurement replaced by a canned figure: the benches never run. */
function fakeOf(benches: readonly Bench[]): { benches: Bench[]; ran: string[] } {
  const ran: string[] = [];
  let n = 0;
  return {
    ran,
    benches: benches.map((b) => ({
      ...b,
      run: async () => {
        ran.push(b.title);
        return Object.fromEntries(b.keys.map((k) => [k, (n += 1.25)]));
      },
    })),
  };
}

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

describe('npm run bench -- --json FILE', () => {
  it("the registry declares the issue's keys, each once", () => {
    const keys = declaredKeys(BENCHES);
    expect(keys).toEqual(expect.arrayContaining(ISSUE_6_KEYS));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes one flat JSON object of exactly the declared keys, with numbers', async () => {
    temp = makeTempDir('bench-json-');
    const fake = fakeOf(BENCHES);
    const figures = await runBenches(fake.benches, () => undefined);
    const file = join(temp.dir, 'figures.json');
    writeFigures(file, figures);

    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(declaredKeys(BENCHES));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(ISSUE_6_KEYS));
    for (const v of Object.values(json)) expect(typeof v).toBe('number');
    expect(json['foundation.cold_start_ms']).toBe(1.25);
    expect(fake.ran).toEqual(BENCHES.map((b) => b.title));
  });

  it('a new bench is one more entry: its keys join the same object', async () => {
    const extra = defineBench({ title: 'Later', keys: ['later.figure_ms'], run: async () => ({ 'later.figure_ms': 812 }) });
    const figures = await runBenches([...fakeOf(BENCHES).benches, extra], () => undefined);
    expect(Object.keys(figures)).toEqual([...declaredKeys(BENCHES), 'later.figure_ms']);
    expect(figures['later.figure_ms']).toBe(812);
  });

  it('refuses a bench that reports a missing, undeclared or non-numeric figure, or a key twice', async () => {
    const bench = (got: Record<string, unknown>) => ({ title: 'Bad', keys: ['x.a_ms'], run: async () => got }) as unknown as Bench;
    await expect(runBenches([bench({})], () => undefined)).rejects.toThrow(/x\.a_ms is undefined/);
    await expect(runBenches([bench({ 'x.a_ms': Number.NaN })], () => undefined)).rejects.toThrow(/not a finite number/);
    await expect(runBenches([bench({ 'x.a_ms': '3' })], () => undefined)).rejects.toThrow(/not a finite number/);
    await expect(runBenches([bench({ 'x.a_ms': 1, 'x.b_ms': 2 })], () => undefined)).rejects.toThrow(/undeclared keys: x\.b_ms/);
    expect(() => declaredKeys([bench({}), bench({})])).toThrow(/reported by another bench/);
    expect(() => declaredKeys([{ title: 'Odd', keys: ['Cold Start'], run: async () => ({}) } as unknown as Bench])).toThrow(/not <area>/);
  });

  it('takes --json FILE or --json=FILE, relative to where npm was called', () => {
    expect(jsonTarget([], '/w')).toBeNull();
    expect(jsonTarget(['--json', 'out/figures.json'], '/w')).toBe('/w/out/figures.json');
    expect(jsonTarget(['--json=/tmp/f.json'], '/w')).toBe('/tmp/f.json');
    expect(() => jsonTarget(['--json'], '/w')).toThrow(/needs a file name/);
  });
});
