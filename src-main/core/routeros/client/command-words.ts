/** Builds the words of a command sentence from the typed arguments of the public API. */
import { rosBoolWord } from '@shared/domain/routeros-values';
import { attributeWord } from '../codec/sentence';
import type { RosArgs, RosAttributes } from './types';

/** `/ppp/secret`, `ppp/secret/`, `/ppp secret` → `/ppp/secret`. */
const CANONICAL_PATH = /^(?:\/[^\s/]+)+$/;

export function normalisePath(path: string): string {
  if (CANONICAL_PATH.test(path)) return path;
  const parts = path.trim().split(/[\s/]+/).filter((p) => p.length > 0);
  if (parts.length === 0) throw new TypeError(`RouterOS command path is empty: "${path}"`);
  return `/${parts.join('/')}`;
}

export function attributeWords(attributes: RosAttributes | undefined, out: string[]): void {
  if (!attributes) return;
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value === undefined) continue;
    if (name.length === 0 || name.includes('=')) throw new TypeError(`invalid RouterOS attribute name "${name}"`);
    out.push(attributeWord(name, typeof value === 'boolean' ? rosBoolWord(name, value) : value));
  }
}

export function queryWords(query: readonly string[] | undefined, out: string[]): void {
  if (!query) return;
  for (const q of query) {
    if (!q.startsWith('?')) throw new TypeError(`RouterOS query words start with "?": "${q}"`);
    out.push(q);
  }
}

export function proplistWord(proplist: readonly string[] | undefined, out: string[]): void {
  if (proplist && proplist.length > 0) out.push(`=.proplist=${proplist.join(',')}`);
}

export function commandWords(path: string, args: RosArgs = {}): string[] {
  const words = [normalisePath(path)];
  attributeWords(args.attributes, words);
  proplistWord(args.proplist, words);
  queryWords(args.query, words);
  return words;
}

/** `print({ where: { name: 'x' } })` → `?name=x` (all conditions must hold: RouterOS ANDs the stack). */
export function whereWords(where: Readonly<Record<string, string>> | undefined): string[] {
  if (!where) return [];
  return Object.keys(where).map((name) => `?${name}=${where[name] ?? ''}`);
}
