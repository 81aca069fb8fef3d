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
import { asciiWords, carriageReturn, comma, copyShort, integerAt, newline, quote, wordsOf } from './line-bytes.js';
import type { ByteSink } from './file-writer.js';
import type { TimeText } from './kinds.js';
import { maxTimeBytes } from './local-time.js';

/** Cells after the two the caller writes: kind, employee_no, name, team, method, automatic, device_id. */
const csvCells = 7;
/** Of those, the text cells (csvCell guards text that starts like a formula, not numbers). */
const textCells = 5;

/**
 * Where each event's pieces lie in the page's blob: five numbers an event (a typed array, not an
 * object per event). Its line starts where the one before ended (the first at 0) with its id's
 * digits, a comma, its instant's and a comma.
 */
export type PresenceLines = Float64Array;
const fields = 5;
/** Where its id's digits end. */
const idEnd = 0;
/** Its instant. */
const instant = 1;
/** Its JSON Lines line from `"kind"` on, newline included: [jsonStart, csvStart). */
const jsonStart = 2;
/** Its CSV line from its third cell on, line end included: [csvStart, csvEnd). */
const csvStart = 3;
const csvEnd = 4;

/** The page's events if every line is as the line writers would write it; null otherwise. */
export function checkPresenceLines(lines: Buffer, count: number): PresenceLines | null {
  if (!isUtf8(lines)) return null;
  const events = new Float64Array(count * fields);
  let start = 0;
  for (let f = 0; f < events.length; f += fields) {
    const id = integerAt(lines, start, lines.length);
    const at = id && integerAt(lines, id.next, lines.length);
    if (!id || !at || !Number.isSafeInteger(id.value) || !Number.isSafeInteger(at.value)) return null;
    const csvFrom = lines.indexOf(newline, at.next) + 1;
    if (csvFrom === 0) return null;
    const csvTo = lines.indexOf(newline, csvFrom) + 1;
    if (csvTo === 0 || lines[csvTo - 2] !== carriageReturn || !plainCsvCells(lines, csvFrom, csvTo - 2, csvCells, textCells)) return null;
    events[f + idEnd] = id.next - 1;
    events[f + instant] = at.value;
    events[f + jsonStart] = at.next;
    events[f + csvStart] = csvFrom;
    events[f + csvEnd] = csvTo;
    start = csvTo;
  }
  return start === lines.length ? events : null;
}

const idOpen = asciiWords('{"id":');
const atOpen = asciiWords(',"at":"');

/** Copies checked events into the files, each line's id (its digits as SQLite wrote them) and instant written here. */
export function putPresenceLines(lines: Buffer, events: PresenceLines, time: TimeText, csv: ByteSink, jsonl: ByteSink): void {
  const source = wordsOf(lines);
  let start = 0;
  for (let f = 0; f < events.length; f += fields) {
    const digitsEnd = events[f + idEnd]!;
    const at = events[f + instant]!;
    let p = jsonl.reserve(idOpen.byteLength + (digitsEnd - start) + atOpen.byteLength + maxTimeBytes + 2);
    let bytes = jsonl.bytes;
    p = copyShort(jsonl.words, p, idOpen, 0, idOpen.byteLength);
    p = copyShort(jsonl.words, p, source, start, digitsEnd);
    p = copyShort(jsonl.words, p, atOpen, 0, atOpen.byteLength);
    p = time.putIso(at, bytes, p);
    bytes[p] = quote;
    bytes[p + 1] = comma;
    jsonl.wrote(p + 2);
    jsonl.addBytes(lines, events[f + jsonStart]!, events[f + csvStart]!);

    p = csv.reserve(digitsEnd - start + 1 + maxTimeBytes);
    bytes = csv.bytes;
    p = copyShort(csv.words, p, source, start, digitsEnd);
    bytes[p] = comma;
    csv.wrote(time.putLocal(at, bytes, p + 1));
    start = events[f + csvEnd]!;
    csv.addBytes(lines, events[f + csvStart]!, start);
  }
}
