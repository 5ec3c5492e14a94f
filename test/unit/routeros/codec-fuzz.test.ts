/**
 * Byte-level fuzz of the client's decoding path (SentenceDecoder as the client configures it + decodeReply):
 * replies cut at every byte boundary and into random pieces, words in every length-prefix class, 0x00 and
 * `=` inside values, any byte in names and values. The client must decode the same sentences every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentenceDecoder, bytesToText, encodeSentence, textToBytes, type WordEncoding } from '../../../src-main/core/routeros/codec/word-codec';
import { decodeReply, type Reply } from '../../../src-main/core/routeros/client/reply';

/** The length prefix of `len` in prefix class `cls` (1–5 bytes); classes above the shortest are legal too. */
function prefix(len: number, cls: 1 | 2 | 3 | 4 | 5): Buffer {
  switch (cls) {
    case 1:
      return Buffer.of(len);
    case 2:
      return Buffer.of(0x80 | (len >>> 8), len & 0xff);
    case 3:
      return Buffer.of(0xc0 | (len >>> 16), (len >>> 8) & 0xff, len & 0xff);
    case 4:
      return Buffer.of(0xe0 | (len >>> 24), (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
    case 5: {
      const b = Buffer.alloc(5);
      b[0] = 0xf0;
      b.writeUInt32BE(len, 1);
      return b;
    }
  }
}

function minimalClass(len: number): 1 | 2 | 3 | 4 | 5 {
  return len < 0x80 ? 1 : len < 0x4000 ? 2 : len < 0x200000 ? 3 : len < 0x10000000 ? 4 : 5;
}

interface FuzzSentence {
  head: string;
  tag: Buffer | null;
  tagFirst: boolean;
  attrs: Array<{ name: Buffer; value: Buffer }>;
  classes: Array<1 | 2 | 3 | 4 | 5>;
}

function words(s: FuzzSentence): Buffer[] {
  const attrWords = s.attrs.map(({ name, value }) => Buffer.concat([Buffer.from('='), name, Buffer.from('='), value]));
  const tag = s.tag ? [Buffer.concat([Buffer.from('.tag='), s.tag])] : [];
  return [Buffer.from(s.head), ...(s.tagFirst ? [...tag, ...attrWords] : [...attrWords, ...tag])];
}

function encode(s: FuzzSentence): Buffer {
  const parts: Buffer[] = [];
  words(s).forEach((w, i) => {
    const cls = Math.max(minimalClass(w.length), s.classes[i % s.classes.length] ?? 1) as 1 | 2 | 3 | 4 | 5;
    parts.push(prefix(w.length, cls), w);
  });
  parts.push(Buffer.of(0));
  return Buffer.concat(parts);
}

function expected(s: FuzzSentence, encoding: WordEncoding): Reply {
  const attributes: Record<string, string> = {};
  for (const { name, value } of s.attrs) attributes[bytesToText(name, encoding)] = bytesToText(value, encoding);
  return { word: s.head, tag: s.tag ? bytesToText(s.tag, encoding) : undefined, attributes, bare: [] };
}

/** Decodes `pieces` as the client does. */
function clientDecode(pieces: Buffer[], encoding: WordEncoding): Reply[] {
  const decoder = new SentenceDecoder({ copyWords: false, maxWordBytes: 16 * 1024 * 1024, maxSentenceBytes: 16 * 1024 * 1024 });
  const out: Reply[] = [];
  for (const p of pieces) for (const ws of decoder.push(p)) out.push(decodeReply(ws, encoding));
  expect(decoder.pendingBytes).toBe(0);
  return out;
}

function splitAt(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    out.push(buf.subarray(last, p));
    last = p;
  }
  out.push(buf.subarray(last));
  // Copies, so a view kept by the decoder cannot see a later piece's bytes by accident.
  return out.map((b) => Buffer.from(b));
}

// Names: any byte but '=' (a name ends at the second '='), at least one byte; values: any byte at all.
const nameArb = fc.uint8Array({ minLength: 1, maxLength: 12 }).map((a) => Buffer.from(a.map((b) => (b === 0x3d ? 0x2d : b))));
const valueArb = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.constantFrom(Buffer.from('a=b=c'), Buffer.of(0, 0, 0), Buffer.from('==='), Buffer.alloc(0), Buffer.from('Caf\xe9', 'latin1')),
  fc.integer({ min: 0x70, max: 0x90 }).map((n) => Buffer.alloc(n, 0x3d)), // across the 1→2-byte prefix edge
).map((a) => Buffer.from(a));
const classArb = fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5);
const sentenceArb: fc.Arbitrary<FuzzSentence> = fc.record({
  head: fc.constantFrom('!re', '!done', '!trap', '!empty'),
  tag: fc.option(fc.uint8Array({ maxLength: 6 }).map((a) => Buffer.from(a)), { nil: null }),
  tagFirst: fc.boolean(),
  attrs: fc.uniqueArray(fc.record({ name: nameArb, value: valueArb }), { maxLength: 6, selector: (a) => a.name.toString('hex') }),
  classes: fc.array(classArb, { minLength: 1, maxLength: 4 }),
});

describe('client decoding fuzz', () => {
  for (const encoding of ['latin1', 'utf8-lossless', 'win1252'] as const) {
    it(`random sentences cut into random pieces decode to the same replies (${encoding})`, () => {
      fc.assert(
        fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 30 }), (sentences, cuts) => {
          const stream = Buffer.concat(sentences.map(encode));
          expect(clientDecode(splitAt(stream, cuts), encoding)).toEqual(sentences.map((s) => expected(s, encoding)));
        }),
        { numRuns: 400 },
      );
    });
  }

  // CPU-bound (every cut point of a long stream): 3 s on an idle machine, so more than the 5 s default on a busy one.
  it('a reply stream cut at every byte boundary, and byte by byte, decodes the same', { timeout: 60_000 }, () => {
    const sentences: FuzzSentence[] = [
      { head: '!re', tag: Buffer.from('7'), tagFirst: true, attrs: [{ name: Buffer.from('comment'), value: Buffer.from('a\u0000b=c\xff', 'latin1') }], classes: [1, 5, 4] },
      { head: '!re', tag: Buffer.from('7'), tagFirst: false, attrs: [{ name: Buffer.from('contents'), value: Buffer.alloc(0x4000 + 3, 0x3d) }], classes: [3, 3, 2] },
      { head: '!re', tag: Buffer.from('7'), tagFirst: true, attrs: [{ name: Buffer.from('x'), value: Buffer.alloc(0x80, 0) }], classes: [2] },
      { head: '!trap', tag: Buffer.from('8'), tagFirst: true, attrs: [{ name: Buffer.from('message'), value: Buffer.from('no such item') }], classes: [1] },
      { head: '!done', tag: Buffer.from('7'), tagFirst: true, attrs: [], classes: [5] },
    ];
    const stream = Buffer.concat(sentences.map(encode));
    const want = sentences.map((s) => expected(s, 'latin1'));
    for (let cut = 0; cut <= stream.length; cut++) expect(clientDecode(splitAt(stream, [cut]), 'latin1')).toEqual(want);
    expect(clientDecode(splitAt(stream, Array.from({ length: stream.length }, (_, i) => i)), 'latin1')).toEqual(want);
  });

  it('a word in the 4-byte class (2 MiB) and its prefix split anywhere near the edges', () => {
    const big: FuzzSentence = { head: '!re', tag: Buffer.from('1'), tagFirst: true, attrs: [{ name: Buffer.from('contents'), value: Buffer.alloc(0x200000, 0x7a) }], classes: [1, 4] };
    const stream = Buffer.concat([encode(big), encode({ head: '!done', tag: Buffer.from('1'), tagFirst: true, attrs: [], classes: [1] })]);
    const want = clientDecode([stream], 'latin1');
    expect(want[0]!.attributes.contents).toHaveLength(0x200000);
    for (const cut of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, stream.length - 12, stream.length - 3, stream.length - 1]) {
      expect(clientDecode(splitAt(stream, [cut]), 'latin1')).toEqual(want);
    }
    expect(clientDecode(splitAt(stream, Array.from({ length: 64 }, (_, i) => i * 33_331)), 'latin1')).toEqual(want);
  });
});

describe('lossless encodings', () => {
  for (const encoding of ['utf8-lossless', 'win1252', 'latin1'] as const) {
    it(`any bytes read as text and written back are the same bytes (${encoding})`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
          const b = Buffer.from(bytes);
          expect(textToBytes(bytesToText(b, encoding), encoding).equals(b)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('utf8-lossless reads valid UTF-8 as plain text, and writes any well-formed string as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(bytesToText(Buffer.from(s, 'utf8'), 'utf8-lossless')).toBe(s);
        expect(textToBytes(s, 'utf8-lossless').equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
    );
    expect(bytesToText(Buffer.from('Caf\xe9', 'latin1'), 'utf8-lossless')).toBe('Caf\udce9');
    expect(bytesToText(Buffer.from('Caf\xe9', 'latin1'), 'win1252')).toBe('Café');
    expect(bytesToText(Buffer.of(0x80, 0x81), 'win1252')).toBe('\u20ac\u0081');
  });

  it('the encoded sentence carries the same bytes', () => {
    const out = encodeSentence(['/x/set', '=comment=Caf\udce9'], 'utf8-lossless');
    expect(out.subarray(out.length - 5, out.length - 1).toString('latin1')).toBe('Caf\xe9');
  });
});
