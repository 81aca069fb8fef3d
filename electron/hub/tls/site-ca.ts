/**
 * The site CA as the download page offers it (`/ca`, `/ca.crt`, `/ca.der`), with or without LAN
 * access. Runs in: the hub.
 *
 * Every `safefloor serve` reads it on start, but most sites never make one: the X.509 library
 * (certificates.ts, about 4 MB of the hub's heap) is loaded only when there is a CA to describe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const tlsDir = (dataDir: string) => join(dataDir, 'tls');

export interface SiteCaFile {
  certPem: string;
  /** SHA-256 of the certificate, AA:BB:… — compared by hand on each tablet before trusting it. */
  fingerprint: string;
  /** The certificate in DER (binary), which some phones want for a download. */
  der: Buffer;
}

/** The site CA, if one was made. */
export async function readSiteCa(dataDir: string): Promise<SiteCaFile | null> {
  const file = join(tlsDir(dataDir), 'ca.crt');
  if (!existsSync(file)) return null;
  const { describeCa } = await import('./certificates.js');
  return describeCa(readFileSync(file, 'utf8'));
}
