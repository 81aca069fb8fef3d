/**
 * OpenSSH signatures (SSHSIG, PROTOCOL.sshsig) with Ed25519 and SHA-512, from node:crypto alone,
 * so that an auditor verifies an export with stock `ssh-keygen -Y verify`. Runs in: the hub.
 * Only Ed25519 and SHA-512 are used: both exist in OpenSSL and in Electron's BoringSSL.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const magic = Buffer.from('SSHSIG');
const keyType = 'ssh-ed25519';
const hashAlgorithm = 'sha512';

/** SSH wire `string`: a uint32 big-endian length, then the bytes. */
function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function readString(buf: Buffer, offset: number): [Buffer, number] {
  if (offset + 4 > buf.length) throw new Error('truncated signature');
  const length = buf.readUInt32BE(offset);
  const end = offset + 4 + length;
  if (end > buf.length) throw new Error('truncated signature');
  return [buf.subarray(offset + 4, end), end];
}

/** The raw 32-byte Ed25519 public key of a key object (private or public). */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('only Ed25519 keys are supported');
  return Buffer.from(jwk.x, 'base64url');
}

/** The key in SSH wire form, as in `ssh-ed25519 AAAA…` lines. */
export const publicKeyBlob = (key: KeyObject) => Buffer.concat([sshString(keyType), sshString(rawPublicKey(key))]);

/** `ssh-ed25519 AAAA…`: the public key as OpenSSH writes it. */
export const sshPublicKey = (key: KeyObject) => `${keyType} ${publicKeyBlob(key).toString('base64')}`;

/** `SHA256:…`, the fingerprint `ssh-keygen -l` shows for the same key. */
export const fingerprint = (key: KeyObject) =>
  `SHA256:${createHash('sha256').update(publicKeyBlob(key)).digest('base64').replace(/=+$/, '')}`;

/** One line of an `allowed_signers` file for this key, limited to the `file` namespace. */
export const allowedSignersLine = (principal: string, key: KeyObject, namespace = 'file') =>
  `${principal} namespaces="${namespace}" ${sshPublicKey(key)}`;

function signedData(namespace: string, messageHash: Buffer): Buffer {
  return Buffer.concat([magic, sshString(namespace), sshString(''), sshString(hashAlgorithm), sshString(messageHash)]);
}

/** Signs a message given as its SHA-512 (so any size can be hashed as a stream first). */
export function signSha512(messageSha512: Buffer, privateKey: KeyObject, namespace = 'file'): string {
  const signature = sign(null, signedData(namespace, messageSha512), privateKey);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([
    magic,
    version,
    sshString(publicKeyBlob(privateKey)),
    sshString(namespace),
    sshString(''),
    sshString(hashAlgorithm),
    sshString(Buffer.concat([sshString(keyType), sshString(signature)])),
  ]);
  const base64 = blob.toString('base64');
  const lines = base64.match(/.{1,70}/g) ?? [];
  // LF only: ssh-keygen rejects a CRLF signature file.
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

export const signMessage = (message: Buffer | string, privateKey: KeyObject, namespace = 'file') =>
  signSha512(createHash('sha512').update(message).digest(), privateKey, namespace);

export interface ParsedSignature {
  publicKey: Buffer;
  namespace: string;
  hashAlgorithm: string;
  signature: Buffer;
}

export function parseArmoredSignature(armored: string): ParsedSignature {
  const match = /-----BEGIN SSH SIGNATURE-----\n([\s\S]*?)\n-----END SSH SIGNATURE-----/.exec(armored);
  if (!match) throw new Error('not an SSH signature');
  const blob = Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64');
  if (!blob.subarray(0, 6).equals(magic) || blob.readUInt32BE(6) !== 1) throw new Error('not an SSHSIG version 1 signature');
  // After the magic and the version: five strings in order.
  const fields: Buffer[] = [];
  let offset = 10;
  for (let i = 0; i < 5; i++) {
    const [field, next] = readString(blob, offset);
    fields.push(field);
    offset = next;
  }
  const [publicKey, namespace, , hash, sigField] = fields as [Buffer, Buffer, Buffer, Buffer, Buffer];
  const [type, next] = readString(sigField, 0);
  if (type.toString() !== keyType) throw new Error(`unsupported signature type ${type.toString()}`);
  const [signature] = readString(sigField, next);
  return { publicKey, namespace: namespace.toString(), hashAlgorithm: hash.toString(), signature };
}

/** Checks an armored SSHSIG over a message hash against the `ssh-ed25519 AAAA…` key expected. */
export function verifySha512(messageSha512: Buffer, armored: string, expectedKey: string, namespace = 'file'): boolean {
  let parsed: ParsedSignature;
  try {
    parsed = parseArmoredSignature(armored);
  } catch {
    return false;
  }
  const [type, base64] = expectedKey.trim().split(/\s+/);
  if (type !== keyType || !base64 || !parsed.publicKey.equals(Buffer.from(base64, 'base64'))) return false;
  if (parsed.namespace !== namespace || parsed.hashAlgorithm !== hashAlgorithm) return false;
  const [, rawKeyAt] = readString(parsed.publicKey, 0);
  const [raw] = readString(parsed.publicKey, rawKeyAt);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  return verify(null, signedData(namespace, messageSha512), key, parsed.signature);
}
