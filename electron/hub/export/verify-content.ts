/**
 * What verify reads inside an export's files: the audit chain (no gap, every link, every entry's
 * own hash) and every record against the hash the audit log took when it was written.
 * Runs in: the hub (plain Node); for a big export the chain is read on a worker thread.
 *
 * Both files of a million entries each are read line by line; that is most of verify's work.
 * So the chain (audit_log.jsonl, verify-chain.ts) is read on a thread of its own while the event
 * loop reads and hashes the records (verify-records.ts); the thread then hands over its index of
 * record hashes (moved, not copied) and each record is held against it here. Failures come out in
 * the same order and words either way.
 */
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { auditKind, recordKinds } from './kinds.js';
import type { Manifest } from './manifest.js';
import { chainTask, Failed, readChain, type ChainIndex, type ChainWorkerData, type FromChainWorker } from './verify-chain.js';
import { fastPresenceLine } from './verify-fast.js';
import { RecordHashIndex } from './verify-index.js';
import { hashRecords, joinRecords, type HashedRecords, type KindReader } from './verify-records.js';
import { startTaskWorker } from './worker-task.js';

export { Failed };

/** From this many audit entries on, the chain is read on a thread of its own. */
export const chainThreadFrom = 50_000;

export interface ContentResult {
  records: number;
  failures: string[];
  /** What stopped the checks: Failed (its failures are listed) or an error to report. */
  error: unknown;
}

/** The fast paths verify has, by kind (a test holds each to the kind's own canonical form). */
const fastPaths: Record<string, KindReader['fast']> = { presence_events: fastPresenceLine };

/** How many records of a kind the manifest counts. */
const recordsOf = (manifest: Manifest, name: string) => manifest.files.find((f) => f.path === `${name}.jsonl`)?.records ?? 0;

function readerOf(kind: (typeof recordKinds)[number]): KindReader {
  const canonical = kind.auditedCanonical ?? ((r: Record<string, unknown>) => canonicalJson(kind.audited(r as never)));
  return { name: kind.name, canonical, fast: fastPaths[kind.name] };
}

/** The chain and the records, with their own failures. */
export async function checkContent(dir: string, manifest: Manifest, options: { threadFrom?: number } = {}): Promise<ContentResult> {
  const entries = manifest.chain ? manifest.chain.lastSeq - manifest.chain.firstSeq + 1 : 0;
  const files = recordKinds.filter((kind) => manifest.files.some((f) => f.path === `${kind.name}.jsonl`));
  const kindNames = recordKinds.map((k) => k.name);
  const worker =
    entries >= (options.threadFrom ?? chainThreadFrom)
      ? startTaskWorker('verify-chain-worker', chainModuleUrl(), { task: chainTask, dir, auditName: auditKind.name, chain: manifest.chain, kindNames } satisfies ChainWorkerData)
      : null;
  if (!worker) return checkHere(dir, manifest, files, kindNames);
  // The records are read and hashed here meanwhile, then held against the chain's index.
  const chainRead = new Promise<ChainIndex>((resolve, reject) => {
    worker.on('message', (m: FromChainWorker) => {
      if ('indexes' in m) resolve(new Map(m.indexes.map(([name, data]) => [name, new RecordHashIndex(data)])));
      else reject(Object.assign(m.failed ? new Failed() : new Error(m.error ?? 'the audit chain could not be read'), { failures: m.failures }));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the thread reading the audit chain stopped')));
  });
  chainRead.catch(() => undefined);
  const kinds: HashedRecords[] = [];
  for (const kind of files) kinds.push(await hashRecords(dir, readerOf(kind), { yieldToLoop: true }, recordsOf(manifest, kind.name)));
  let indexes: ChainIndex;
  try {
    indexes = await chainRead;
  } catch (error) {
    return { records: 0, failures: (error as { failures?: string[] }).failures ?? [], error };
  }
  const failures: string[] = [];
  try {
    return { records: joinRecords(indexes, kinds, failures), failures, error: null };
  } catch (error) {
    return { records: 0, failures, error };
  }
}

/** The chain's module, which the worker runs (in a bundle: the bundle, where verify-chain.ts is too). */
function chainModuleUrl(): string | undefined {
  const url = (import.meta as { url?: string }).url;
  return url?.endsWith('.ts') ? new URL('./verify-chain.ts', url).href : url;
}

async function checkHere(dir: string, manifest: Manifest, files: ReadonlyArray<(typeof recordKinds)[number]>, kindNames: string[]): Promise<ContentResult> {
  const failures: string[] = [];
  try {
    const indexes = await readChain(dir, auditKind.name, manifest.chain, kindNames, failures);
    const kinds: HashedRecords[] = [];
    for (const kind of files) kinds.push(await hashRecords(dir, readerOf(kind), {}, recordsOf(manifest, kind.name)));
    return { records: joinRecords(indexes, kinds, failures), failures, error: null };
  } catch (error) {
    return { records: 0, failures, error };
  }
}
