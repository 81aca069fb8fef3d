/**
 * A page of presence events whose lines SQLite wrote (db/stores/export.ts `presenceLines`):
 * checked to be exactly what the line writers in kinds.ts give, then copied into the files as
 * bytes, with each instant's text added here. Runs in: the hub.
 *
 * Anything unexpected (a CSV cell that would be quoted or guarded against formulas, text that is
 * not valid UTF-8, a line of another shape) makes the page go back, untouched, to be read row by
 * row.
 */
import { isUtf8 } from 'node:buffer';
import { plainCsvCells } from './csv.js';
import { carriageReturn, integerAt, newline } from './line-bytes.js';
import type { ByteSink } from './file-writer.js';
import type { TimeText } from './kinds.js';

/** Cells after the two the caller writes: kind, employee_no, name, team, method, automatic, device_id. */
const csvCells = 7;
/** Of those, the text cells (csvCell guards text that starts like a formula, not numbers). */
const textCells = 5;

export interface PresenceLine {
  id: number;
  at: number;
  /** The JSON Lines line from `"kind"` on, newline included: [jsonStart, csvStart). */
  jsonStart: number;
  /** The CSV line from its third cell on, line end included: [csvStart, csvEnd). */
  csvStart: number;
  csvEnd: number;
}

/** The page's events if every line is as the line writers would write it; null otherwise. */
export function checkPresenceLines(lines: Buffer, count: number): PresenceLine[] | null {
  if (!isUtf8(lines)) return null;
  const events: PresenceLine[] = new Array(count);
  let start = 0;
  for (let i = 0; i < count; i++) {
    const id = integerAt(lines, start, lines.length);
    const at = id && integerAt(lines, id.next, lines.length);
    if (!id || !at || !Number.isSafeInteger(id.value) || !Number.isSafeInteger(at.value)) return null;
    const csvStart = lines.indexOf(newline, at.next) + 1;
    if (csvStart === 0) return null;
    const csvEnd = lines.indexOf(newline, csvStart) + 1;
    if (csvEnd === 0 || lines[csvEnd - 2] !== carriageReturn || !plainCsvCells(lines, csvStart, csvEnd - 2, csvCells, textCells)) return null;
    events[i] = { id: id.value, at: at.value, jsonStart: at.next, csvStart, csvEnd };
    start = csvEnd;
  }
  return start === lines.length ? events : null;
}

/** Copies checked events into the files, each line's id and instant written here. */
export function putPresenceLines(lines: Buffer, events: readonly PresenceLine[], time: TimeText, csv: ByteSink, jsonl: ByteSink): void {
  for (const e of events) {
    jsonl.addShort(`{"id":${e.id},"at":"${time.iso(e.at)}",`);
    jsonl.addBytes(lines, e.jsonStart, e.csvStart);
    csv.addShort(`${e.id},${time.local(e.at)}`);
    csv.addBytes(lines, e.csvStart, e.csvEnd);
  }
}
