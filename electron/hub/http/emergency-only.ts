/**
 * The hub when its database cannot be opened: it still serves the screens and the emergency
 * information, and nothing else. Runs in: the hub (the `serve` command, the shell's hub process).
 *
 *   GET  /api/v1/health          503 { status: 'emergency_only', problem, file, emergencyInfoSavedAt }
 *   POST /api/v1/emergency.info  200 the kept copy (services/emergency-fallback.ts), for a token
 *                                that worked when the copy was written; 401 otherwise; 503 when
 *                                there is no copy
 *   POST /api/v1/<anything else> 503 `unavailable`, translated: the database cannot be opened
 *   /ca, /ca.crt                 as usual; everything else: the built renderer
 *
 * Nothing here writes: the data folder is left exactly as it was found, for whoever repairs it.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import type { ErrorCode } from '../../../shared/contract/index.js';
import { formatError } from '../../../shared/i18n/format-error.js';
import { createI18n, isLanguage, pickLanguage, type Language } from '../../../shared/i18n/index.js';
import { hashSecret } from '../auth/secrets.js';
import type { DatabaseFileError } from '../db/errors.js';
import type { EmergencyFallback } from '../services/emergency-fallback.js';
import { softwareVersion } from '../version.js';
import type { SiteCaFile } from '../tls/site-ca.js';
import { serveSiteCa } from './ca-page.js';
import { securityHeaders } from './headers.js';
import { sendApiError, sendJson } from './respond.js';
import { createStaticHandler } from './static.js';
import type { HttpServer } from './server.js';

export interface EmergencyOnlyOptions {
  host: string;
  port: number;
  staticDir?: string;
  tls?: { key: string; cert: string };
  siteCa?: SiteCaFile | null;
  /** Why the database could not be opened (named in health, never its detail). */
  problem: DatabaseFileError;
  fallback: EmergencyFallback | null;
}

const t = createI18n().t;

export async function startEmergencyOnlyServer(options: EmergencyOnlyOptions): Promise<HttpServer> {
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null;
  const { fallback } = options;
  const known = new Set(fallback?.tokens.map((token) => token.hash) ?? []);
  const siteLanguage: Language = fallback && isLanguage(fallback.language) ? fallback.language : 'zh-CN';

  const languageOf = (req: IncomingMessage): Language => pickLanguage(req.headers['accept-language'], siteLanguage);

  function sendError(req: IncomingMessage, res: ServerResponse, code: ErrorCode, params: Record<string, string | number> = {}) {
    sendApiError(res, code, formatError(t, languageOf(req), code, params, fallback?.timeZone), params);
  }

  function authorised(req: IncomingMessage): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return !!match && known.has(hashSecret(match[1]!));
  }

  function api(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === 'health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 'method_not_allowed');
      // 503: not healthy. The body says what still works, for the screens and for whoever looks.
      return sendJson(res, 503, {
        status: 'emergency_only',
        version: softwareVersion,
        problem: options.problem.reason,
        file: basename(options.problem.file),
        emergencyInfoSavedAt: fallback?.savedAt ?? null,
      });
    }
    // The body is not needed by anything answered here; it is left unread and the connection closed.
    res.setHeader('Connection', 'close');
    if (req.method !== 'POST') return sendError(req, res, 'method_not_allowed');
    if (path !== 'emergency.info') return sendError(req, res, 'unavailable', { context: 'database' });
    if (!authorised(req)) return sendError(req, res, 'unauthorized');
    if (!fallback) return sendError(req, res, 'unavailable', { context: 'database' });
    return sendJson(res, 200, fallback.info);
  }

  const listener: RequestListener = (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://hub');
    } catch {
      res.writeHead(400, securityHeaders).end();
      return;
    }
    if (url.pathname.startsWith('/api/v1/')) return api(req, res, url.pathname.slice('/api/v1/'.length));
    if (url.pathname.startsWith('/api/')) return sendError(req, res, 'not_found');
    if (serveSiteCa(req, res, url.pathname, options.siteCa ?? null, languageOf(req))) return;
    if (!serveStatic) return sendError(req, res, 'not_found');
    serveStatic(req, res, url.pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500, securityHeaders);
      res.end();
    });
  };

  const server: Server = options.tls ? (createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) as unknown as Server) : createServer(listener);
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
