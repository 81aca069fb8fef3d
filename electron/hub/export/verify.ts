/**
 * `safefloor verify`: checks an export the way an auditor would, and more: the manifest signature,
 * every file's SHA-512, the audit chain inside the period (no gap, every link, every entry's own
 * hash), every record against the hash the audit log took when it was written, and — given the
 * previous export — that this one starts where that one ended (the files' contents: verify-content.ts).
 * Runs in: the hub (plain Node).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHashThread, type HashThread } from './hash-thread.js';
import { allowedSignersName, Manifest, manifestName, signatureName } from './manifest.js';
import { verifySha512 } from './sshsig.js';
import { checkContent, Failed } from './verify-content.js';

export interface VerifyOptions {
  previous?: string;
  /** The auditor's own allowed_signers; without it the copy in the folder is used (and said so). */
  allowedSigners?: string;
  /** From how many audit entries on the chain is read on a thread of its own (tests set it). */
  chainThreadFrom?: number;
}

export type VerifyResult = { ok: true; summary: string; records: number } | { ok: false; failures: string[] };


export async function verifyExport(dir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const failures: string[] = [];
  const thread = startHashThread();
  try {
    const { manifest, bytes } = readManifest(dir);
    checkSignature(dir, manifest, bytes, options.allowedSigners ?? join(dir, allowedSignersName), failures);
    // The files' SHA-512s are worked out on the hashing thread while the records are checked here.
    // What the records say counts only once every file is the one the manifest signed.
    const hashes = hashFiles(thread, dir, manifest);
    const content = checkContent(dir, manifest, { threadFrom: options.chainThreadFrom });
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

function checkPrevious(previousDir: string, manifest: Manifest, failures: string[]) {
  const previous = readManifest(previousDir).manifest;
  if (previous.device.publicKey !== manifest.device.publicKey) failures.push('the previous export was signed by another key');
  if (!previous.chain || !manifest.chain) return;
  if (manifest.chain.firstSeq !== previous.chain.lastSeq + 1 || manifest.chain.prevHash !== previous.chain.lastHash) {
    failures.push(`this export does not start where the previous one ended (previous ended at entry ${previous.chain.lastSeq}, this starts at ${manifest.chain.firstSeq})`);
  }
}
