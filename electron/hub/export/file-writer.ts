/**
 * Writes one record kind as a CSV and a JSON Lines file side by side, hashing each with SHA-512 as
 * it goes (so the manifest costs no second read); the hashing and writing happen on the hashing
 * thread (hash-thread.ts). Runs in: the hub.
 */
import { join } from 'node:path';
import { csvLine, utf8Bom } from './csv.js';
import { chunkBytes, type HashThread } from './hash-thread.js';
import { wordsOf } from './line-bytes.js';
import type { ExportRecord, TimeText } from './kinds.js';

/**
 * Lines are gathered into short strings (a few dozen lines) that are encoded straight into a
 * buffer of `chunkBytes`, which is hashed and written whole when full. Encoding line by line
 * costs a call per line; joining a whole page into one string first costs more still (a rope of
 * thousands of pieces, flattened and collected in the old generation).
 */
const gatherChars = 16 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit: text of n units always fits in 3n bytes. */
const maxBytesPerUnit = 3;

/** The most bytes ByteSink#reserve gives room for at once. */
export const maxReserved = 4096;

/**
 * Where a file's lines go as bytes, in order: copied from a buffer, or written in place (a short
 * piece such as a number or a time: `reserve` room, write into `bytes`, then say where it ended).
 */
export interface ByteSink {
  /** Appends a copy of `source`'s bytes [start, end). */
  addBytes(source: Buffer, start: number, end: number): void;
  /** Room for `length` more bytes (at most maxReserved): where in `bytes` they start. */
  reserve(length: number): number;
  /** Where reserved bytes are written (valid until the next call that adds or reserves). */
  readonly bytes: Uint8Array;
  /** The same memory as `bytes`, as a DataView (line-bytes.ts copyShort). */
  readonly words: DataView;
  /** The reserved bytes written end at `end` (at most start + length). */
  wrote(end: number): void;
}

class HashedFile implements ByteSink {
  private readonly file: number;
  /** The chunk the next bytes go into, from `used` on. */
  bytes: Buffer;
  words: DataView;
  private used = 0;
  private gathered = '';
  private closed = false;

  constructor(
    readonly path: string,
    private readonly thread: HashThread,
  ) {
    this.file = thread.open(path);
    this.bytes = thread.chunk();
    this.words = wordsOf(this.bytes);
  }

  /** Appends text (a line or a few); it reaches the file and the hash in order, a chunk at a time. */
  add(text: string): void {
    this.gathered += text;
    if (this.gathered.length >= gatherChars) this.encode();
  }

  /** Appends bytes that are already UTF-8 (`source` is copied, so it stays the caller's). */
  addBytes(source: Buffer, start: number, end: number): void {
    const length = end - start;
    if (!this.room(length)) return this.thread.write(this.file, Buffer.from(source.subarray(start, end)));
    this.used += source.copy(this.bytes, this.used, start, end);
  }

  reserve(length: number): number {
    if (length > maxReserved || !this.room(length)) throw new RangeError(`cannot reserve ${length} bytes`);
    return this.used;
  }

  wrote(end: number): void {
    this.used = end;
  }

  /** Makes room for `length` more bytes in the chunk, in order; false if they can never fit in one. */
  private room(length: number): boolean {
    if (this.gathered !== '') this.encode();
    if (this.used + length <= chunkBytes) return true;
    this.flush();
    return length <= chunkBytes;
  }

  private encode(): void {
    const text = this.gathered;
    this.gathered = '';
    if (this.used + text.length * maxBytesPerUnit > chunkBytes) {
      this.flush();
      if (text.length * maxBytesPerUnit > chunkBytes) {
        const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
        bytes.write(text, 0, 'utf8');
        return this.thread.write(this.file, bytes);
      }
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.gathered !== '') this.encode();
    if (this.used === 0) return;
    // The chunk goes to the hashing thread: the next lines go into another it lends.
    const full = this.bytes.subarray(0, this.used);
    this.bytes = this.thread.chunk();
    this.words = wordsOf(this.bytes);
    this.used = 0;
    this.thread.write(this.file, full);
  }

  /** Waits while the hashing thread is behind (so memory stays bounded). */
  settle(): Promise<void> {
    return this.thread.drained();
  }

  /** Writes what is left and closes the file; its SHA-512 (hex), or the first write error. */
  close(): Promise<string> {
    this.flush();
    this.closed = true;
    return this.thread.close(this.file);
  }

  /** Closes the file unfinished; resolves once it is closed (so its folder can be removed, also on Windows). */
  async destroy(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.thread.abort(this.file);
  }
}

export interface LineWriters<Row> {
  csvLine(row: Row, time: TimeText): string;
  jsonLine(row: Row, time: TimeText): string;
}

export interface WrittenFile {
  path: string;
  sha512: string;
  records: number;
}

export class KindWriter {
  private readonly csv: HashedFile;
  private readonly jsonl: HashedFile;
  private records = 0;

  constructor(
    dir: string,
    private readonly name: string,
    private readonly jsonFields: readonly string[],
    private readonly csvFields: readonly string[],
    thread: HashThread,
  ) {
    this.csv = new HashedFile(join(dir, `${name}.csv`), thread);
    this.jsonl = new HashedFile(join(dir, `${name}.jsonl`), thread);
  }

  async header(labels: readonly string[]): Promise<void> {
    this.csv.add(utf8Bom + csvLine(labels));
    await this.csv.settle();
  }

  /** Writes a page of records. */
  async writePage(records: readonly ExportRecord[]): Promise<void> {
    for (const record of records) {
      this.csv.add(csvLine(this.csvFields.map((f) => record[f])));
      const ordered: ExportRecord = {};
      for (const f of this.jsonFields) ordered[f] = record[f] ?? null;
      this.jsonl.add(`${JSON.stringify(ordered)}\n`);
    }
    this.records += records.length;
    await Promise.all([this.csv.settle(), this.jsonl.settle()]);
  }

  /** Writes rows straight from the database through the kind's own line writers (no record objects). */
  async writeRows<Row>(rows: readonly Row[], lines: LineWriters<Row>, time: TimeText): Promise<void> {
    for (const row of rows) {
      this.csv.add(lines.csvLine(row, time));
      this.jsonl.add(lines.jsonLine(row, time));
    }
    this.records += rows.length;
    await Promise.all([this.csv.settle(), this.jsonl.settle()]);
  }

  /**
   * Writes `count` records whose lines `put` adds as bytes (lines SQLite wrote, see
   * audit-lines.ts); they must be what the kind's line writers would give.
   */
  async writeBytes(count: number, put: (csv: ByteSink, jsonl: ByteSink) => void): Promise<void> {
    put(this.csv, this.jsonl);
    this.records += count;
    await Promise.all([this.csv.settle(), this.jsonl.settle()]);
  }

  async close(): Promise<WrittenFile[]> {
    const [csvHash, jsonlHash] = await Promise.all([this.csv.close(), this.jsonl.close()]);
    return [
      { path: `${this.name}.csv`, sha512: csvHash, records: this.records },
      { path: `${this.name}.jsonl`, sha512: jsonlHash, records: this.records },
    ];
  }

  async destroy(): Promise<void> {
    await Promise.all([this.csv.destroy(), this.jsonl.destroy()]);
  }
}
