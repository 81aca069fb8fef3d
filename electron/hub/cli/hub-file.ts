/**
 * `hub.json` in the data folder: where the running hub can be reached, so that `device pair` can
 * print a link that works. Runs in: the hub's command line.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fileIn = (dataDir: string) => join(dataDir, 'hub.json');

export function writeHubFile(dataDir: string, url: string): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify({ url, pid: process.pid }, null, 2)}\n`, { mode: 0o600 });
}

export function readHubUrl(dataDir: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as { url?: unknown };
    return typeof parsed.url === 'string' ? parsed.url : null;
  } catch {
    return null;
  }
}

export function removeHubFile(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The one-time link a browser opens to become a paired device. The code rides in the fragment, which browsers never send to a server. */
export const pairingLink = (baseUrl: string, code: string) => `${new URL('/pair', baseUrl).href}#${code}`;
