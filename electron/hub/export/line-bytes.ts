/**
 * Reading the lines SQLite wrote for an export (audit-lines.ts, presence-lines.ts) byte by byte.
 * Runs in: the hub.
 */

export const newline = 10;
export const carriageReturn = 13;
export const comma = 44;
export const quote = 34;
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
