/**
 * The addresses a site CA may vouch for. Runs in: the hub.
 *
 * Apart from the certificates themselves (certificates.ts), so that what needs only the ranges —
 * the hub's LAN addresses on every start — does not load the X.509 library with them.
 */
import { BlockList, isIP } from 'node:net';

/** The address ranges a site CA may vouch for: private (RFC 1918, RFC 4193), loopback, link-local. */
export const permittedRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1/128'];

const permittedBlocks = new BlockList();
for (const range of permittedRanges) {
  const [address, prefix] = range.split('/') as [string, string];
  permittedBlocks.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Whether an address lies in one of the ranges the site CA may vouch for. */
export function isPermittedAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return permittedBlocks.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}
