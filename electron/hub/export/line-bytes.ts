/**
 * Reading the lines SQLite wrote for an export (audit-lines.ts, presence-lines.ts) byte by byte.
 * Runs in: the hub.
 */

export const newline = 10;
export const carriageReturn = 13;
export const comma = 44;
export const quote = 34;
export const backslash = 92;
const minus = 45;

/**
 * The integer whose digits (an optional minus first) start at `start` and end at a comma before
 * `end`, and where the bytes after that comma start; null if they are not that.
 */
export function integerAt(bytes: Buffer, start: number, end: number): { value: number; next: number } | null {
  let p = start;
  const negative = bytes[p] === minus;
  if (negative) p++;
  const first = p;
  let value = 0;
  for (; p < end && bytes[p]! >= 48 && bytes[p]! <= 57; p++) value = value * 10 + bytes[p]! - 48;
  if (p === first || p >= end || bytes[p] !== comma) return null;
  return { value: negative ? -value : value, next: p + 1 };
}

/**
 * Copies source[start, end) to target at `at`, four bytes at a time; where the copy ends. For the
 * few bytes of a number, a text cell or a hash: a DataView here takes a fifth of the time of a
 * call to Buffer#copy for 8 bytes and two thirds for 64, and a loop over single bytes twice as long
 * as this.
 */
export function copyShort(target: DataView, at: number, source: DataView, start: number, end: number): number {
  let i = start;
  for (; i + 4 <= end; i += 4, at += 4) target.setUint32(at, source.getUint32(i));
  for (; i < end; i++) target.setUint8(at++, source.getUint8(i));
  return at;
}

/** The DataView copyShort reads `bytes` through. */
export const wordsOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** ASCII text as a DataView, for copyShort. */
export const asciiWords = (text: string) => wordsOf(Uint8Array.from(text, (c) => c.charCodeAt(0)));
