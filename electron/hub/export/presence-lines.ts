/**
 * A page of presence events whose lines SQLite wrote (db/stores/export.ts `presenceLines`):
 * checked to be exactly what the line writers in kinds.ts give, then copied into the files as
 * bytes, each line's id and instant written here and its CSV line written from its JSON Lines
 * line's values. Runs in: the hub.
 *
 * Anything unexpected (a text CSV would quote or guard or JSON escapes, text that is not valid
 * UTF-8, a line of another shape) makes the page go back, untouched, to be read row by row.
 */
import { isUtf8 } from 'node:buffer';
import { plainJsonText } from './csv.js';
import { putCsvLine } from './csv-bytes.js';
import { asciiWords, comma, copyShort, integerAt, newline, quote, wordsOf } from './line-bytes.js';
import type { ByteSink } from './file-writer.js';
import type { TimeText } from './kinds.js';
import { maxTimeBytes } from './local-time.js';

// Where each event's pieces lie in the page's blob: eighteen numbers an event (a typed array, not
// an object per event). Its line starts where the one before ended (the first at 0) with its id's
// digits, a comma, its instant's and a comma.
/** Where its id's digits end. */
const idEnd = 0;
/** Its instant. */
const instant = 1;
/** Its JSON Lines line from `"kind"` on, newline included: [jsonStart, jsonEnd). */
const jsonStart = 2;
const jsonEnd = 3;
/**
 * Its CSV cells after the id and time, [start, end) each from here on: kind, employee_no, name,
 * team, method (the texts, as their JSON strings hold them), automatic and device_id.
 */
const cells = 4;
const csvCells = 7;
const fields = cells + 2 * csvCells;

export type PresenceLines = Float64Array;

/** What comes before each text's JSON string, after the one before it (after the instant's comma for the first). */
const textKeys = ['"kind":', ',"employee_no":', ',"name":', ',"team":'].map((key) => key.length);
const personKey = ',"person_id":'.length;
// The person_id's digits end in a comma, which integerAt steps over.
const methodKey = '"method":'.length;
const automaticKey = ',"automatic":'.length;
const deviceKey = ',"device_id":'.length;
const closeBrace = 125;
const minus = 45;
const letterN = 110;
const letterT = 116;
const letterF = 102;

/** The page's events if every line is as the line writers would write it; null otherwise. */
export function checkPresenceLines(lines: Buffer, count: number): PresenceLines | null {
  if (!isUtf8(lines)) return null;
  const events = new Float64Array(count * fields);
  let start = 0;
  for (let f = 0; f < events.length; f += fields) {
    const id = integerAt(lines, start, lines.length);
    const at = id && integerAt(lines, id.next, lines.length);
    if (!id || !at || !Number.isSafeInteger(id.value) || !Number.isSafeInteger(at.value)) return null;
    let p = at.next;
    let cell = f + cells;
    for (const key of textKeys) {
      p += key;
      const end = plainJsonText(lines, p);
      if (end < 0) return null;
      events[cell++] = p + 1;
      events[cell++] = end - 1;
      p = end;
    }
    const person = integerAt(lines, p + personKey, lines.length);
    if (!person) return null;
    p = person.next + methodKey;
    const methodEnd = plainJsonText(lines, p);
    if (methodEnd < 0) return null;
    events[cell++] = p + 1;
    events[cell++] = methodEnd - 1;
    // `true` or `false`, as SQLite wrote it.
    p = methodEnd + automaticKey;
    events[cell++] = p;
    if (lines[p] === letterT) p += 4;
    else if (lines[p] === letterF) p += 5;
    else return null;
    events[cell++] = p;
    // Digits, or `null` (an empty cell).
    p += deviceKey;
    events[cell] = p;
    if (lines[p] === letterN) {
      events[cell + 1] = p;
      p += 4;
    } else {
      if (lines[p] === minus) p++;
      while (lines[p]! >= 48 && lines[p]! <= 57) p++;
      events[cell + 1] = p;
    }
    if (lines[p] !== closeBrace || lines[p + 1] !== newline) return null;
    events[f + idEnd] = id.next - 1;
    events[f + instant] = at.value;
    events[f + jsonStart] = at.next;
    events[f + jsonEnd] = p + 2;
    start = p + 2;
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
    const bytes = jsonl.bytes;
    p = copyShort(jsonl.words, p, idOpen, 0, idOpen.byteLength);
    p = copyShort(jsonl.words, p, source, start, digitsEnd);
    p = copyShort(jsonl.words, p, atOpen, 0, atOpen.byteLength);
    p = time.putIso(at, bytes, p);
    bytes[p] = quote;
    bytes[p + 1] = comma;
    jsonl.wrote(p + 2);
    jsonl.addBytes(lines, events[f + jsonStart]!, events[f + jsonEnd]!);
    putCsvLine(csv, lines, source, start, digitsEnd, at, time.putLocal, events, f + cells, csvCells);
    start = events[f + jsonEnd]!;
  }
}
