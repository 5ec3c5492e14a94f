/**
 * RouterOS API word codec (MikroTik manual "API", integrations.md §1.2–1.3).
 * Shared by the product's client and the RouterOS simulator so both frame bytes identically;
 * node-routeros cross-checks it from the outside.
 */

/** A first byte >= 0xF8 is a reserved control byte: a peer that sends one cannot be understood. */
export class ControlByteError extends Error {
  constructor(readonly byte: number) {
    super(`RouterOS API control byte 0x${byte.toString(16)} received; cannot continue`);
    this.name = 'ControlByteError';
  }
}

/** Length prefix in its shortest form, most significant byte first. */
export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`word length out of range: ${length}`);
  }
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) {
    const v = length | 0x8000;
    return Buffer.from([(v >>> 8) & 0xff, v & 0xff]);
  }
  if (length < 0x200000) {
    const v = length | 0xc00000;
    return Buffer.from([(v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
  }
  if (length < 0x10000000) {
    const v = (length | 0xe0000000) >>> 0;
    return Buffer.from([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
  }
  return Buffer.from([0xf0, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff]);
}

/**
 * Reads a length prefix at `offset`. Returns null when the prefix is split across TCP reads
 * (caller waits for more bytes).
 */
export function decodeLength(buf: Buffer, offset: number): { length: number; size: number } | null {
  if (offset >= buf.length) return null;
  const b0 = buf[offset]!;
  if (b0 < 0x80) return { length: b0, size: 1 };
  if (b0 < 0xc0) {
    if (offset + 2 > buf.length) return null;
    return { length: ((b0 & 0x3f) << 8) | buf[offset + 1]!, size: 2 };
  }
  if (b0 < 0xe0) {
    if (offset + 3 > buf.length) return null;
    return { length: ((b0 & 0x1f) << 16) | (buf[offset + 1]! << 8) | buf[offset + 2]!, size: 3 };
  }
  if (b0 < 0xf0) {
    if (offset + 4 > buf.length) return null;
    const v = ((b0 & 0x0f) << 24) | (buf[offset + 1]! << 16) | (buf[offset + 2]! << 8) | buf[offset + 3]!;
    return { length: v >>> 0, size: 4 };
  }
  if (b0 === 0xf0) {
    if (offset + 5 > buf.length) return null;
    return { length: buf.readUInt32BE(offset + 1), size: 5 };
  }
  throw new ControlByteError(b0);
}

export type WordEncoding = 'utf8' | 'win1252';

// windows-1252 bytes 0x80–0x9F differ from Latin-1; everything else maps 1:1 to U+0000–U+00FF.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];
const CP1252_REVERSE = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i] as const).filter(([cp]) => cp !== 0xfffd));

export function textToBytes(text: string, encoding: WordEncoding = 'utf8'): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = CP1252_REVERSE.get(cp) ?? 0x3f; // '?' like WinBox for unmappable characters
  }
  return out.subarray(0, n);
}

export function bytesToText(bytes: Buffer, encoding: WordEncoding = 'utf8'): string {
  if (encoding === 'utf8') return bytes.toString('utf8');
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b);
  return s;
}

export function encodeWord(word: string | Buffer, encoding: WordEncoding = 'utf8'): Buffer {
  const bytes = typeof word === 'string' ? textToBytes(word, encoding) : word;
  return Buffer.concat([encodeLength(bytes.length), bytes]);
}

/** A sentence is its words followed by the zero-length terminator word. */
export function encodeSentence(words: ReadonlyArray<string | Buffer>, encoding: WordEncoding = 'utf8'): Buffer {
  const parts: Buffer[] = [];
  for (const w of words) parts.push(encodeWord(w, encoding));
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * Incremental decoder: feed TCP chunks, get back complete sentences as raw word buffers.
 * Empty sentences (a lone terminator) are dropped, as the protocol says.
 */
export class SentenceDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private words: Buffer[] = [];

  /** Throws ControlByteError on a reserved control byte; the caller must drop the connection. */
  push(chunk: Buffer): Buffer[][] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const sentences: Buffer[][] = [];
    let offset = 0;
    for (;;) {
      const prefix = decodeLength(this.buf, offset);
      if (!prefix) break;
      const start = offset + prefix.size;
      const end = start + prefix.length;
      if (end > this.buf.length) break;
      if (prefix.length === 0) {
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
      } else {
        this.words.push(Buffer.from(this.buf.subarray(start, end)));
      }
      offset = end;
    }
    this.buf = offset === this.buf.length ? Buffer.alloc(0) : Buffer.from(this.buf.subarray(offset));
    return sentences;
  }

  /** Bytes held back waiting for the rest of a word or sentence. */
  get pendingBytes(): number {
    return this.buf.length + this.words.reduce((n, w) => n + w.length, 0);
  }
}
