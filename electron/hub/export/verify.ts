/**
 * `safefloor verify`: checks an export the way an auditor would, and more: the manifest signature,
 * every file's SHA-512, the audit chain inside the period (no gap, every link, every entry's own
 * hash), every record against the hash the audit log took when it was written, and — given the
 * previous export — that this one starts where that one ended. Runs in: the hub (plain Node).
 */
import { createHash, hash as digest } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { entryHash, type AuditEntry } from '../db/stores/audit.js';
import { startHashThread, type HashThread } from './hash-thread.js';
import { auditKind, recordKinds } from './kinds.js';
import { allowedSignersName, Manifest, manifestName, signatureName } from './manifest.js';
import { verifySha512 } from './sshsig.js';

export interface VerifyOptions {
  previous?: string;
  /** The auditor's own allowed_signers; without it the copy in the folder is used (and said so). */
  allowedSigners?: string;
}

export type VerifyResult = { ok: true; summary: string; records: number } | { ok: false; failures: string[] };

class Failed extends Error {}

export async function verifyExport(dir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const failures: string[] = [];
  const thread = startHashThread();
  try {
    const { manifest, bytes } = readManifest(dir);
    checkSignature(dir, manifest, bytes, options.allowedSigners ?? join(dir, allowedSignersName), failures);
    // The files' SHA-512s are worked out on the hashing thread while the records are checked here.
    // What the records say counts only once every file is the one the manifest signed.
    const hashes = hashFiles(thread, dir, manifest);
    const content = checkContent(dir, manifest);
    await checkFiles(await hashes, failures);
    const { records, failures: contentFailures, error } = await content;
    failures.push(...contentFailures);
    if (error) throw error;
    if (options.previous) checkPrevious(options.previous, manifest, failures);
    if (failures.length) return { ok: false, failures };
    const c = manifest.chain;
    const summary = [
      `OK: signature by ${manifest.device.principal} (${manifest.device.fingerprint}) good`,
      `${manifest.files.length} files match their SHA-512`,
      `${records} records match the audit log`,
      c ? `chain ${c.firstSeq}–${c.lastSeq} unbroken` : 'no audit entries in the period',
      options.previous ? 'continues the previous export' : null,
      options.allowedSigners ? null : '(key taken from the folder’s own allowed_signers)',
    ]
      .filter(Boolean)
      .join('; ');
    return { ok: true, summary, records };
  } catch (err) {
    if (!(err instanceof Failed)) failures.push((err as Error).message);
    return { ok: false, failures };
  } finally {
    thread.end();
  }
}

/** The chain and the records, with their own failures (and the error that stopped them, if one did). */
async function checkContent(dir: string, manifest: Manifest): Promise<{ records: number; failures: string[]; error: unknown }> {
  const failures: string[] = [];
  try {
    const chain = await checkChain(dir, manifest, failures);
    return { records: await checkRecords(dir, manifest, chain, failures), failures, error: null };
  } catch (error) {
    return { records: 0, failures, error };
  }
}

function readManifest(dir: string): { manifest: Manifest; bytes: Buffer } {
  const file = join(dir, manifestName);
  if (!existsSync(file)) throw new Error(`${manifestName} is missing`);
  const bytes = readFileSync(file);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`${manifestName} is not valid JSON`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new Error(`${manifestName} is not a SafeFloor export manifest (${parsed.error.issues[0]?.path.join('.')})`);
  return { manifest: parsed.data, bytes };
}

function checkSignature(dir: string, manifest: Manifest, bytes: Buffer, signersFile: string, failures: string[]) {
  const sigFile = join(dir, signatureName);
  if (!existsSync(sigFile)) return void failures.push(`${signatureName} is missing`);
  if (!existsSync(signersFile)) return void failures.push(`allowed signers file ${signersFile} is missing`);
  const keys = readFileSync(signersFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => /^(\S+)\s+(?:(\S*namespaces="[^"]*"\S*)\s+)?(ssh-ed25519\s+\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => !!m && m[1]!.split(',').includes(manifest.device.principal))
    .filter((m) => !m[2] || /namespaces="([^"]*)"/.exec(m[2])![1]!.split(',').includes('file'))
    .map((m) => m[3]!);
  if (keys.length === 0) return void failures.push(`no key for ${manifest.device.principal} in ${signersFile}`);
  const hash = createHash('sha512').update(bytes).digest();
  const armored = readFileSync(sigFile, 'utf8');
  if (!keys.some((key) => verifySha512(hash, armored, key))) failures.push(`the signature of ${manifestName} is not good for ${manifest.device.principal}`);
}

type FileHash = { path: string; expected: string; actual: string | null };

/** Each file's SHA-512 (null: the file is missing). */
function hashFiles(thread: HashThread, dir: string, manifest: Manifest): Promise<FileHash[]> {
  return Promise.all(
    manifest.files.map(async (file) => {
      const path = join(dir, file.path);
      return { path: file.path, expected: file.sha512, actual: existsSync(path) ? await thread.hashFile(path) : null };
    }),
  );
}

async function checkFiles(hashes: FileHash[], failures: string[]) {
  for (const file of hashes) {
    if (file.actual === null) failures.push(`${file.path} is missing`);
    else if (file.actual !== file.expected) failures.push(`${file.path} does not match its SHA-512 in the manifest`);
  }
  if (failures.length) throw new Failed();
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

async function checkChain(dir: string, manifest: Manifest, failures: string[]): Promise<ChainIndex> {
  const index: ChainIndex = new Map(recordKinds.map((k) => [k.name, new Map<string, string>()]));
  const c = manifest.chain;
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

async function checkRecords(dir: string, manifest: Manifest, chain: ChainIndex, failures: string[]): Promise<number> {
  let records = 0;
  for (const kind of recordKinds) {
    const name = `${kind.name}.jsonl`;
    if (!manifest.files.some((f) => f.path === name)) continue;
    const recordedOf = chain.get(kind.name)!;
    const canonical = kind.auditedCanonical ?? ((r: Record<string, unknown>) => canonicalJson(kind.audited(r as never)));
    await eachJsonLine(join(dir, name), (line, value) => {
      const recorded = recordedOf.get(String(value.id));
      if (!recorded) {
        failures.push(`${name}:${line}: record ${String(value.id)} has no audit entry in this export`);
      } else {
        if (digest('sha256', canonical(value), 'hex') !== recorded) failures.push(`${name}:${line}: record ${String(value.id)} differs from what the audit log recorded`);
      }
      if (failures.length >= 20) throw new Failed();
      records++;
    });
  }
  return records;
}

function checkPrevious(previousDir: string, manifest: Manifest, failures: string[]) {
  const previous = readManifest(previousDir).manifest;
  if (previous.device.publicKey !== manifest.device.publicKey) failures.push('the previous export was signed by another key');
  if (!previous.chain || !manifest.chain) return;
  if (manifest.chain.firstSeq !== previous.chain.lastSeq + 1 || manifest.chain.prevHash !== previous.chain.lastHash) {
    failures.push(`this export does not start where the previous one ended (previous ended at entry ${previous.chain.lastSeq}, this starts at ${manifest.chain.firstSeq})`);
  }
}

function failWith(failures: string[], message: string): Failed {
  failures.push(message);
  return new Failed(message);
}
