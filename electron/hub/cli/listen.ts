/**
 * Where and how `serve` listens, and what it does when the database cannot be opened. Runs in:
 * plain Node (the `serve` command).
 *
 * Without LAN access the hub answers on 127.0.0.1 only, over plain HTTP (nothing leaves the
 * computer). With `--lan` (or the site setting `lanAccess`) it answers on every interface over
 * HTTPS only, with the site's certificate; a non-loopback --host without LAN access is refused, so
 * the hub is never reachable from the floor without TLS.
 */
import { isIP } from 'node:net';
import { readFallback } from '../services/emergency-fallback.js';
import { lanHost, lanTls, lanUrls, localHost } from '../services/lan.js';
import { readSiteCa } from '../tls/site-ca.js';
import type { DatabaseFileError } from '../db/errors.js';
import { startEmergencyOnlyServer } from '../http/emergency-only.js';
import type { HttpServer } from '../http/server.js';
import type { SiteCaFile } from '../tls/site-ca.js';
import { UsageError } from './args.js';
import { databaseChoices } from './db.js';

export interface ListenPlan {
  host: string;
  tls?: { key: string; cert: string };
  siteCa: SiteCaFile | null;
  /** Lines for the person starting it: the LAN addresses and the CA fingerprint to compare. */
  notes: string[];
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

export interface ListenPlanWithPort extends ListenPlan {
  /** What to tell the person once the port is known. */
  finish(port: number): string[];
  /** The address other devices use (the first LAN address), or null without LAN access. */
  lanUrl(port: number): string | null;
}

/** Refused before anything is opened: a LAN address without LAN access would serve plain HTTP to the floor. */
export function checkHost(lan: boolean, host: string | undefined): void {
  if (!lan && host !== undefined && !isLoopback(host)) {
    throw new UsageError(`--host ${host} would serve the LAN without TLS: add --lan (HTTPS with the site certificate)`);
  }
}

export async function listenPlan(options: { lan: boolean; host?: string; dataDir: string; now: number; port: number; siteName?: string }): Promise<ListenPlanWithPort> {
  if (!options.lan) {
    checkHost(false, options.host);
    const host = options.host ?? localHost;
    return { host, siteCa: await readSiteCa(options.dataDir), notes: [], finish: () => [], lanUrl: () => null };
  }
  const tls = await lanTls({ dataDir: options.dataDir, now: options.now, siteName: options.siteName ?? 'SafeFloor' });
  const notes = [
    ...(tls.renewed ? ['A new server certificate was made for this computer’s LAN addresses.'] : []),
    `Site CA fingerprint (SHA-256), to compare on each tablet: ${tls.ca.fingerprint}`,
  ];
  return {
    host: options.host ?? lanHost,
    tls: { key: tls.key, cert: tls.cert },
    siteCa: tls.ca,
    notes,
    finish: (port) => lanUrls(tls.names, port).map((url) => `On the LAN (HTTPS): ${url}  — tablets install the site CA from ${url}ca`),
    lanUrl: (port) => lanUrls(tls.names, port)[0] ?? null,
  };
}

/**
 * The database cannot be opened: say so with the file's name and the way forward, then serve the
 * screens and the emergency information kept beside it (read-only), until stopped.
 */
export async function serveEmergencyOnly(
  err: DatabaseFileError,
  options: { dataDir: string; lan: boolean; host?: string; port: number; staticDir?: string; now: number },
): Promise<HttpServer> {
  console.error(`safefloor: ${err.message}`);
  console.error(databaseChoices(err, options.dataDir));
  const fallback = readFallback(options.dataDir);
  const plan = await listenPlan({ lan: options.lan, host: options.host, dataDir: options.dataDir, now: options.now, port: options.port }).catch(
    (tlsErr: Error) => {
      // The site certificate could not be read or made (a read-only folder, say): this computer's own screen still gets the information.
      console.error(`safefloor: LAN access is not possible now (${tlsErr.message}); serving this computer only.`);
      return listenPlan({ lan: false, dataDir: options.dataDir, now: options.now, port: options.port });
    },
  );
  const http = await startEmergencyOnlyServer({ host: plan.host, port: options.port, staticDir: options.staticDir, tls: plan.tls, siteCa: plan.siteCa, problem: err, fallback });
  console.log(
    fallback
      ? `Meanwhile the screens get the emergency information kept on ${fallback.savedAt} (assembly point, numbers, floor plan), read-only.`
      : 'Meanwhile the screens are served, but no copy of the emergency information was ever kept here: they show what they cached themselves.',
  );
  for (const line of [...plan.notes, ...plan.finish(http.port)]) console.log(line);
  console.log(`SafeFloor is serving the emergency information only, on ${http.url}`);
  return http;
}
