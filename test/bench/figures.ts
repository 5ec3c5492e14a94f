/**
 * The benchmark figures as one flat JSON object (`npm run bench -- --json FILE`). Each bench declares
 * the keys it reports (`<area>.<figure>_<unit>`, e.g. `foundation.cold_start_ms`) and returns exactly
 * those; run.ts lists the benches. Kept free of the benches themselves so it is unit-tested with fakes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Log = (line: string) => void;

export interface Bench<K extends string = string> {
  /** Section title printed before the bench's own lines. */
  title: string;
  /** The JSON keys this bench reports, in the order they are written. */
  keys: readonly K[];
  run(log: Log): Promise<Record<K, number>>;
}

/** Keeps `keys` and the returned record in step at compile time. */
export function defineBench<const K extends string>(bench: Bench<K>): Bench<K> {
  return bench;
}

const KEY = /^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*$/;

/** The declared keys of a set of benches, refusing malformed or duplicated ones before anything runs. */
export function declaredKeys(benches: readonly Bench[]): string[] {
  const seen = new Set<string>();
  for (const b of benches) {
    for (const k of b.keys) {
      if (!KEY.test(k)) throw new Error(`bench "${b.title}": key "${k}" is not <area>.<figure>_<unit>`);
      if (seen.has(k)) throw new Error(`bench "${b.title}": key "${k}" is reported by another bench too`);
      seen.add(k);
    }
  }
  return [...seen];
}

/** Runs the benches one after another and returns one flat object of exactly their declared keys. */
export async function runBenches(benches: readonly Bench[], log: Log): Promise<Record<string, number>> {
  declaredKeys(benches);
  const figures: Record<string, number> = {};
  for (const b of benches) {
    log('');
    log(b.title);
    const got = await b.run(log);
    const extra = Object.keys(got).filter((k) => !b.keys.includes(k));
    if (extra.length > 0) throw new Error(`bench "${b.title}" reported undeclared keys: ${extra.join(', ')}`);
    for (const k of b.keys) {
      const v: unknown = (got as Record<string, unknown>)[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`bench "${b.title}": ${k} is ${String(v)}, not a finite number`);
      figures[k] = v;
    }
  }
  return figures;
}

export function figuresJson(figures: Record<string, number>): string {
  return `${JSON.stringify(figures, null, 2)}\n`;
}

/** `--json FILE` (or `--json=FILE`); a relative FILE is taken from where `npm run` was called. */
export function jsonTarget(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') {
      const file = argv[i + 1];
      if (!file || file.startsWith('--')) throw new Error('--json needs a file name: npm run bench -- --json figures.json');
      return resolve(cwd, file);
    }
    if (a.startsWith('--json=')) return resolve(cwd, a.slice('--json='.length));
  }
  return null;
}

export function writeFigures(file: string, figures: Record<string, number>): void {
  writeFileSync(file, figuresJson(figures));
}
