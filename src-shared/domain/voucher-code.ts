/**
 * Voucher codes for hotspot batches. Codes are read off paper and typed on phones, so the charsets leave
 * out characters that look alike (0/O/o, 1/l/I/i). Mikhmon's modes are kept: `same` (the code is both
 * username and password, Mikhmon "vc") and `pin` (a code plus a separate numeric password, Mikhmon "up").
 */

export const VOUCHER_CHARSETS = {
  numeric: '23456789',
  lower: 'abcdefghjkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  mixed: 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789',
  alnumLower: 'abcdefghjkmnpqrstuvwxyz23456789',
  alnumUpper: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
} as const;
export type VoucherCharset = keyof typeof VOUCHER_CHARSETS;
export const VOUCHER_CHARSET_NAMES = Object.keys(VOUCHER_CHARSETS) as [VoucherCharset, ...VoucherCharset[]];

/** Characters never used in a generated code or PIN. */
export const LOOK_ALIKES = '0Oo1lIi';

export const VOUCHER_MODES = ['same', 'pin'] as const;
export type VoucherMode = (typeof VOUCHER_MODES)[number];

export interface VoucherCodeOptions {
  count: number;
  /** Random characters after the prefix. */
  length: number;
  prefix: string;
  charset: VoucherCharset;
  mode: VoucherMode;
  /** Digits of the separate password in `pin` mode. */
  pinLength: number;
}

export interface GeneratedVoucher {
  code: string;
  password: string;
}

/** A uniform integer in [0, n): injected so tests are reproducible; production uses Web Crypto. */
export type RandomInt = (n: number) => number;

export const cryptoRandomInt: RandomInt = (n) => {
  // Rejection sampling keeps every character equally likely.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
};

/** How many distinct codes the options can make (random part only), capped to stay a safe number. */
export function codeSpace(o: Pick<VoucherCodeOptions, 'length' | 'charset'>): number {
  return Math.min(Number.MAX_SAFE_INTEGER, VOUCHER_CHARSETS[o.charset].length ** o.length);
}

/**
 * Whether a batch of `count` codes fits next to `existing` codes with room to spare: at most half of the
 * code space may be taken, so drawing stays fast and codes stay hard to guess.
 */
export function fitsCodeSpace(o: Pick<VoucherCodeOptions, 'length' | 'charset'>, count: number, existing: number): boolean {
  return (count + existing) * 2 <= codeSpace(o);
}

/** Uniqueness is case-insensitive: people type what they read, in whatever case the keyboard gives. */
export function codeKey(code: string): string {
  return code.toLowerCase();
}

function draw(chars: string, length: number, random: RandomInt): string {
  let s = '';
  for (let i = 0; i < length; i++) s += chars[random(chars.length)]!;
  return s;
}

/**
 * `count` codes unique within the batch and against `existing` (compared with `codeKey`). Throws when the
 * options cannot hold them (callers check `fitsCodeSpace` first and report a field error).
 */
export function generateVoucherCodes(o: VoucherCodeOptions, existing: ReadonlySet<string>, random: RandomInt = cryptoRandomInt): GeneratedVoucher[] {
  if (!fitsCodeSpace(o, o.count, existing.size)) throw new Error('voucher code space too small for this batch');
  const chars = VOUCHER_CHARSETS[o.charset];
  const taken = new Set<string>();
  for (const e of existing) taken.add(codeKey(e));
  const out: GeneratedVoucher[] = [];
  while (out.length < o.count) {
    const code = o.prefix + draw(chars, o.length, random);
    const key = codeKey(code);
    if (taken.has(key)) continue;
    taken.add(key);
    out.push({ code, password: o.mode === 'same' ? code : draw(VOUCHER_CHARSETS.numeric, o.pinLength, random) });
  }
  return out;
}
