/** CSV as Excel reads it (RFC 4180 quoting). Runs in: the hub. */
import { carriageReturn, comma, newline, quote } from './line-bytes.js';

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

// The bytes formulaStart matches: = + - @ tab CR.
const formulaBytes = new Set([61, 43, 45, 64, 9, carriageReturn]);

/**
 * True if the UTF-8 bytes [start, end) are `,cell,cell…` with exactly `cells` cells, each as
 * csvCell writes a text that needs neither quotes nor (for the first `textCells`) the formula
 * guard: what SQLite wrote as it is can go into the file only then.
 */
export function plainCsvCells(bytes: Buffer, start: number, end: number, cells: number, textCells: number): boolean {
  if (end - start < cells || bytes[start] !== comma) return false;
  let seen = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p]!;
    if (c === comma) {
      seen++;
      if (seen <= textCells && p + 1 < end && formulaBytes.has(bytes[p + 1]!)) return false;
    } else if (c === quote || c === carriageReturn || c === newline) return false;
  }
  return seen === cells;
}
