/**
 * Verify's reading of the audit chain (audit_log.jsonl): no gap, every link, every entry's own
 * hash; and, for the record kinds the export carries, the hash each record had when it was
 * written (the last entry for a record counts). For a big export it runs on a worker thread of its
 * own while the event loop reads the records (verify-content.ts).
 * Runs in: the hub (plain Node), on the event loop or on a worker thread.
 *
 * Lines in the shape the export writes take the fast path (verify-fast.ts); any other line is
 * read with JSON.parse and checked exactly as before the fast path existed, in the same words.
 */
import { hash as digest } from 'node:crypto';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { entryHash, type AuditEntry } from '../db/stores/audit.js';
import type { Manifest } from './manifest.js';
import { fastAuditLine, textAt, type AuditLine } from './verify-fast.js';
import { RecordHashIndex, type IndexData } from './verify-index.js';
import { eachLine } from './verify-lines.js';

/** Ends the checks after failures were already listed. */
export class Failed extends Error {}

export function failWith(failures: string[], message: string): Failed {
  failures.push(message);
  return new Failed(message);
}

/** JSON.parse of one line, failing in verify's words. */
export function parseLine(file: string, line: number, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${file}:${line} is not valid JSON`);
  }
}

/** The record hash index of each record kind (by its name, the audit log's `entity`). */
export type ChainIndex = Map<string, RecordHashIndex>;

/**
 * Reads the chain in `<dir>/<auditName>.jsonl`; failures are listed in `failures` and end it
 * with Failed; anything else wrong (a line that is not JSON, a missing file) ends it with an Error.
 */
export async function readChain(dir: string, auditName: string, chain: Manifest['chain'], kindNames: readonly string[], failures: string[]): Promise<ChainIndex> {
  // Sized for every entry at once (up to a point), rather than grown step by step.
  const entries = chain ? Math.min(Math.max(chain.lastSeq - chain.firstSeq + 1, 0), 1 << 22) : 0;
  const indexes: ChainIndex = new Map(kindNames.map((name) => [name, new RecordHashIndex(entries)]));
  const names = [...indexes.keys()];
  const named = [...indexes.values()];
  const file = join(dir, `${auditName}.jsonl`);
  const c = chain;
  let expected = c?.firstSeq ?? 1;
  let prev: unknown = c?.prevHash ?? '';
  let count = 0;
  const scratch: AuditLine = { canonical: '', seq: 0, entity: 0, entityEnd: 0, entityIdNumber: 0, entityId: null, recordHash: 0, recordHashEnd: 0, prevHash: 0, prevHashEnd: 0, hash: 0, hashEnd: 0 };

  const general = (line: number, value: Record<string, unknown>) => {
    const entry = value as unknown as AuditEntry;
    if (!c) throw failWith(failures, `${auditName}.jsonl has entries but the manifest has no chain`);
    if (entry.seq !== expected) throw failWith(failures, `audit entry ${expected} is missing (line ${line} has ${entry.seq})`);
    if (entry.prev_hash !== prev) throw failWith(failures, `audit entry ${entry.seq} does not link to the one before it`);
    if (entryHash(entry) !== entry.hash) throw failWith(failures, `audit entry ${entry.seq} was changed`);
    indexes.get(entry.entity)?.set(String(entry.entity_id), entry.record_hash);
    prev = entry.hash;
    expected++;
    count++;
  };

  await eachLine(file, (text, start, end, line, clean) => {
    const e = clean ? fastAuditLine(text, start, end, scratch) : null;
    if (e === null) return general(line, parseLine(file, line, text.slice(start, end)));
    if (!c) throw failWith(failures, `${auditName}.jsonl has entries but the manifest has no chain`);
    if (e.seq !== expected) throw failWith(failures, `audit entry ${expected} is missing (line ${line} has ${e.seq})`);
    if (typeof prev !== 'string' || e.prevHashEnd - e.prevHash !== prev.length || !textAt(text, e.prevHash, prev)) {
      throw failWith(failures, `audit entry ${e.seq} does not link to the one before it`);
    }
    const own = digest('sha256', e.canonical, 'hex');
    if (e.hashEnd - e.hash !== own.length || !textAt(text, e.hash, own)) throw failWith(failures, `audit entry ${e.seq} was changed`);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const index = named[i]!;
      if (e.entityEnd - e.entity === name.length && textAt(text, e.entity, name)) {
        if (e.entityIdNumber === e.entityIdNumber) index.setHexOf(e.entityIdNumber, text, e.recordHash, e.recordHashEnd);
        else index.set(e.entityId ?? 'null', text.slice(e.recordHash, e.recordHashEnd));
        break;
      }
    }
    prev = own;
    expected++;
    count++;
  });
  if (c) {
    if (expected !== c.lastSeq + 1) throw failWith(failures, `the chain ends at ${expected - 1}, the manifest says ${c.lastSeq}`);
    if (prev !== c.lastHash) throw failWith(failures, 'the last audit entry is not the one the manifest names');
    if (count === 0) throw failWith(failures, `the manifest names a chain but ${auditName}.jsonl is empty`);
  }
  return indexes;
}

export const chainTask = 'safefloor-verify-chain';

export interface ChainWorkerData {
  task: typeof chainTask;
  dir: string;
  auditName: string;
  chain: Manifest['chain'];
  kindNames: string[];
}

/** What the chain's thread answers: the indexes, or what stopped it. */
export type FromChainWorker =
  | { indexes: Array<[string, IndexData]> }
  | { failures: string[]; failed: boolean; error: string | null };

/** The worker's side: reads the chain and posts the indexes (their arrays moved) or what stopped it. */
async function serveWorker(data: ChainWorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const failures: string[] = [];
  try {
    const indexes = await readChain(data.dir, data.auditName, data.chain, data.kindNames, failures);
    const posted = [...indexes].map(([name, index]) => [name, index.toData()] as [string, IndexData]);
    port.postMessage({ indexes: posted } satisfies FromChainWorker, [...indexes.values()].flatMap((index) => index.transferList()));
  } catch (error) {
    const failed = error instanceof Failed;
    port.postMessage({ failures, failed, error: failed ? null : ((error as Error)?.message ?? String(error)) } satisfies FromChainWorker);
  }
  port.close();
}

if (!isMainThread && parentPort && (workerData as ChainWorkerData | undefined)?.task === chainTask) void serveWorker(workerData as ChainWorkerData, parentPort);
