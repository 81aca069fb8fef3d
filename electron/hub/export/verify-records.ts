/**
 * Verify's reading of one record kind's JSON Lines: each record's id and the SHA-256 of what the
 * audit log hashed when it was written; then each held against the hash its audit entry took.
 * Runs in: the hub (plain Node), on the event loop.
 *
 * Presence lines in the shape the export writes take the fast path (verify-fast.ts); any other
 * line is read with JSON.parse and hashed through the kind's own canonical form (kinds.ts).
 */
import { hash as digest } from 'node:crypto';
import { join } from 'node:path';
import { Failed, parseLine, type ChainIndex } from './verify-chain.js';
import type { PresenceLine } from './verify-fast.js';
import { noEntry, numericId, sameBytes } from './verify-index.js';
import { eachLine } from './verify-lines.js';

/** How verify reads one kind: its name, its canonical form of a parsed record, and a fast path if it has one. */
export interface KindReader {
  name: string;
  canonical(record: Record<string, unknown>): string;
  fast?(text: string, start: number, end: number, out: PresenceLine): PresenceLine | null;
}

/** One kind's records as read. */
export interface HashedRecords {
  /** The file's name (`<kind>.jsonl`) and the kind's. */
  name: string;
  kind: string;
  count: number;
  /** Per record: its line, its id (NaN: the id is not a plain integer, its text is in `namedIds`), its SHA-256. */
  lines: Int32Array;
  ids: Float64Array;
  namedIds: Map<number, string>;
  digests: Uint8Array;
  /** Records whose canonical form could not be made, by index: the message it failed with. */
  problems: Map<number, string>;
  /** What stopped the reading (a line that is not JSON, say), after the records before it. */
  end: string | null;
}

/** Writes the SHA-256 of the text into `out` at `at` (as a latin1 ('binary') string it comes back a little faster than as hex). */
function sha256Into(text: string, out: Uint8Array, at: number): void {
  const bytes = digest('sha256', text, 'binary');
  for (let i = 0; i < 32; i++) out[at + i] = bytes.charCodeAt(i);
}

/** Reads one kind's records and hashes each, as the audit log hashed them when they were written. */
export async function hashRecords(dir: string, kind: KindReader, reading?: Parameters<typeof eachLine>[2], expected = 0): Promise<HashedRecords> {
  const name = `${kind.name}.jsonl`;
  const file = join(dir, name);
  // Sized for the records the manifest counts (up to a point): growing the arrays a million
  // records long costs a fifth of a second, mostly in fresh pages.
  let capacity = Math.min(Math.max(expected, 1 << 12), 1 << 22);
  let lines = new Int32Array(capacity);
  let ids = new Float64Array(capacity);
  let digests = new Uint8Array(capacity * 32);
  const namedIds = new Map<number, string>();
  const problems = new Map<number, string>();
  const scratch: PresenceLine = { id: 0, canonical: '' };
  let count = 0;
  let end: string | null = null;
  const grow = () => {
    capacity *= 2;
    const moreLines = new Int32Array(capacity);
    moreLines.set(lines);
    lines = moreLines;
    const moreIds = new Float64Array(capacity);
    moreIds.set(ids);
    ids = moreIds;
    const moreDigests = new Uint8Array(capacity * 32);
    moreDigests.set(digests);
    digests = moreDigests;
  };
  try {
    await eachLine(
      file,
      (text, start, stop, line, clean) => {
        const fast = clean && kind.fast ? kind.fast(text, start, stop, scratch) : null;
        if (fast !== null) {
          if (count === capacity) grow();
          ids[count] = fast.id;
          sha256Into(fast.canonical, digests, count * 32);
        } else {
          const value = parseLine(file, line, text.slice(start, stop));
          const id = String(value.id);
          if (count === capacity) grow();
          const n = numericId(id);
          ids[count] = n;
          if (Number.isNaN(n)) namedIds.set(count, id);
          try {
            sha256Into(kind.canonical(value), digests, count * 32);
          } catch (err) {
            problems.set(count, (err as Error)?.message ?? String(err));
          }
        }
        lines[count] = line;
        count++;
      },
      reading,
    );
  } catch (err) {
    end = (err as Error)?.message ?? String(err);
  }
  return { name, kind: kind.name, count, lines, ids, namedIds, digests, problems, end };
}

/** A record's id as text, only for a failure: a million String(n) would cost more than the comparisons. */
const idText = (r: HashedRecords, i: number) => (r.ids[i] === r.ids[i] ? String(r.ids[i]) : r.namedIds.get(i)!);

const hex = (bytes: Uint8Array, at: number) => Buffer.from(bytes.buffer, bytes.byteOffset + at, 32).toString('hex');

/** Holds each record's hash against its audit entry's: the failures (20 at most), then what stopped the reading. */
export function joinRecords(indexes: ChainIndex, kinds: HashedRecords[], failures: string[]): number {
  let records = 0;
  for (const r of kinds) {
    const index = indexes.get(r.kind)!;
    const recordedDigests = index.digests();
    const problems = r.problems.size > 0;
    for (let i = 0; i < r.count; i++) {
      const n = r.ids[i]!;
      const entry = n === n ? index.find(n) : index.findText(r.namedIds.get(i)!);
      const digestHeld = index.holdsDigest(entry);
      const recorded = entry === noEntry ? undefined : digestHeld ? true : index.value(entry, idText(r, i));
      if (!recorded) {
        failures.push(`${r.name}:${r.lines[i]}: record ${idText(r, i)} has no audit entry in this export`);
      } else {
        if (problems && r.problems.has(i)) throw new Error(r.problems.get(i));
        const same = digestHeld ? sameBytes(r.digests, i * 32, recordedDigests, entry * 32) : hex(r.digests, i * 32) === recorded;
        if (!same) failures.push(`${r.name}:${r.lines[i]}: record ${idText(r, i)} differs from what the audit log recorded`);
      }
      if (failures.length >= 20) throw new Failed();
      records++;
    }
    if (r.end !== null) throw new Error(r.end);
  }
  return records;
}
