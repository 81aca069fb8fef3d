/** CSV as Excel reads it (RFC 4180 quoting). Runs in: the hub. */

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
