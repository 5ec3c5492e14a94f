/** Decodes one reply sentence (raw words from SentenceDecoder) into its parts, byte-level for speed. */
import { bytesToText, type WordEncoding } from '../codec/word-codec';
import type { RosRow } from './types';

export interface Reply {
  /** `!re`, `!done`, `!trap`, `!fatal`, `!empty` — or anything else the peer sent. */
  word: string;
  tag: string | undefined;
  attributes: RosRow;
  /** Words that are neither attributes nor `.tag` (the reason of `!fatal`). */
  bare: string[];
}

const EQ = 0x3d; // '='
const TAG_PREFIX_LENGTH = 5;

function isTagWord(w: Buffer): boolean {
  // '.tag='
  return w.length >= TAG_PREFIX_LENGTH && w[0] === 0x2e && w[1] === 0x74 && w[2] === 0x61 && w[3] === 0x67 && w[4] === EQ;
}

function text(buf: Buffer, start: number, end: number, encoding: WordEncoding): string {
  if (encoding === 'utf8') return buf.toString('utf8', start, end);
  if (encoding === 'utf8-lossless') {
    // Valid UTF-8 (nearly every word) decodes as plain UTF-8; only words with U+FFFD need the byte-exact path.
    const s = buf.toString('utf8', start, end);
    return s.includes('\uFFFD') ? bytesToText(buf.subarray(start, end), encoding) : s;
  }
  return bytesToText(buf.subarray(start, end), encoding);
}

export function decodeReply(words: readonly Buffer[], encoding: WordEncoding): Reply {
  const first = words[0];
  const reply: Reply = {
    word: first ? text(first, 0, first.length, encoding) : '',
    tag: undefined,
    attributes: {},
    bare: [],
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w[0] === EQ) {
      // The value may itself contain '=': split on the second '=' only.
      const eq = w.indexOf(EQ, 1);
      if (eq === -1) reply.attributes[text(w, 1, w.length, encoding)] = '';
      else reply.attributes[text(w, 1, eq, encoding)] = text(w, eq + 1, w.length, encoding);
    } else if (isTagWord(w)) {
      reply.tag = text(w, TAG_PREFIX_LENGTH, w.length, encoding);
    } else {
      reply.bare.push(text(w, 0, w.length, encoding));
    }
  }
  return reply;
}
