import { describe, expect, it } from 'vitest';
import { parseSentence } from '../../../src-main/core/routeros/codec/sentence';
import {
  ControlByteError,
  SentenceDecoder,
  bytesToText,
  decodeLength,
  encodeLength,
  encodeSentence,
  encodeWord,
  textToBytes,
} from '../../../src-main/core/routeros/codec/word-codec';

const hex = (b: Buffer): string => b.toString('hex').toUpperCase().match(/../g)!.join(' ');

// Byte-level vectors from the MikroTik API manual (integrations.md §1.2).
const LENGTH_VECTORS: Array<[number, string]> = [
  [0x00, '00'],
  [0x7f, '7F'],
  [0x80, '80 80'],
  [0x3fff, 'BF FF'],
  [0x4000, 'C0 40 00'],
  [0x1fffff, 'DF FF FF'],
  [0x200000, 'E0 20 00 00'],
  [0xfffffff, 'EF FF FF FF'],
  [0x10000000, 'F0 10 00 00 00'],
];

describe('word length encoding (all five forms)', () => {
  it.each(LENGTH_VECTORS)('encodes %i as %s', (length, bytes) => {
    expect(hex(encodeLength(length))).toBe(bytes);
  });

  it.each(LENGTH_VECTORS)('decodes %i back from %s', (length, bytes) => {
    const buf = Buffer.from(bytes.replace(/ /g, ''), 'hex');
    expect(decodeLength(buf, 0)).toEqual({ length, size: buf.length });
  });

  it('returns null while a length prefix is incomplete', () => {
    for (const [, bytes] of LENGTH_VECTORS.slice(2)) {
      const buf = Buffer.from(bytes.replace(/ /g, ''), 'hex');
      for (let cut = 1; cut < buf.length; cut++) expect(decodeLength(buf.subarray(0, cut), 0)).toBeNull();
    }
  });

  it('rejects reserved control bytes (>= 0xF8)', () => {
    for (const b of [0xf8, 0xfb, 0xff]) {
      expect(() => decodeLength(Buffer.from([b]), 0)).toThrow(ControlByteError);
    }
  });
});

describe('sentence encoding', () => {
  it('encodes /login =name=admin and the zero-length terminator', () => {
    const bytes = encodeSentence(['/login', '=name=admin']);
    expect(hex(bytes)).toBe(
      ['06', ...Buffer.from('/login').toString('hex').toUpperCase().match(/../g)!, '0B', ...Buffer.from('=name=admin').toString('hex').toUpperCase().match(/../g)!, '00'].join(' '),
    );
  });

  it('uses the two-byte length for a 200-byte word', () => {
    const word = `=comment=${'x'.repeat(191)}`;
    const bytes = encodeSentence([word]);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x80, 0xc8]));
    expect(bytes.length).toBe(2 + 200 + 1);
  });

  it('counts bytes, not characters, for non-ASCII words', () => {
    const bytes = encodeSentence(['=comment=pässwörd€']);
    // "pässwörd€" = 9 chars, 13 UTF-8 bytes; "=comment=" = 9 bytes
    expect(bytes[0]).toBe(22);
  });

  it('encodes windows-1252 when asked', () => {
    expect(textToBytes('€ä', 'win1252')).toEqual(Buffer.from([0x80, 0xe4]));
    expect(bytesToText(Buffer.from([0x80, 0xe4]), 'win1252')).toBe('€ä');
    expect(textToBytes('中', 'win1252')).toEqual(Buffer.from('?'));
  });
});

describe('SentenceDecoder', () => {
  const sample = Buffer.concat([
    encodeSentence(['!re', '.tag=7', '=name=a'.padEnd(300, 'x')]),
    encodeSentence(['!done', '=ret=*1A', '.tag=7']),
  ]);

  it('reassembles sentences fed one byte at a time (length prefixes split across chunks)', () => {
    const d = new SentenceDecoder();
    const out: string[][] = [];
    for (const byte of sample) for (const s of d.push(Buffer.from([byte]))) out.push(s.map((w) => w.toString()));
    expect(out).toEqual([
      ['!re', '.tag=7', '=name=a'.padEnd(300, 'x')],
      ['!done', '=ret=*1A', '.tag=7'],
    ]);
    expect(d.pendingBytes).toBe(0);
  });

  it('decodes the same at every split point', () => {
    for (let cut = 1; cut < sample.length; cut++) {
      const d = new SentenceDecoder();
      const got = [...d.push(sample.subarray(0, cut)), ...d.push(sample.subarray(cut))];
      expect(got.map((s) => s.map((w) => w.toString())[0])).toEqual(['!re', '!done']);
    }
  });

  it('drops empty sentences', () => {
    const d = new SentenceDecoder();
    expect(d.push(Buffer.from([0, 0, 0]))).toEqual([]);
  });

  it('throws ControlByteError on a control byte', () => {
    const d = new SentenceDecoder();
    expect(() => d.push(Buffer.concat([encodeSentence(['!done']).subarray(0, 6), Buffer.from([0xf9])]))).toThrow(
      ControlByteError,
    );
  });
});

describe('parseSentence', () => {
  it('finds .tag anywhere and splits attributes on the second "=" only', () => {
    const p = parseSentence(['!re', '=a=b=c', '.tag=9', '=comment=', '?x']);
    expect(p).toEqual({ head: '!re', tag: '9', attributes: { a: 'b=c', comment: '' }, queries: ['?x'], bare: [] });
  });
});

describe('SentenceDecoder internals', () => {
  const sentences = [
    ['!re', '.tag=1', `=contents=${'y'.repeat(0x4100)}`],
    ['!re', '=big=' + 'z'.repeat(0x20_0000)],
    ['!done', '.tag=1'],
  ];
  const bytes = Buffer.concat(sentences.map((s) => encodeSentence(s)));

  it.each([1, 3, 7, 1000, 65_536])('decodes multi-megabyte words fed in %i-byte chunks', (size) => {
    for (const copyWords of [true, false]) {
      const d = new SentenceDecoder({ copyWords });
      const out: string[][] = [];
      // 1-byte chunks over 2 MB are slow to build; use them on the first 20 kB only
      const limit = size < 100 ? 20_000 : bytes.length;
      for (let o = 0; o < limit; o += size) for (const s of d.push(bytes.subarray(o, Math.min(o + size, limit)))) out.push(s.map((w) => w.toString()));
      if (limit < bytes.length) for (const s of d.push(bytes.subarray(limit))) out.push(s.map((w) => w.toString()));
      expect(out).toEqual(sentences);
      expect(d.pendingBytes).toBe(0);
    }
  });

  it('reports bytes held back', () => {
    const d = new SentenceDecoder();
    d.push(bytes.subarray(0, 100));
    expect(d.pendingBytes).toBeGreaterThan(0);
  });

  it('encodeWord is the length prefix plus the bytes', () => {
    expect(hex(encodeWord('abc'))).toBe('03 61 62 63');
    expect(encodeWord(Buffer.alloc(0x80)).subarray(0, 2)).toEqual(Buffer.from([0x80, 0x80]));
  });
});
