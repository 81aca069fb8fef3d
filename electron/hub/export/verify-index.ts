/**
 * The hash the audit log took of each record, by the record's id, for verify: what a
 * Map<string, string> of a million entries would hold, in typed arrays instead (no million
 * strings for the collector to trace, and it moves to another thread without a copy).
 * Runs in: the hub (plain Node), on the event loop or on a worker thread.
 *
 * Ids written as plain integers (`"12345"`) are kept as numbers in an open-addressing table;
 * any other id text in a Map. A record hash of 64 lowercase hex digits is kept as its 32 bytes;
 * any other value (as JSON.parse gave it) as it is. Setting an id again replaces what it had, as
 * Map.set does.
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

/** What an index holds, as it is posted between threads (its arrays moved, not copied). */
export interface IndexData {
  /** Open addressing: numeric id (NaN: empty) and the slot it has. */
  keys: Float64Array;
  slots: Int32Array;
  used: number;
  /** Per slot: 32 bytes of digest, and whether the slot's value is in `odd` instead. */
  digests: Uint8Array;
  isOdd: Uint8Array;
  count: number;
  odd: Map<number, unknown>;
  named: Map<string, number>;
}

export class RecordHashIndex {
  private data: IndexData;

  /** An index for about `expected` ids, or one posted from another thread. */
  constructor(from: number | IndexData = 0) {
    if (typeof from !== 'number') {
      this.data = from;
      return;
    }
    const slots = Math.max(1 << 10, from);
    let table = 1 << 12;
    while (table < slots * 2) table *= 2;
    this.data = {
      keys: new Float64Array(table).fill(Number.NaN),
      slots: new Int32Array(table),
      used: 0,
      digests: new Uint8Array(slots * 32),
      isOdd: new Uint8Array(slots),
      count: 0,
      odd: new Map(),
      named: new Map(),
    };
  }

  /** The arrays to move along with `toData()` when posting it to another thread. */
  transferList(): ArrayBuffer[] {
    const d = this.data;
    return [d.keys.buffer, d.slots.buffer, d.digests.buffer, d.isOdd.buffer] as ArrayBuffer[];
  }

  toData(): IndexData {
    return this.data;
  }

  /** The slot of an id given as text (Map semantics: String(id) is the key); -1 if it has none. */
  slotOf(id: string): number {
    const n = numericId(id);
    return Number.isNaN(n) ? (this.data.named.get(id) ?? -1) : this.slotOfNumber(n);
  }

  /** The slot of a plain integer id; -1 if it has none. */
  slotOfNumber(id: number): number {
    const { keys, slots } = this.data;
    const mask = keys.length - 1;
    for (let i = hashOf(id) & mask; ; i = (i + 1) & mask) {
      const key = keys[i]!;
      if (key === id) return slots[i]!;
      if (key !== key) return -1;
    }
  }

  /** The slot for an id, made if it has none, emptied of what it held. */
  slotFor(id: string): number {
    const n = numericId(id);
    if (!Number.isNaN(n)) return this.slotForNumber(n);
    const d = this.data;
    let slot = d.named.get(id);
    if (slot === undefined) {
      slot = this.newSlot();
      d.named.set(id, slot);
    }
    return slot;
  }

  slotForNumber(id: number): number {
    let d = this.data;
    if ((d.used + 1) * 2 > d.keys.length) this.grow();
    d = this.data;
    const mask = d.keys.length - 1;
    let i = hashOf(id) & mask;
    for (; ; i = (i + 1) & mask) {
      const key = d.keys[i]!;
      if (key === id) return d.slots[i]!;
      if (key !== key) break;
    }
    const slot = this.newSlot();
    d.keys[i] = id;
    d.slots[i] = slot;
    d.used++;
    return slot;
  }

  private newSlot(): number {
    const d = this.data;
    if (d.count === d.isOdd.length) {
      const isOdd = new Uint8Array(d.count * 2);
      isOdd.set(d.isOdd);
      const digests = new Uint8Array(d.count * 64);
      digests.set(d.digests);
      d.isOdd = isOdd;
      d.digests = digests;
    }
    return d.count++;
  }

  private grow() {
    const old = this.data;
    const keys = new Float64Array(old.keys.length * 2).fill(Number.NaN);
    const slots = new Int32Array(keys.length);
    const mask = keys.length - 1;
    for (let j = 0; j < old.keys.length; j++) {
      const key = old.keys[j]!;
      if (key !== key) continue;
      let i = hashOf(key) & mask;
      while (keys[i] === keys[i]) i = (i + 1) & mask;
      keys[i] = key;
      slots[i] = old.slots[j]!;
    }
    this.data = { ...old, keys, slots };
  }

  /** Sets the id's record hash to 64 lowercase hex digits found at `at` in `text` (else to the text itself). */
  setHex(id: string, text: string, at: number, end: number): void {
    this.setHexAt(this.slotFor(id), text, at, end);
  }

  setHexAt(slot: number, text: string, at: number, end: number): void {
    const d = this.data;
    if (end - at === 64 && hexBytes(text, at, d.digests, slot * 32)) {
      if (d.isOdd[slot]) {
        d.isOdd[slot] = 0;
        d.odd.delete(slot);
      }
    } else {
      d.isOdd[slot] = 1;
      d.odd.set(slot, text.slice(at, end));
    }
  }

  /** Sets the id's record hash to any value JSON.parse gave. */
  set(id: string, value: unknown): void {
    const slot = this.slotFor(id);
    if (typeof value === 'string') return this.setHexAt(slot, value, 0, value.length);
    const d = this.data;
    d.isOdd[slot] = 1;
    d.odd.set(slot, value);
  }

  /** Whether the slot holds a digest of 32 bytes (at slot * 32 in `digests()`) rather than another value. */
  holdsDigest(slot: number): boolean {
    return this.data.isOdd[slot] === 0;
  }

  digests(): Uint8Array {
    return this.data.digests;
  }

  /** The value of a slot that does not hold a digest. */
  oddValue(slot: number): unknown {
    return this.data.odd.get(slot);
  }
}

/** Spreads ids over the table (dense runs and strided ones alike). */
function hashOf(id: number): number {
  const h = Math.imul((id | 0) ^ ((id / 4294967296) | 0), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
