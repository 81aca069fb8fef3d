/**
 * What verify reads inside an export's files: the audit chain (no gap, every link, every entry's
 * own hash) and every record against the hash the audit log took when it was written.
 * Runs in: the hub (plain Node); for a big export the chain is read on a worker thread.
 *
 * Both files of a million entries each are parsed line by line; that is most of verify's work.
 * So the chain (audit_log.jsonl) is read on a thread of its own (worker-task.ts) while the event
 * loop reads the records and hashes each; the thread then holds each record's hash against the
 * one its audit entry took. Failures come out in the same order and words either way.
 */
import { hash as digest } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { entryHash, type AuditEntry } from '../db/stores/audit.js';
import { auditKind, recordKinds } from './kinds.js';
import type { Manifest } from './manifest.js';
import { startTaskWorker } from './worker-task.js';

/** Ends the checks after failures were already listed. */
export class Failed extends Error {}

function failWith(failures: string[], message: string): Failed {
  failures.push(message);
  return new Failed(message);
}

/** Calls `each` for every line of a JSON Lines file, synchronously within each large chunk. */
async function eachJsonLine(file: string, each: (line: number, value: Record<string, unknown>) => void): Promise<void> {
  // Split by hand in large chunks: per-line promises (readline, async generators) dominate at
  // millions of lines.
  let line = 0;
  let rest = '';
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${file}:${line} is not valid JSON`);
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    let end: number;
    while ((end = text.indexOf('\n', start)) >= 0) {
      line++;
      if (end > start) each(line, parse(text.slice(start, end)));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.trim()) each(++line, parse(rest));
}

/** The hash the audit log took of each record when it was written: by entity, then by id. */
type ChainIndex = Map<string, Map<string, string>>;

async function readChain(dir: string, chain: Manifest['chain'], failures: string[]): Promise<ChainIndex> {
  const index: ChainIndex = new Map(recordKinds.map((k) => [k.name, new Map<string, string>()]));
  const c = chain;
  let expected = c?.firstSeq ?? 1;
  let prev = c?.prevHash ?? '';
  let count = 0;
  await eachJsonLine(join(dir, `${auditKind.name}.jsonl`), (line, value) => {
    const entry = value as unknown as AuditEntry;
    if (!c) throw failWith(failures, `${auditKind.name}.jsonl has entries but the manifest has no chain`);
    if (entry.seq !== expected) throw failWith(failures, `audit entry ${expected} is missing (line ${line} has ${entry.seq})`);
    if (entry.prev_hash !== prev) throw failWith(failures, `audit entry ${entry.seq} does not link to the one before it`);
    if (entryHash(entry) !== entry.hash) throw failWith(failures, `audit entry ${entry.seq} was changed`);
    index.get(entry.entity)?.set(String(entry.entity_id), entry.record_hash);
    prev = entry.hash;
    expected++;
    count++;
  });
  if (c) {
    if (expected !== c.lastSeq + 1) throw failWith(failures, `the chain ends at ${expected - 1}, the manifest says ${c.lastSeq}`);
    if (prev !== c.lastHash) throw failWith(failures, 'the last audit entry is not the one the manifest names');
    if (count === 0) throw failWith(failures, 'the manifest names a chain but audit_log.jsonl is empty');
  }
  return index;
}

/** One kind's records as read: each line's number, id and SHA-256 (32 bytes each, in `digests`). */
interface HashedRecords {
  name: string;
  count: number;
  lines: Int32Array;
  ids: string[];
  digests: Uint8Array;
  /** Records whose canonical form could not be made, by index: the message it failed with. */
  problems: Array<[number, string]>;
  /** What stopped the reading (a line that is not JSON, say), after the records before it. */
  end: string | null;
}

/** Reads one kind's records and hashes each, as the audit log hashed them when they were written. */
async function hashRecords(dir: string, kind: (typeof recordKinds)[number]): Promise<HashedRecords> {
  const name = `${kind.name}.jsonl`;
  const canonical = kind.auditedCanonical ?? ((r: Record<string, unknown>) => canonicalJson(kind.audited(r as never)));
  let capacity = 1 << 16;
  let lines = new Int32Array(capacity);
  let digests = new Uint8Array(capacity * 32);
  const ids: string[] = [];
  const problems: Array<[number, string]> = [];
  let count = 0;
  let end: string | null = null;
  try {
    await eachJsonLine(join(dir, name), (line, value) => {
      const id = String(value.id);
      if (count === capacity) {
        capacity *= 2;
        const moreLines = new Int32Array(capacity);
        moreLines.set(lines);
        lines = moreLines;
        const moreDigests = new Uint8Array(capacity * 32);
        moreDigests.set(digests);
        digests = moreDigests;
      }
      try {
        digests.set(digest('sha256', canonical(value), 'buffer'), count * 32);
      } catch (err) {
        problems.push([count, (err as Error)?.message ?? String(err)]);
      }
      lines[count] = line;
      ids.push(id);
      count++;
    });
  } catch (err) {
    end = (err as Error)?.message ?? String(err);
  }
  return { name, count, lines, ids, digests, problems, end };
}

/** Holds each record's hash against its audit entry's: the failures (20 at most), then what stopped the reading. */
function joinRecords(index: ChainIndex, kinds: HashedRecords[], failures: string[]): number {
  let records = 0;
  for (const r of kinds) {
    const recordedOf = index.get(r.name.replace(/\.jsonl$/, ''))!;
    const problems = new Map(r.problems);
    const digests = Buffer.from(r.digests.buffer, r.digests.byteOffset, r.digests.byteLength);
    for (let i = 0; i < r.count; i++) {
      const recorded = recordedOf.get(r.ids[i]!);
      if (!recorded) {
        failures.push(`${r.name}:${r.lines[i]}: record ${r.ids[i]} has no audit entry in this export`);
      } else {
        const problem = problems.get(i);
        if (problem !== undefined) throw new Error(problem);
        if (digests.toString('hex', i * 32, i * 32 + 32) !== recorded) failures.push(`${r.name}:${r.lines[i]}: record ${r.ids[i]} differs from what the audit log recorded`);
      }
      if (failures.length >= 20) throw new Failed();
      records++;
    }
    if (r.end !== null) throw new Error(r.end);
  }
  return records;
}

/** From this many audit entries on, the chain is read on a thread of its own. */
export const chainThreadFrom = 50_000;

export interface ContentResult {
  records: number;
  failures: string[];
  /** What stopped the checks: Failed (its failures are listed) or an error to report. */
  error: unknown;
}

/** The chain and the records, with their own failures. */
export async function checkContent(dir: string, manifest: Manifest, options: { threadFrom?: number } = {}): Promise<ContentResult> {
  const entries = manifest.chain ? manifest.chain.lastSeq - manifest.chain.firstSeq + 1 : 0;
  const files = recordKinds.filter((kind) => manifest.files.some((f) => f.path === `${kind.name}.jsonl`));
  if (entries < (options.threadFrom ?? chainThreadFrom)) return checkHere(dir, manifest, files);
  const data: WorkerData = { task: workerTask, dir, chain: manifest.chain };
  const worker = startTaskWorker((import.meta as { url?: string }).url, data);
  if (!worker) return checkHere(dir, manifest, files);
  // The records are read and hashed here meanwhile, then handed over to be held against the chain.
  const answers = new Promise<ContentResult>((resolve, reject) => {
    worker.on('message', (m: FromWorker) => resolve({ records: m.records, failures: m.failures, error: m.failed ? new Failed() : m.error === null ? null : new Error(m.error) }));
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the thread reading the audit chain stopped')));
  });
  answers.catch(() => undefined);
  const kinds: HashedRecords[] = [];
  for (const kind of files) kinds.push(await hashRecords(dir, kind));
  worker.postMessage(
    { kinds },
    kinds.flatMap((k) => [k.lines.buffer as ArrayBuffer, k.digests.buffer as ArrayBuffer]),
  );
  try {
    return await answers;
  } catch (error) {
    return { records: 0, failures: [], error };
  }
}

async function checkHere(dir: string, manifest: Manifest, files: Array<(typeof recordKinds)[number]>): Promise<ContentResult> {
  const failures: string[] = [];
  try {
    const index = await readChain(dir, manifest.chain, failures);
    const kinds: HashedRecords[] = [];
    for (const kind of files) kinds.push(await hashRecords(dir, kind));
    return { records: joinRecords(index, kinds, failures), failures, error: null };
  } catch (error) {
    return { records: 0, failures, error };
  }
}

const workerTask = 'safefloor-verify-chain';

interface WorkerData {
  task: typeof workerTask;
  dir: string;
  chain: Manifest['chain'];
}

interface FromWorker {
  records: number;
  failures: string[];
  failed: boolean;
  error: string | null;
}

/** The worker's side: the chain first, then the records it is handed. */
async function serveWorker(data: WorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const failures: string[] = [];
  const answer = (records: number, error: unknown) =>
    port.postMessage({ records, failures, failed: error instanceof Failed, error: error && !(error instanceof Failed) ? ((error as Error)?.message ?? String(error)) : null } satisfies FromWorker);
  let index: ChainIndex | null = null;
  let chainError: unknown = null;
  const chainRead = readChain(data.dir, data.chain, failures).then(
    (read) => void (index = read),
    (err: unknown) => void (chainError = err),
  );
  port.once('message', (m: { kinds: HashedRecords[] }) => {
    void chainRead.then(() => {
      try {
        if (chainError) answer(0, chainError);
        else answer(joinRecords(index!, m.kinds, failures), null);
      } catch (err) {
        answer(0, err);
      }
      port.close();
    });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerData | undefined)?.task === workerTask) void serveWorker(workerData as WorkerData, parentPort);
