/** Word-level helpers shared by client and simulator (integrations.md §1.3–1.5). */

export type ReplyWord = '!re' | '!done' | '!trap' | '!fatal' | '!empty';
export const REPLY_WORDS: ReadonlySet<string> = new Set(['!re', '!done', '!trap', '!fatal', '!empty']);

export interface ParsedSentence {
  /** First word: a command path (`/ppp/secret/print`) or a reply word (`!re`). */
  head: string;
  /** `.tag` API attribute, wherever it appears in the sentence. */
  tag?: string;
  /** `=name=value` attribute words (value may contain `=` and may be empty). */
  attributes: Record<string, string>;
  /** `?...` query words, in order (order is significant). */
  queries: string[];
  /** Words that are none of the above, e.g. the bare reason after `!fatal`. */
  bare: string[];
}

export function parseSentence(words: readonly string[]): ParsedSentence {
  const [head = '', ...rest] = words;
  const out: ParsedSentence = { head, attributes: {}, queries: [], bare: [] };
  for (const w of rest) {
    if (w.startsWith('=')) {
      const eq = w.indexOf('=', 1);
      if (eq === -1) out.attributes[w.slice(1)] = '';
      else out.attributes[w.slice(1, eq)] = w.slice(eq + 1);
    } else if (w.startsWith('.tag=')) {
      out.tag = w.slice(5);
    } else if (w.startsWith('?')) {
      out.queries.push(w);
    } else {
      out.bare.push(w);
    }
  }
  return out;
}

export function attributeWord(name: string, value: string | number | boolean): string {
  return `=${name}=${typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value)}`;
}
