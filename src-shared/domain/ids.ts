/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds + random bits. Time-ordered, so ids sort by creation
 * and index well, and they are device-independent (needed for export/import and later sync).
 */
let lastMs = 0;
let seq = 0;

// Random bytes are drawn from a pooled buffer: one getRandomValues call per 256 ids instead of one per id.
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let poolAt = POOL_BYTES;

function random16(): Uint8Array {
  if (poolAt + 16 > pool.length) {
    pool = new Uint8Array(POOL_BYTES);
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const b = pool.slice(poolAt, poolAt + 16);
  poolAt += 16;
  return b;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(nowMs: number = Date.now()): string {
  const b = random16();
  // Keep ids monotonic inside one millisecond with a 12-bit counter in rand_a.
  if (nowMs <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    seq = ((b[6]! & 0x0f) << 8) | b[7]!;
    seq &= 0x7ff; // leave head-room for the counter
  }
  // 48-bit milliseconds, big-endian (exact in doubles: well below 2^53).
  for (let i = 5, ms = nowMs; i >= 0; i--, ms = Math.floor(ms / 256)) b[i] = ms % 256;
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[b[i]!];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** The creation instant encoded in a UUIDv7. */
export function uuidv7Time(id: string): Date {
  const hex = id.replace(/-/g, '').slice(0, 12);
  return new Date(Number.parseInt(hex, 16));
}
