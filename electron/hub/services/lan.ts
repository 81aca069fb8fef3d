/**
 * LAN access: off by default (the hub answers 127.0.0.1 only); when on, the hub serves HTTPS on
 * every interface with a certificate of the site's own CA, so that tablets on the floor can use
 * the camera (browsers allow it only on secure origins) and nobody on the LAN can read or change
 * the traffic. Pairing is still needed for every device. Runs in: the hub.
 */
import { hostname as osHostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isPermittedAddress } from '../tls/addresses.js';
import type { ServerNames } from '../tls/certificates.js';
import type { SiteTls } from '../tls/site-tls.js';

/** Where the hub listens when LAN access is on: every IPv4 interface. */
export const lanHost = '0.0.0.0';
export const localHost = '127.0.0.1';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The names and addresses the server certificate carries: loopback, this computer's private IPv4
 * addresses (the ones tablets use), `localhost`, and its name (bare, if the CA allows it, and under
 * .local for mDNS). Public addresses are left out: the site CA may not vouch for them.
 */
export function serverNames(hostname: string, interfaces: Interfaces, caDns: readonly string[]): ServerNames {
  const host = hostname.toLowerCase();
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal && isPermittedAddress(info.address)) ips.add(info.address);
    }
  }
  const dns = ['localhost'];
  if (/^[a-z0-9-]{1,63}$/.test(host)) {
    if (caDns.includes(host)) dns.push(host);
    if (caDns.includes('local')) dns.push(`${host}.local`);
  }
  return { dns, ips: [...ips] };
}

export interface LanOptions {
  dataDir: string;
  now: number;
  siteName: string;
  hostname?: string;
  interfaces?: Interfaces;
}

/**
 * The TLS material for LAN access, made or renewed as needed (see tls/site-tls.ts). The X.509
 * code loads here, the first time LAN access is used, not with every hub.
 */
export async function lanTls(options: LanOptions): Promise<SiteTls> {
  const hostname = options.hostname ?? osHostname();
  const interfaces = options.interfaces ?? networkInterfaces();
  const { ensureSiteTls } = await import('../tls/site-tls.js');
  return ensureSiteTls(options.dataDir, {
    now: options.now,
    hostname,
    siteName: options.siteName,
    wanted: (caDns) => serverNames(hostname, interfaces, caDns),
  });
}

/** The addresses a person types on a tablet: https://<private address>:<port>/ for each interface. */
export function lanUrls(names: ServerNames, port: number): string[] {
  return names.ips.filter((ip) => ip !== '127.0.0.1' && ip !== '::1').map((ip) => `https://${ip}:${port}/`);
}
