/**
 * A stretch of the audit log whose lines SQLite wrote (db/stores/export.ts `auditLines`): checked
 * link by link as audit-pass.ts checks rows, then copied into the files as bytes. Runs in: the hub
 * (on the audit log's export thread for a big export).
 *
 * Nothing here decides that an entry is wrong. Anything other than the plain, whole, linked chain
 * it expects (a missing or changed entry, a line of another shape) makes it give the stretch back
 * untouched, and the caller reads that stretch row by row, which finds the fault and words the
 * refusal as it always has.
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { plainCsvCells } from './csv.js';
import { integerAt, newline } from './line-bytes.js';
import type { ByteSink } from './file-writer.js';

/** Where one entry's texts lie in the blob. */
interface Entry {
  /** Its JSON Lines line, newline included: [jsonStart, jsonEnd). */
  jsonStart: number;
  jsonEnd: number;
  /** The digits of its sequence number end here (they start at jsonStart + seqAt). */
  seqEnd: number;
  at: number;
  /** Its CSV line from the third cell on, line end included. */
  csvStart: number;
  csvEnd: number;
}

const seqAt = '{"seq":'.length;
const atKey = '"at":'.length;
const hashLength = 64;
// Each JSON Lines line ends `"prev_hash":"<64>","hash":"<64>"}\n`: the hash is 66 bytes from its
// end, the previous hash 140 (the SQL guarantees both are 64 characters).
const hashFromEnd = hashLength + '"}\n'.length;
const prevFromEnd = hashFromEnd + '","hash":"'.length + hashLength;
// Its CSV line ends `,<record hash>,<previous hash>,<hash>\r\n`: the cells before those (actor,
// action, entity, entity_id) end 197 bytes from its end.
const hashCellsFromEnd = 3 * (1 + hashLength) + '\r\n'.length;
const textCells = 4;

export interface ChainAt {
  /** The sequence number the stretch must start with. */
  expected: number;
  /** The hash its first entry must link to. */
  prev: string;
}

/**
 * The stretch's entries if each is the next in sequence, links to the one before and hashes to
 * its own hash; null (and nothing written) if anything is otherwise.
 */
export function checkAuditLines(lines: Buffer, count: number, chain: ChainAt): Entry[] | null {
  if (!isUtf8(lines)) return null;
  const entries: Entry[] = new Array(count);
  let start = 0;
  let prevStart = -1;
  for (let i = 0; i < count; i++) {
    const jsonEnd = lines.indexOf(newline, start) + 1;
    if (jsonEnd === 0 || jsonEnd - start < prevFromEnd + seqAt) return null;
    const canonicalEnd = lines.indexOf(newline, jsonEnd);
    if (canonicalEnd < 0) return null;
    const csvEnd = lines.indexOf(newline, canonicalEnd + 1) + 1;
    if (csvEnd === 0 || csvEnd - canonicalEnd < hashCellsFromEnd || !plainCsvCells(lines, canonicalEnd + 1, csvEnd - hashCellsFromEnd, textCells, textCells)) return null;

    const seq = integerAt(lines, start + seqAt, jsonEnd);
    if (!seq || seq.value !== chain.expected + i) return null;
    const at = integerAt(lines, seq.next + atKey, jsonEnd);
    if (!at) return null;

    const hashStart = jsonEnd - hashFromEnd;
    const prevHashStart = jsonEnd - prevFromEnd;
    const linked =
      prevStart < 0
        ? lines.toString('latin1', prevHashStart, prevHashStart + hashLength) === chain.prev
        : lines.compare(lines, prevStart, prevStart + hashLength, prevHashStart, prevHashStart + hashLength) === 0;
    if (!linked) return null;
    if (hash('sha256', lines.subarray(jsonEnd, canonicalEnd), 'hex') !== lines.toString('latin1', hashStart, hashStart + hashLength)) return null;
    prevStart = hashStart;
    entries[i] = { jsonStart: start, jsonEnd, seqEnd: seq.next - 1, at: at.value, csvStart: canonicalEnd + 1, csvEnd };
    start = csvEnd;
  }
  return start === lines.length ? entries : null;
}

/** Copies checked entries into the files: the JSON Lines line whole, the CSV line from its number, local time and the rest. */
export function putAuditLines(lines: Buffer, entries: readonly Entry[], local: (instant: number) => string, csv: ByteSink, jsonl: ByteSink): void {
  for (const e of entries) {
    jsonl.addBytes(lines, e.jsonStart, e.jsonEnd);
    csv.addBytes(lines, e.jsonStart + seqAt, e.seqEnd);
    csv.addShort(`,${local(e.at)}`);
    csv.addBytes(lines, e.csvStart, e.csvEnd);
  }
}

/** The first and last entries' own hashes. */
export function endHashes(lines: Buffer, entries: readonly Entry[]): { firstHash: string; lastHash: string } {
  const first = entries[0]!.jsonEnd - hashFromEnd;
  const last = entries[entries.length - 1]!.jsonEnd - hashFromEnd;
  return { firstHash: lines.toString('latin1', first, first + hashLength), lastHash: lines.toString('latin1', last, last + hashLength) };
}
