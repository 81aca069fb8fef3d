/**
 * The audit log's part of an export: the period's entries checked link by link and written as
 * audit_log.csv and audit_log.jsonl. Runs in: the hub; for a big export, on a worker thread.
 *
 * An export of a million records carries a million audit entries too, and reading, checking and
 * writing them is half its work. On a thread of its own (with its own read-only connection) that
 * half runs beside the records on the machine's other core (the thread runs this same module, see
 * worker-task.ts). A small export stays on the event loop, where starting a thread would cost
 * more than it saves.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from '../db/port.js';
import { openSqliteReader } from '../db/sqlite.js';
import { entryHash, genesisHash } from '../db/stores/audit.js';
import { auditEntry, auditLines, auditStretch, type AuditLines } from '../db/stores/export.js';
import { checkAuditLines, putAuditLines } from './audit-lines.js';
import { KindWriter, type WrittenFile } from './file-writer.js';
import { startHashThread, type HashThread } from './hash-thread.js';
import { auditKind } from './kinds.js';
import { exportTimes } from './local-time.js';
import type { Manifest } from './manifest.js';
import { exportPageSize } from './pages.js';
import { ExportRefused, type RefusedReason } from './refused.js';
import { startTaskWorker } from './worker-task.js';

export interface AuditPassInput {
  /** The folder the export is written in. */
  dir: string;
  /** The CSV's column headings, translated. */
  labels: string[];
  timeZone: string;
  /** The period's audit entries (null: none). */
  range: { firstSeq: number; lastSeq: number } | null;
}

export interface AuditPassResult {
  files: WrittenFile[];
  chain: Manifest['chain'];
}

/**
 * The pass itself, reading through `readers` (at least one; the first also serves the row-by-row
 * way). `step(n)` is told of each page written and throws to stop the pass.
 */
export async function auditPass(readers: readonly Queryable[], thread: HashThread, input: AuditPassInput, step: (n: number) => void): Promise<AuditPassResult> {
  const { range } = input;
  const db = readers[0]!;
  const time = exportTimes(input.timeZone);
  const writer = new KindWriter(input.dir, auditKind.name, auditKind.jsonFields, auditKind.csvFields, thread);
  try {
    await writer.header(input.labels);
    let chain: Manifest['chain'] = null;
    if (range) {
      const before = range.firstSeq > 1 ? await auditEntry(db, range.firstSeq - 1) : undefined;
      if (range.firstSeq > 1 && !before) throw new ExportRefused('chain_broken', `audit entry ${range.firstSeq - 1} is missing`);
      if (before && entryHash(before) !== before.hash) throw new ExportRefused('chain_broken', `audit entry ${before.seq} was changed`);
      let prev = before?.hash ?? genesisHash;
      let firstHash = '';
      // Stretches of a page each, read ahead one per reader: SQLite writes the next ones' lines,
      // each on a connection of its own, while this one is checked and copied.
      type Stretch = { after: number; upTo: number; lines: Promise<AuditLines | undefined> };
      const ahead: Stretch[] = [];
      let readTo = range.firstSeq - 1;
      let reads = 0;
      const readAhead = () => {
        while (ahead.length < readers.length && readTo < range.lastSeq) {
          const after = readTo;
          readTo = Math.min(after + exportPageSize, range.lastSeq);
          // A query that fails (json_quote refuses a BLOB where text belongs) leaves the stretch to the rows.
          const lines = auditLines(readers[reads++ % readers.length]!, after, readTo).catch(() => undefined);
          ahead.push({ after, upTo: readTo, lines });
        }
      };
      readAhead();
      for (let next = ahead.shift(); next; next = ahead.shift()) {
        const { after, upTo } = next;
        const page = await next.lines;
        readAhead();
        const count = upTo - after;
        const lines = page?.odd === 0 && page.n === count ? page.lines : null;
        const entries = lines ? checkAuditLines(lines, count, { expected: after + 1, prev }) : null;
        if (lines && entries) {
          firstHash ||= entries.firstHash;
          prev = entries.lastHash;
          await writer.writeBytes(count, (csv, jsonl) => putAuditLines(lines, entries, time.putLocal, csv, jsonl));
        } else {
          // Not the plain, whole chain SQLite's lines can stand for: entry by entry, which words
          // any fault.
          const rows = await auditStretch(db, after, upTo);
          let expected = after + 1;
          for (const entry of rows) {
            if (entry.seq !== expected) throw new ExportRefused('chain_broken', `audit entry ${expected} is missing`);
            if (entry.prev_hash !== prev) throw new ExportRefused('chain_broken', `audit entry ${entry.seq} does not link to the one before it`);
            if (entryHash(entry) !== entry.hash) throw new ExportRefused('chain_broken', `audit entry ${entry.seq} was changed`);
            firstHash ||= entry.hash;
            prev = entry.hash;
            expected++;
          }
          if (expected !== upTo + 1) throw new ExportRefused('chain_broken', `audit entry ${expected} is missing`);
          await writer.writeRows(rows, auditKind, time);
        }
        step(count);
      }
      chain = { firstSeq: range.firstSeq, firstHash, lastSeq: range.lastSeq, lastHash: prev, prevHash: before?.hash ?? genesisHash };
    }
    return { files: await writer.close(), chain };
  } catch (err) {
    await writer.destroy();
    throw err;
  }
}

/** From this many entries on, the pass gets a thread of its own. */
export const auditThreadFrom = 50_000;

/**
 * Read-only connections the thread reads through. SQLite writing a page's lines takes about as
 * long as the thread takes to check and copy them, and one connection runs one query at a time:
 * with one, the thread waited 3.0-3.3 s of a 5.5-5.8 s pass for its pages; with two, 1.2-1.7 s,
 * and a million-record export took 4.8-5.4 s instead of 5.8-6.2 s (three does no better).
 */
export const auditReaders = 2;

export interface RunningPass {
  result: Promise<AuditPassResult>;
  /** Stops the pass (its files closed, not finished); `result` then rejects. */
  stop(): void;
}

type AuditRange = AuditPassInput['range'];

/**
 * Runs the pass: on a worker thread when the audit log is big, else here. The thread starts at
 * once and readies its connections and files while `range` is still being found (starting it took
 * 0.1-0.25 s, as long as finding the range and counting the records): the pass itself begins when
 * `range` resolves; should it reject, the pass stops. `logSize` bounds the period's entries (the
 * whole log's). `step` is called here either way and may throw to stop it.
 */
export function runAuditPass(
  db: Queryable & { file: string },
  thread: HashThread,
  input: Omit<AuditPassInput, 'range'>,
  range: Promise<AuditRange>,
  step: (n: number) => void,
  options: { logSize: number; threadFrom?: number },
): RunningPass {
  const worker = options.logSize >= (options.threadFrom ?? auditThreadFrom) ? startTaskWorker('export-audit-worker', (import.meta as { url?: string }).url, { task: workerTask, dbFile: db.file, input } satisfies WorkerData) : null;
  if (!worker) {
    let stopped = false;
    const result = range.then((r) =>
      auditPass([db], thread, { ...input, range: r }, (n) => {
        if (stopped) throw new ExportRefused('cancelled', 'the export was cancelled');
        step(n);
      }),
    );
    return { result, stop: () => (stopped = true) };
  }
  const stop = () => worker.postMessage({ type: 'stop' } satisfies ToWorker);
  range.then((r) => worker.postMessage({ type: 'range', range: r } satisfies ToWorker), stop);
  const result = new Promise<AuditPassResult>((resolve, reject) => {
    let stepError: unknown = null;
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') {
        if (stepError) return;
        try {
          step(m.n);
        } catch (err) {
          stepError = err;
          stop();
        }
      } else if (m.type === 'done') resolve(m.result);
      else reject(stepError ?? (m.reason ? new ExportRefused(m.reason, m.message) : new Error(m.message)));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the audit log’s export thread stopped')));
  });
  return { result, stop };
}

const workerTask = 'safefloor-export-audit-pass';

interface WorkerData {
  task: typeof workerTask;
  dbFile: string;
  input: Omit<AuditPassInput, 'range'>;
}

type ToWorker = { type: 'range'; range: AuditRange } | { type: 'stop' };

type FromWorker =
  | { type: 'progress'; n: number }
  | { type: 'done'; result: AuditPassResult }
  | { type: 'failed'; reason: RefusedReason | null; message: string };

/** The worker's side: the pass through connections of its own, once told its range, reporting each page. */
async function serveWorker(data: WorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  let stopped = false;
  let told: (range: AuditRange | undefined) => void = () => undefined;
  const range = new Promise<AuditRange | undefined>((resolve) => (told = resolve));
  port.on('message', (m: ToWorker) => {
    if (m?.type === 'stop') {
      stopped = true;
      told(undefined);
    } else if (m?.type === 'range') told(m.range);
  });
  const thread = startHashThread();
  try {
    const readers: Array<Awaited<ReturnType<typeof openSqliteReader>>> = [];
    try {
      for (let i = 0; i < auditReaders; i++) readers.push(await openSqliteReader(data.dbFile));
      const r = await range;
      if (stopped || r === undefined) throw new ExportRefused('cancelled', 'the export was cancelled');
      const result = await auditPass(readers, thread, { ...data.input, range: r }, (n) => {
        if (stopped) throw new ExportRefused('cancelled', 'the export was cancelled');
        port.postMessage({ type: 'progress', n } satisfies FromWorker);
      });
      port.postMessage({ type: 'done', result } satisfies FromWorker);
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
    }
  } catch (err) {
    port.postMessage({ type: 'failed', reason: err instanceof ExportRefused ? err.reason : null, message: (err as Error)?.message ?? String(err) } satisfies FromWorker);
  } finally {
    thread.end();
    port.close();
  }
}

if (!isMainThread && parentPort && (workerData as WorkerData | undefined)?.task === workerTask) void serveWorker(workerData as WorkerData, parentPort);
