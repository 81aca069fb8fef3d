/**
 * Writes one record kind as a CSV and a JSON Lines file side by side, hashing each with SHA-512 as
 * it goes (so the manifest costs no second read). Runs in: the hub.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { csvLine, utf8Bom } from './csv.js';
import type { ExportRecord } from './kinds.js';

class HashedFile {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha512');
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'wx' });
    // Kept, not thrown from an event: the next write or close reports it (disk full, say).
    this.stream.on('error', (err) => (this.failure ??= err));
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    const bytes = Buffer.from(text, 'utf8');
    this.hash.update(bytes);
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<string> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    return this.hash.digest('hex');
  }

  destroy() {
    this.stream.destroy();
  }
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
    await this.csv.write(utf8Bom + csvLine(labels));
  }

  /** Writes a page of records with one write per file (not one per record). */
  async writePage(records: readonly ExportRecord[]): Promise<void> {
    let csv = '';
    let jsonl = '';
    for (const record of records) {
      csv += csvLine(this.csvFields.map((f) => record[f]));
      const ordered: ExportRecord = {};
      for (const f of this.jsonFields) ordered[f] = record[f] ?? null;
      jsonl += `${JSON.stringify(ordered)}\n`;
    }
    this.records += records.length;
    await Promise.all([this.csv.write(csv), this.jsonl.write(jsonl)]);
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
