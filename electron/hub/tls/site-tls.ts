/**
 * The site's TLS files in the data folder, made once and renewed when needed. Runs in: the hub.
 *
 *   <data>/tls/ca.crt, ca.key          the site CA (made once; tablets install ca.crt)
 *   <data>/tls/server.crt, server.key  the hub's certificate, signed by the CA
 *
 * The folder and every file are owner-only (0700 / 0600): whoever can read ca.key can make
 * certificates the tablets trust (within the CA's name constraints). The server certificate is
 * made again when it nears its expiry, when the computer's LAN addresses or name are not all in
 * it, or when it was not signed by the CA beside it; the CA itself is never replaced silently.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caPermittedDns, createServerCertificate, createSiteCa, describeCa, readCertificate, type KeyPairPem, type ServerNames } from './certificates.js';
import { tlsDir, type SiteCaFile } from './site-ca.js';

/** A server certificate this close to its end is made again at start. */
const renewBeforeMs = 30 * 24 * 60 * 60_000;

export interface SiteTls {
  key: string;
  cert: string;
  /** The site CA, as tablets download it and compare its fingerprint by hand before trusting it. */
  ca: SiteCaFile;
  names: ServerNames;
  /** True when the server certificate was made (or made again) by this call. */
  renewed: boolean;
}


function writePrivate(file: string, text: string): void {
  // Written beside and renamed into place: a crash never leaves half a key.
  const partial = `${file}.partial`;
  writeFileSync(partial, text, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

function readPair(dir: string, name: string): KeyPairPem | null {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  if (!existsSync(cert) || !existsSync(key)) return null;
  return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
}

function writePair(dir: string, name: string, pair: KeyPairPem): void {
  writePrivate(join(dir, `${name}.key`), pair.keyPem);
  writePrivate(join(dir, `${name}.crt`), pair.certPem);
}

/**
 * Loads the site's TLS files, making the CA on first use and the server certificate whenever the
 * one on disk does not fit `wanted` (names are filtered to what the CA may vouch for).
 */
export async function ensureSiteTls(
  dataDir: string,
  options: { now: number; hostname: string; siteName: string; wanted(caDns: readonly string[]): ServerNames },
): Promise<SiteTls> {
  const dir = tlsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  let ca = readPair(dir, 'ca');
  if (!ca) {
    ca = await createSiteCa({ now: options.now, siteName: options.siteName, hostname: options.hostname });
    writePair(dir, 'ca', ca);
  }
  const names = options.wanted(caPermittedDns(ca.certPem));
  let server = readPair(dir, 'server');
  let renewed = false;
  if (!server || !(await fits(server, ca, names, options.now))) {
    server = await createServerCertificate(ca, names, { now: options.now });
    writePair(dir, 'server', server);
    renewed = true;
  }
  return { key: server.keyPem, cert: server.certPem, ca: describeCa(ca.certPem), names, renewed };
}

async function fits(server: KeyPairPem, ca: KeyPairPem, names: ServerNames, now: number): Promise<boolean> {
  try {
    const facts = readCertificate(server.certPem);
    if (facts.notAfter - now < renewBeforeMs) return false;
    if (!names.dns.every((n) => facts.dns.includes(n)) || !names.ips.every((ip) => facts.ips.includes(ip))) return false;
    return await facts.signedBy(ca.certPem);
  } catch {
    // Unreadable: make a new one (the CA is what tablets trust; the server certificate is ours to replace).
    return false;
  }
}
