/**
 * Values are bytes. RouterOS stores and returns the bytes it was given, whatever their encoding
 * (comments typed in WinBox on Western Windows are Windows-1252; integrations.md §1.2: "RouterOS is
 * byte-transparent"; public: luqasz/librouteros#30 "MikroTik just stores bytes … winbox uses the encoding
 * set in your windows machine", librouteros#10 and #123 (comments arriving as CP1250/Windows codepages),
 * home-assistant/core#44111). Inside the simulator every value is a *byte string*: one JS char per byte
 * (U+0000–U+00FF, Node's 'latin1'), so nothing is decoded or re-encoded on the way through.
 * People-facing helpers (the record API tests and seeds use) take and give ordinary JS text as UTF-8.
 */

const HIGH = /[\u0080-\uffff]/;

/** Wire word → byte string. */
export function wordToBytes(word: Buffer): string {
  return word.toString('latin1');
}

/** Byte string → wire word. */
export function bytesToWord(value: string): Buffer {
  return Buffer.from(value, 'latin1');
}

/** JS text (or raw bytes) given by a test or seed → byte string (text is stored as UTF-8). */
export function toByteString(value: string | Buffer): string {
  if (typeof value !== 'string') return value.toString('latin1');
  return HIGH.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
}

/** Byte string → JS text for tests (UTF-8; bytes that are not UTF-8 show as U+FFFD — use rawBytes for those). */
export function fromByteString(value: string): string {
  return HIGH.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}
