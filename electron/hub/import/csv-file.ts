/**
 * Reads a CSV file as HR systems and Excel write them: UTF-8 with or without a BOM, or GBK/GB18030
 * as Excel saves it on Chinese Windows; quoted fields with commas and line breaks; columns found by
 * header name in any order. Runs in: the hub.
 */
import { parse } from 'csv-parse/sync';

export type Encoding = 'utf-8' | 'gb18030';

export interface CsvRow {
  /** The line in the file where this row starts (1 = the header). */
  line: number;
  /** Values by normalised header name; missing cells are ''. */
  values: Record<string, string>;
}

export interface CsvFile {
  encoding: Encoding;
  headers: string[];
  rows: CsvRow[];
}

export class CsvFileError extends Error {
  constructor(
    readonly code: 'empty' | 'malformed' | 'missing_columns',
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM); otherwise GB18030, a superset of GBK. */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export const normaliseHeader = (header: string) => header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export function readCsv(bytes: Uint8Array, required: readonly string[]): CsvFile {
  const decoded = decode(bytes);
  const encoding = decoded.encoding;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CsvFileError('empty', 'the file is empty');
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as never;
  } catch (err) {
    throw new CsvFileError('malformed', (err as Error).message);
  }
  const [header, ...body] = records;
  if (!header) throw new CsvFileError('empty', 'the file has no header row');
  const headers = header.record.map(normaliseHeader);
  const missing = required.filter((name) => !headers.includes(name));
  if (missing.length) throw new CsvFileError('missing_columns', `missing columns: ${missing.join(', ')}`);
  // Line numbers by counting line breaks up to where each record starts (csv-parse's own line count
  // drifts on CRLF inside quotes). info.bytes is where a record ends, in UTF-8 bytes.
  const raw = Buffer.from(text, 'utf8');
  let offset = header.info.bytes;
  let line = 1 + countNewlines(raw, 0, offset);
  const rows = body.map(({ record, info }) => {
    let start = offset;
    while (start < raw.length && (raw[start] === 0x0a || raw[start] === 0x0d)) start++;
    line += countNewlines(raw, offset, start);
    const values: Record<string, string> = {};
    headers.forEach((name, i) => (values[name] = (record[i] ?? '').trim()));
    const row = { line, values };
    line += countNewlines(raw, start, info.bytes);
    offset = info.bytes;
    return row;
  });
  return { encoding, headers, rows };
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (buf[i] === 0x0a) n++;
  return n;
}
