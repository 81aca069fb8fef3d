/**
 * Writes one record kind as a CSV and a JSON Lines file side by side, hashing each with SHA-512 as
 * it goes (so the manifest costs no second read). Runs in: the hub.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { csvLine, utf8Bom } from './csv.js';
import type { ExportRecord, TimeText } from './kinds.js';

/**
 * Lines are gathered into short strings (a few dozen lines) that are encoded straight into a
 * buffer of `chunkBytes`, which is hashed and written whole when full. Encoding line by line
 * costs a call per line; joining a whole page into one string first costs more still (a rope of
 * thousands of pieces, flattened and collected in the old generation).
 */
const gatherChars = 16 * 1024;
const chunkBytes = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit: text of n units always fits in 3n bytes. */
const maxBytesPerUnit = 3;

class HashedFile {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha512');
  private failure: Error | null = null;
  private chunk = Buffer.allocUnsafe(chunkBytes);
  private used = 0;
  private gathered = '';
  private mustDrain = false;

  constructor(readonly path: string) {
    // Room for a few chunks in flight: the disk writes run on the thread pool meanwhile.
    this.stream = createWriteStream(path, { flags: 'wx', highWaterMark: 8 * chunkBytes });
    // Kept, not thrown from an event: the next write or close reports it (disk full, say).
    this.stream.on('error', (err) => (this.failure ??= err));
  }

  /** Appends text (a line or a few); it reaches the file and the hash in order, a chunk at a time. */
  add(text: string): void {
    this.gathered += text;
    if (this.gathered.length >= gatherChars) this.encode();
  }

  private encode(): void {
    const text = this.gathered;
    this.gathered = '';
    if (this.used + text.length * maxBytesPerUnit > chunkBytes) {
      this.flush();
      if (text.length * maxBytesPerUnit > chunkBytes) return this.send(Buffer.from(text, 'utf8'));
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.gathered !== '') this.encode();
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    // The stream keeps the buffer until it is written: the next lines go into a new one.
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    this.used = 0;
    this.send(full);
  }

  private send(bytes: Buffer): void {
    this.hash.update(bytes);
    if (!this.stream.write(bytes)) this.mustDrain = true;
  }

  /** Waits while the disk is behind (so memory stays bounded) and reports a failed write. */
  async settle(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.mustDrain) {
      this.mustDrain = false;
      await once(this.stream, 'drain');
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<string> {
    this.flush();
    await this.settle();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    return this.hash.digest('hex');
  }

  destroy() {
    this.stream.destroy();
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
  ) {
    this.csv = new HashedFile(join(dir, `${name}.csv`));
    this.jsonl = new HashedFile(join(dir, `${name}.jsonl`));
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

  async close(): Promise<WrittenFile[]> {
    const [csvHash, jsonlHash] = await Promise.all([this.csv.close(), this.jsonl.close()]);
    return [
      { path: `${this.name}.csv`, sha512: csvHash, records: this.records },
      { path: `${this.name}.jsonl`, sha512: jsonlHash, records: this.records },
    ];
  }

  destroy() {
    this.csv.destroy();
    this.jsonl.destroy();
  }
}
