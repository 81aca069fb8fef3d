/**
 * A stretch of the audit log whose lines SQLite wrote (db/stores/export.ts `auditLines`): checked
 * link by link as audit-pass.ts checks rows, then copied into the files as bytes, each CSV line
 * written from its JSON Lines line's values. Runs in: the hub (on the audit log's export thread for
 * a big export).
 *
 * Nothing here decides that an entry is wrong. Anything other than the plain, whole, linked chain
 * it expects (a missing or changed entry, a line of another shape, a text CSV would quote or guard)
 * makes it give the stretch back untouched, and the caller reads that stretch row by row, which
 * finds the fault and words the refusal as it always has.
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { plainJsonText } from './csv.js';
import { putCsvLine } from './csv-bytes.js';
import { integerAt, newline, wordsOf } from './line-bytes.js';
import type { ByteSink } from './file-writer.js';

// Where each entry's pieces lie in the blob: eighteen numbers an entry (a typed array, not an
// object per entry). Its JSON Lines line starts where the entry before ended (the first at 0).
/** Where its JSON Lines line ends, newline included. */
const jsonEnd = 0;
/** Where the digits of its sequence number end (they start at the line's start + seqAt). */
const seqEnd = 1;
/** Its instant. */
const instant = 2;
/**
 * Its CSV cells after the number and time, [start, end) each from here on: its four texts (actor,
 * action, entity, entity_id), then its record hash, previous hash and hash.
 */
const cells = 3;
const textCells = 4;
const csvCells = 7;
/** Where its canonical text's newline ends (the next entry starts). */
const next = cells + 2 * csvCells;
const fields = next + 1;

export interface AuditStretchLines {
  positions: Float64Array;
  /** The first and last entries' own hashes. */
  firstHash: string;
  lastHash: string;
}

const seqAt = '{"seq":'.length;
const atKey = '"at":'.length;
/** What comes before each text's JSON string, after the one before it (after the instant's comma for the first). */
const textKeys = ['"actor":', ',"action":', ',"entity":', ',"entity_id":'].map((key) => key.length);
const jsonNull = 'null'.length;
/** How a null entity_id starts (`null`, where a text starts with a quote). */
const letterN = 110;
const hashLength = 64;
// Each JSON Lines line ends `,"record_hash":"<64>","prev_hash":"<64>","hash":"<64>"}\n` (the SQL
// guarantees 64 characters each): where each hash starts, counted from the line's end.
const hashFromEnd = hashLength + '"}\n'.length;
const prevFromEnd = hashFromEnd + '","hash":"'.length + hashLength;
const recordFromEnd = prevFromEnd + '","prev_hash":"'.length + hashLength;
const tailFromEnd = recordFromEnd + ',"record_hash":"'.length;
// The canonical text holds the same members as the JSON Lines line but the hash
// (`,"hash":"<64>"`), so it is that much shorter: where it ends needs no search.
const hashMember = ',"hash":""'.length + hashLength;
/** The record hash, the previous hash and the hash, in the CSV's order. */
const hashesFromEnd = [recordFromEnd, prevFromEnd, hashFromEnd];

export interface ChainAt {
  /** The sequence number the stretch must start with. */
  expected: number;
  /** The hash its first entry must link to. */
  prev: string;
}

/**
 * The stretch's entries if each is the next in sequence, links to the one before and hashes to
 * its own hash, and its texts go into CSV as they are; null (and nothing written) if anything is
 * otherwise.
 */
export function checkAuditLines(lines: Buffer, count: number, chain: ChainAt): AuditStretchLines | null {
  if (count < 1 || !isUtf8(lines)) return null;
  const positions = new Float64Array(count * fields);
  const words = wordsOf(lines);
  let start = 0;
  let prev = chain.prev;
  // Where the entry before's own hash lies (its text was checked to be `prev`).
  let prevAt = -1;
  let firstHash = '';
  for (let i = 0, f = 0; i < count; i++, f += fields) {
    const jsonTo = lines.indexOf(newline, start) + 1;
    if (jsonTo === 0 || jsonTo - start < tailFromEnd + seqAt) return null;
    const canonicalEnd = jsonTo + (jsonTo - 1 - start) - hashMember;
    if (lines[canonicalEnd] !== newline) return null;

    const seq = integerAt(lines, start + seqAt, jsonTo);
    if (!seq || seq.value !== chain.expected + i) return null;
    const at = integerAt(lines, seq.next + atKey, jsonTo);
    if (!at) return null;
    // The four texts, one after the other, must end where the hashes begin.
    let p = at.next;
    for (let t = 0; t < textCells; t++) {
      p += textKeys[t]!;
      const textEnd = t === textCells - 1 && lines[p] === letterN ? p : plainJsonText(lines, p);
      if (textEnd < 0) return null;
      const isNull = textEnd === p;
      positions[f + cells + 2 * t] = isNull ? p : p + 1;
      positions[f + cells + 2 * t + 1] = isNull ? p : textEnd - 1;
      p = isNull ? p + jsonNull : textEnd;
    }
    if (p !== jsonTo - tailFromEnd) return null;

    // Linked to the one before (whose hash is `prev`), and hashing to its own hash.
    const prevHashAt = jsonTo - prevFromEnd;
    if (prevAt < 0 ? lines.toString('latin1', prevHashAt, prevHashAt + hashLength) !== prev : !sameWords(words, prevAt, prevHashAt)) return null;
    const hashAt = jsonTo - hashFromEnd;
    const own = hash('sha256', lines.subarray(jsonTo, canonicalEnd), 'hex');
    if (lines.toString('latin1', hashAt, hashAt + hashLength) !== own) return null;
    prev = own;
    prevAt = hashAt;
    firstHash ||= own;
    for (let h = 0; h < hashesFromEnd.length; h++) {
      positions[f + cells + 2 * (textCells + h)] = jsonTo - hashesFromEnd[h]!;
      positions[f + cells + 2 * (textCells + h) + 1] = jsonTo - hashesFromEnd[h]! + hashLength;
    }
    positions[f + jsonEnd] = jsonTo;
    positions[f + seqEnd] = seq.next - 1;
    positions[f + instant] = at.value;
    positions[f + next] = canonicalEnd + 1;
    start = canonicalEnd + 1;
  }
  return start === lines.length ? { positions, firstHash, lastHash: prev } : null;
}

/** True if the hashes' texts at `a` and `b` are the same, compared four bytes at a time. */
function sameWords(words: DataView, a: number, b: number): boolean {
  for (let i = 0; i < hashLength; i += 4) if (words.getUint32(a + i) !== words.getUint32(b + i)) return false;
  return true;
}

/**
 * Copies checked entries into the files: the JSON Lines line whole, and the CSV line from its
 * values (number, local time, texts, hashes).
 */
export function putAuditLines(
  lines: Buffer,
  entries: AuditStretchLines,
  putLocal: (instant: number, bytes: Uint8Array, at: number) => number,
  csv: ByteSink,
  jsonl: ByteSink,
): void {
  const e = entries.positions;
  const source = wordsOf(lines);
  let start = 0;
  for (let f = 0; f < e.length; f += fields) {
    jsonl.addBytes(lines, start, e[f + jsonEnd]!);
    putCsvLine(csv, lines, source, start + seqAt, e[f + seqEnd]!, e[f + instant]!, putLocal, e, f + cells, csvCells);
    start = e[f + next]!;
  }
}
