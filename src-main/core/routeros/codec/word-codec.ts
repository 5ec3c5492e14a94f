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

/** Bytes taken by the shortest length prefix of a `length`-byte word. */
export function lengthPrefixSize(length: number): number {
  return length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`word length out of range: ${length}`);
  }
}

/** Writes the shortest length prefix at `offset`, most significant byte first; returns the next offset. */
function writeLength(out: Buffer, offset: number, length: number): number {
  if (length < 0x80) {
    out[offset] = length;
    return offset + 1;
  }
  if (length < 0x4000) {
    out[offset] = (length >>> 8) | 0x80;
    out[offset + 1] = length & 0xff;
    return offset + 2;
  }
  if (length < 0x200000) {
    out[offset] = (length >>> 16) | 0xc0;
    out[offset + 1] = (length >>> 8) & 0xff;
    out[offset + 2] = length & 0xff;
    return offset + 3;
  }
  if (length < 0x10000000) {
    out[offset] = (length >>> 24) | 0xe0;
    out[offset + 1] = (length >>> 16) & 0xff;
    out[offset + 2] = (length >>> 8) & 0xff;
    out[offset + 3] = length & 0xff;
    return offset + 4;
  }
  out[offset] = 0xf0;
  out.writeUInt32BE(length, offset + 1);
  return offset + 5;
}

/** Length prefix in its shortest form, most significant byte first. */
export function encodeLength(length: number): Buffer {
  checkLength(length);
  const out = Buffer.alloc(lengthPrefixSize(length));
  writeLength(out, 0, length);
  return out;
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

/**
 * How text maps to the bytes RouterOS stores (it is byte-transparent, integrations.md §1.2):
 * - `utf8`: strict UTF-8; invalid bytes read as U+FFFD (lossy; the simulator's own choice).
 * - `utf8-lossless`: UTF-8, but every byte that is not part of valid UTF-8 reads as U+DC80–U+DCFF and
 *   is written back as that same byte (Python's "surrogateescape"), so a Windows-1252 comment read and
 *   written back is sent byte for byte. The client's default.
 * - `win1252`: Windows-1252 as WinBox shows it on Western Windows; the five bytes cp1252 leaves undefined
 *   map to the C1 code points (as the WHATWG decoder does), so every byte round-trips.
 * - `latin1`: raw bytes, one code point U+0000–U+00FF per byte.
 */
export type WordEncoding = 'utf8' | 'utf8-lossless' | 'win1252' | 'latin1';

// windows-1252 bytes 0x80–0x9F differ from Latin-1; everything else maps 1:1 to U+0000–U+00FF.
// Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code point so they survive a round trip.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];
const CP1252_REVERSE = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i] as const));
const QUESTION = 0x3f; // '?' like WinBox for unmappable characters
const ESCAPED_BYTE = /[\uDC80-\uDCFF]/;

/** UTF-8 that writes U+DC80–U+DCFF (lone) back as the raw byte they stand for. */
function losslessUtf8Bytes(text: string): Buffer {
  if (!ESCAPED_BYTE.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.of(cp - 0xdc00));
    } else run += ch;
  }
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there is not the start of one. */
function utf8SequenceLength(b: Buffer, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlongs (E0 A0..), no UTF-16 surrogates (ED 80..9F).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function losslessUtf8Text(bytes: Buffer): string {
  const fast = bytes.toString('utf8');
  if (!fast.includes('\uFFFD')) return fast;
  let s = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    s += bytes.toString('utf8', runStart, i) + String.fromCharCode(0xdc00 + bytes[i]!);
    i += 1;
    runStart = i;
  }
  return s + bytes.toString('utf8', runStart, bytes.length);
}

export function textToBytes(text: string, encoding: WordEncoding = 'utf8'): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-lossless') return losslessUtf8Bytes(text);
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (encoding === 'latin1') out[n++] = cp <= 0xff ? cp : QUESTION;
    else if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = CP1252_REVERSE.get(cp) ?? QUESTION;
  }
  return out.subarray(0, n);
}

export function bytesToText(bytes: Buffer, encoding: WordEncoding = 'utf8'): string {
  if (encoding === 'utf8') return bytes.toString('utf8');
  if (encoding === 'utf8-lossless') return losslessUtf8Text(bytes);
  if (encoding === 'latin1') return bytes.toString('latin1');
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b);
  return s;
}

export function encodeWord(word: string | Buffer, encoding: WordEncoding = 'utf8'): Buffer {
  return encodeSentence([word], encoding).subarray(0, -1);
}

/**
 * A sentence is its words followed by the zero-length terminator word. Encoded into one buffer
 * (one allocation, one socket write), without intermediate per-word buffers.
 */
export function encodeSentence(words: ReadonlyArray<string | Buffer>, encoding: WordEncoding = 'utf8'): Buffer {
  const n = words.length;
  const lengths = new Array<number>(n);
  // utf8-lossless takes the plain UTF-8 path unless some word carries an escaped byte (U+DC80–U+DCFF).
  const plainUtf8 = encoding === 'utf8' || (encoding === 'utf8-lossless' && !words.some((w) => typeof w === 'string' && ESCAPED_BYTE.test(w)));
  const converted = plainUtf8 ? null : new Array<Buffer | undefined>(n);
  let total = 1;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    let len: number;
    if (typeof w !== 'string') len = w.length;
    else if (converted === null) len = Buffer.byteLength(w, 'utf8');
    else {
      const bytes = textToBytes(w, encoding);
      converted[i] = bytes;
      len = bytes.length;
    }
    checkLength(len);
    lengths[i] = len;
    total += lengthPrefixSize(len) + len;
  }
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const len = lengths[i]!;
    offset = writeLength(out, offset, len);
    if (typeof w !== 'string') w.copy(out, offset);
    else if (converted === null) out.write(w, offset, len, 'utf8');
    else converted[i]!.copy(out, offset);
    offset += len;
  }
  out[offset] = 0;
  return out;
}

/** A word or sentence announced bigger than the decoder accepts: the peer is broken or hostile. */
export class FrameTooLargeError extends Error {
  constructor(
    readonly what: 'word' | 'sentence',
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`RouterOS API ${what} of ${bytes} bytes exceeds the limit of ${limit} bytes`);
    this.name = 'FrameTooLargeError';
  }
}

export interface SentenceDecoderOptions {
  /**
   * Largest word accepted; a length prefix announcing more throws FrameTooLargeError before any of it
   * is buffered. Default: no limit (the protocol's own 4 GiB).
   */
  maxWordBytes?: number;
  /** Largest sentence (sum of its word bodies) accepted; default no limit. */
  maxSentenceBytes?: number;
  /**
   * true (default): every word is a fresh copy. false: words are views into the received chunks —
   * faster, for callers that turn words into strings at once (the client); a stored view keeps its
   * whole TCP chunk alive.
   */
  copyWords?: boolean;
}

/**
 * Incremental decoder: feed TCP chunks, get back complete sentences as raw word buffers.
 * Empty sentences (a lone terminator) are dropped, as the protocol says.
 * Only an unfinished word is held back between chunks, as a list of pieces joined once when complete,
 * so neither many small chunks nor one huge word cost more than a single copy.
 */
export class SentenceDecoder {
  /** Pieces of the unfinished word (its length prefix may itself be incomplete). */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** Total bytes (prefix + body) of the unfinished word, or -1 while its prefix is incomplete. */
  private needed = -1;
  private prefixSize = 0;
  private words: Buffer[] = [];
  private wordBytes = 0;
  private readonly copyWords: boolean;
  private readonly maxWordBytes: number;
  private readonly maxSentenceBytes: number;

  constructor(opts: SentenceDecoderOptions = {}) {
    this.copyWords = opts.copyWords ?? true;
    this.maxWordBytes = opts.maxWordBytes ?? Infinity;
    this.maxSentenceBytes = opts.maxSentenceBytes ?? Infinity;
  }

  /**
   * Throws ControlByteError on a reserved control byte and FrameTooLargeError on a word or sentence over
   * the limits; either way the caller must drop the connection (the decoder's state is undefined after).
   */
  push(chunk: Buffer): Buffer[][] {
    const sentences: Buffer[][] = [];
    let offset = 0;
    if (this.partialBytes > 0) {
      offset = this.completePartial(chunk, sentences);
      if (offset < 0) return sentences;
    }
    const len = chunk.length;
    while (offset < len) {
      const prefix = decodeLength(chunk, offset);
      if (!prefix) {
        this.hold(chunk.subarray(offset), -1, 0);
        break;
      }
      this.checkSize(prefix.length);
      const start = offset + prefix.size;
      const end = start + prefix.length;
      if (end > len) {
        this.hold(chunk.subarray(offset), prefix.size + prefix.length, prefix.size);
        break;
      }
      this.word(this.copyWords ? Buffer.from(chunk.subarray(start, end)) : chunk.subarray(start, end), prefix.length, sentences);
      offset = end;
    }
    return sentences;
  }

  /** Bytes held back waiting for the rest of a word or sentence. */
  get pendingBytes(): number {
    return this.partialBytes + this.wordBytes;
  }

  /** Refuses a word by its announced length, before its body is buffered. */
  private checkSize(length: number): void {
    if (length > this.maxWordBytes) throw new FrameTooLargeError('word', length, this.maxWordBytes);
    if (this.wordBytes + length > this.maxSentenceBytes) {
      throw new FrameTooLargeError('sentence', this.wordBytes + length, this.maxSentenceBytes);
    }
  }

  private hold(piece: Buffer, needed: number, prefixSize: number): void {
    // Copy: a small tail must not pin the whole chunk while we wait for the next one.
    this.partial = [Buffer.from(piece)];
    this.partialBytes = piece.length;
    this.needed = needed;
    this.prefixSize = prefixSize;
  }

  /** Feeds the start of `chunk` to the unfinished word; returns where parsing continues, or -1 (need more). */
  private completePartial(chunk: Buffer, sentences: Buffer[][]): number {
    const before = this.partialBytes;
    if (this.needed < 0) {
      // At most 4 prefix bytes are held; 5 more from the chunk are enough to read any prefix.
      const head = Buffer.concat([...this.partial, chunk.subarray(0, 5)]);
      const prefix = decodeLength(head, 0);
      if (!prefix) {
        this.partial.push(Buffer.from(chunk));
        this.partialBytes += chunk.length;
        return -1;
      }
      this.checkSize(prefix.length);
      this.needed = prefix.size + prefix.length;
      this.prefixSize = prefix.size;
    }
    if (before + chunk.length < this.needed) {
      this.partial.push(chunk); // joined (copied) once the word is complete
      this.partialBytes += chunk.length;
      return -1;
    }
    const take = this.needed - before;
    const whole = Buffer.concat([...this.partial, chunk.subarray(0, take)], this.needed);
    const body = whole.subarray(this.prefixSize);
    this.partial = [];
    this.partialBytes = 0;
    this.needed = -1;
    this.prefixSize = 0;
    this.word(body, body.length, sentences);
    return take;
  }

  private word(body: Buffer, length: number, sentences: Buffer[][]): void {
    if (length === 0) {
      if (this.words.length > 0) sentences.push(this.words);
      this.words = [];
      this.wordBytes = 0;
    } else {
      this.words.push(body);
      this.wordBytes += length;
    }
  }
}
