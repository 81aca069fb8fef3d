/**
 * The app:// scheme: serves the built renderer (dist/renderer) to the windows, with the hub's CSP
 * and security headers, and nothing outside that folder. A privileged standard scheme gives the
 * page a real origin (app://safefloor) for the CSP's 'self' and the permission checks, which
 * file:// would not. Runs in: the main process.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from '../hub/http/headers.js';
import { contentTypes } from '../hub/http/static.js';
import { appHost, appScheme } from './hardening.js';
import type { CustomScheme, ProtocolPort } from './ports.js';

/** Must be registered before the app is ready. */
export const privilegedSchemes: CustomScheme[] = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

const refuse = (status: number) => new Response(null, { status, headers: { ...securityHeaders } });

export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const rootDir = normalize(root);
  const rootWithSep = rootDir.endsWith(sep) ? rootDir : rootDir + sep;

  async function file(path: string, method: string): Promise<Response | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const headers = { ...securityHeaders, 'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream' };
    return new Response(method === 'HEAD' ? null : await readFile(path), { status: 200, headers });
  }

  return async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const url = new URL(request.url);
    if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return refuse(404);
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    // `..` that the URL parser left alone (%2e%2e, %2f, backslashes) must not leave the folder.
    if (decoded.includes('\0')) return refuse(400);
    const path = normalize(join(rootDir, decoded));
    if (path !== rootDir && !path.startsWith(rootWithSep)) return refuse(404);
    if (decoded !== '/') {
      const found = await file(path, request.method);
      if (found) return found;
    }
    // Screens are routes of one page: a path without an extension is the app itself.
    if (extname(decoded) === '') {
      const index = await file(join(rootDir, 'index.html'), request.method);
      if (index) return index;
    }
    return refuse(404);
  };
}

export function registerAppProtocol(protocol: ProtocolPort, root: string): void {
  protocol.handle(appScheme, createAppProtocolHandler(root));
}
