/**
 * The hash the audit log took of each record, by the record's id, for verify: what a
 * Map<string, string> of a million entries would answer, kept in typed arrays in the chain's order
 * instead (no million strings for the collector to trace; it moves to another thread without a
 * copy; and looked up in order, it is read front to back rather than at random, which at a
 * million entries is what costs).
 * Runs in: the hub (plain Node), on the event loop or on a worker thread.
 *
 * Ids written as plain integers (`"12345"`) are kept as numbers, in the order of their entries; any
 * other id text in a Map. A record hash of 64 lowercase hex digits is kept as its 32 bytes; any
 * other value (as JSON.parse gave it) as it is. An id set again replaces what it had, as Map.set
 * does: while every numeric id is higher than the one before (the export's usual case), each has
 * one entry and a lookup is a walk or a binary search; otherwise a Map of the last entry of each
 * id is made when first needed.
 */

/** The id text the export writes for an integer id: no sign, no leading zero, at most 15 digits. */
const plainId = /^(?:0|[1-9][0-9]{0,14})$/;

/** An id's text as a number where it is a plain integer, else NaN. */
export function numericId(id: string): number {
  return plainId.test(id) ? Number(id) : Number.NaN;
}

const hexValue = new Int8Array(65536).fill(-1);
for (let i = 0; i < 16; i++) hexValue['0123456789abcdef'.charCodeAt(i)] = i;

/** Writes the 32 bytes of 64 lowercase hex digits at `at` into `out`; false (and some bytes written) if they are not. */
export function hexBytes(text: string, at: number, out: Uint8Array, to: number): boolean {
  for (let i = 0; i < 32; i++) {
    const high = hexValue[text.charCodeAt(at + 2 * i)]!;
    const low = hexValue[text.charCodeAt(at + 2 * i + 1)]!;
    if ((high | low) < 0) return false;
    out[to + i] = (high << 4) | low;
  }
  return true;
}

/** Whether the 32 bytes at `a` in `x` equal those at `b` in `y`. */
export function sameBytes(x: Uint8Array, a: number, y: Uint8Array, b: number): boolean {
  for (let i = 0; i < 32; i++) if (x[a + i] !== y[b + i]) return false;
  return true;
}

/** The first index in [low, high) whose id is not below `id` (the ids there rise). */
function lowerBound(ids: Float64Array, id: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What an index holds, as it is posted between threads (its arrays moved, not copied). */
export interface IndexData {
  /** The entries with a numeric id, in order: the id, 32 bytes of digest, and whether the value is in `odd` instead. */
  ids: Float64Array;
  digests: Uint8Array;
  isOdd: Uint8Array;
  count: number;
  /** Whether every id is higher than the one before. */
  rising: boolean;
  odd: Map<number, unknown>;
  /** Entries whose id text is not a plain integer: the value, by the text. */
  named: Map<string, unknown>;
}

/** Where a lookup found its entry: a numeric entry (its index), a named one, or none. */
export const noEntry = -1;
export const namedEntry = -2;

export class RecordHashIndex {
  private data: IndexData;
  private last = Number.NEGATIVE_INFINITY;
  /** For lookups: where the last one ended, and the map of ids that do not rise. */
  private cursor = 0;
  private byId: Map<number, number> | null = null;

  /** An index for about `expected` ids, or one posted from another thread. */
  constructor(from: number | IndexData = 0) {
    if (typeof from !== 'number') {
      this.data = from;
      return;
    }
    const room = Math.max(1 << 10, from);
    this.data = { ids: new Float64Array(room), digests: new Uint8Array(room * 32), isOdd: new Uint8Array(room), count: 0, rising: true, odd: new Map(), named: new Map() };
  }

  /** The arrays to move along with `toData()` when posting it to another thread. */
  transferList(): ArrayBuffer[] {
    const d = this.data;
    return [d.ids.buffer, d.digests.buffer, d.isOdd.buffer] as ArrayBuffer[];
  }

  toData(): IndexData {
    return this.data;
  }

  /** A new entry for a numeric id; returns its index. */
  private entry(id: number): number {
    const d = this.data;
    if (d.count === d.ids.length) {
      const ids = new Float64Array(d.count * 2);
      ids.set(d.ids);
      const digests = new Uint8Array(d.count * 64);
      digests.set(d.digests);
      const isOdd = new Uint8Array(d.count * 2);
      isOdd.set(d.isOdd);
      Object.assign(d, { ids, digests, isOdd });
    }
    if (id <= this.last) d.rising = false;
    this.last = id;
    d.ids[d.count] = id;
    return d.count++;
  }

  /** Sets a numeric id's record hash to 64 lowercase hex digits at `at` in `text` (else to the text itself). */
  setHexOf(id: number, text: string, at: number, end: number): void {
    const d = this.data;
    const e = this.entry(id);
    if (end - at !== 64 || !hexBytes(text, at, d.digests, e * 32)) {
      d.isOdd[e] = 1;
      d.odd.set(e, text.slice(at, end));
    }
  }

  /** Sets the record hash of an id given as text (String(entity_id)) to any value JSON.parse gave. */
  set(id: string, value: unknown): void {
    const n = numericId(id);
    if (Number.isNaN(n)) {
      this.data.named.set(id, value);
    } else if (typeof value === 'string') {
      this.setHexOf(n, value, 0, value.length);
    } else {
      const e = this.entry(n);
      this.data.isOdd[e] = 1;
      this.data.odd.set(e, value);
    }
  }

  /** The entry of a numeric id (its index), or noEntry. Fastest when asked in rising order. */
  find(id: number): number {
    const d = this.data;
    if (!d.rising) {
      if (!this.byId) {
        this.byId = new Map();
        for (let e = 0; e < d.count; e++) this.byId.set(d.ids[e]!, e);
      }
      return this.byId.get(id) ?? noEntry;
    }
    const ids = d.ids;
    let at = this.cursor;
    if (at > 0 && ids[at - 1]! >= id) {
      // Asked out of order: look it up from scratch.
      at = lowerBound(ids, id, 0, d.count);
    } else if (at < d.count && ids[at]! < id) {
      // Forward: gallop, then halve (a far jump costs its logarithm, not its length).
      let step = 1;
      while (at + step < d.count && ids[at + step]! < id) {
        at += step;
        step *= 2;
      }
      at = lowerBound(ids, id, at + 1, Math.min(at + step, d.count));
    }
    this.cursor = at;
    if (at < d.count && ids[at] === id) {
      this.cursor = at + 1;
      return at;
    }
    return noEntry;
  }

  /** The entry of an id given as text (String(record.id)): its index, namedEntry, or noEntry. */
  findText(id: string): number {
    const n = numericId(id);
    if (!Number.isNaN(n)) return this.find(n);
    return this.data.named.has(id) ? namedEntry : noEntry;
  }

  /** Whether an entry holds a digest of 32 bytes (at entry * 32 in `digests()`) rather than another value. */
  holdsDigest(entry: number): boolean {
    return entry >= 0 && this.data.isOdd[entry] === 0;
  }

  digests(): Uint8Array {
    return this.data.digests;
  }

  /** The value of an entry that holds no digest (the named entry of `id` for namedEntry). */
  value(entry: number, id: string): unknown {
    return entry === namedEntry ? this.data.named.get(id) : this.data.odd.get(entry);
  }
}
