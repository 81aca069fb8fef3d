/** CSV as Excel reads it (RFC 4180 quoting). Runs in: the hub. */
import { backslash, carriageReturn, comma, quote } from './line-bytes.js';

/** UTF-8 byte order mark: without it Excel on Chinese Windows reads UTF-8 as GBK and garbles names. */
export const utf8Bom = '\uFEFF';

const needsQuotes = /[",\r\n]/;
// A cell starting like a formula would run as one in a spreadsheet; a leading apostrophe keeps it
// text. The JSON Lines file carries the value unchanged.
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: ReadonlyArray<string | number | boolean | null | undefined>) =>
  `${values.map(csvCell).join(',')}\r\n`;

// The bytes formulaStart matches (= + - @ tab CR), as a table: one index per cell, not a lookup.
const formulaBytes = new Uint8Array(256);
const space = 32;
for (const byte of [61, 43, 45, 64, 9, carriageReturn]) formulaBytes[byte] = 1;

/**
 * Where the JSON string starting at `at` ends (just after its closing quote) if its text is one
 * csvCell writes as it is, so that the bytes between its quotes are the CSV cell; -1 otherwise.
 * Without a backslash the JSON string holds its text unescaped (so no quote or line break either;
 * a control character, which JSON escapes, is refused too, should SQLite have written the text as
 * it is); then only a comma or a formula start remains for CSV to quote or guard.
 */
export function plainJsonText(bytes: Uint8Array, at: number): number {
  if (bytes[at] !== quote || formulaBytes[bytes[at + 1]!] === 1) return -1;
  for (let p = at + 1; p < bytes.length; p++) {
    const c = bytes[p]!;
    if (c === quote) return p + 1;
    if (c === backslash || c === comma || c < space) return -1;
  }
  return -1;
}
