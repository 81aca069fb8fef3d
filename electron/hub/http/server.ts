/**
 * The contract over HTTP: `POST /api/v1/<method>`, `GET /api/v1/health`, the event stream at
 * `GET /api/v1/events`, the site CA at `/ca` and `/ca.crt`, and the built renderer at `/`.
 * Plain HTTP on 127.0.0.1 by default; HTTPS only (with the site's certificate) when LAN access is
 * on. Runs in: the hub.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract, isMethodName, methodNames, roleMayCall, type ErrorCode, type MethodName } from '../../../shared/contract/index.js';
import { formatError } from '../../../shared/i18n/format-error.js';
import { createI18n, isLanguage, pickLanguage, type Language } from '../../../shared/i18n/index.js';
import { DatabaseFileError } from '../db/errors.js';
import { schemaVersion } from '../db/migrations.js';
import { appendAudit } from '../db/stores/audit.js';
import type { Hub } from '../hub.js';
import { softwareVersion } from '../version.js';
import type { SiteCaFile } from '../tls/site-ca.js';
import { serveSiteCa } from './ca-page.js';
import { securityHeaders } from './headers.js';
import { sendApiError, sendJson } from './respond.js';
import { sendExportZip } from './export-zip.js';
import { maxJsonDepth, nestsDeeperThan } from './json-depth.js';
import { openEventStream, StreamRegistry } from './sse.js';
import { createStaticHandler } from './static.js';

/**
 * The request's body, or null once it is longer than `limit` (the request is then let go, as
 * leaving a `for await` over it early would). Read with the stream's events rather than an async
 * iterator, which cost about 40 µs of every sign-in.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done();
      req.destroy();
      resolve(null);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    // Closed before its end (the client went away): as the iterator would, a premature close.
    const onClose = () => {
      done();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    if (req.destroyed) return onClose();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

export interface HttpOptions {
  host: string;
  port: number;
  /** The built renderer; without it only the API is served. */
  staticDir?: string;
  /** Serve HTTPS with this key and certificate (LAN access); without it, plain HTTP. */
  tls?: { key: string; cert: string };
  /** The site CA offered at /ca and /ca.crt (null or absent: those answer 404). */
  siteCa?: SiteCaFile | null;
}

/** A body larger than this is refused before it is read to the end (unless the method declares its own, larger, limit). */
export const maxBodyBytes = 64 * 1024;

const t = createI18n().t;

export interface HttpServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(hub: Hub, options: HttpOptions): Promise<HttpServer> {
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null;
  const streams = new StreamRegistry();
  // A revoked device's open streams end at once, not at its next reconnect.
  const stopWatchingDevices = hub.devices.onChange((change) => {
    if (change.kind === 'revoked') streams.closeDevice(change.deviceId);
  });

  async function languageOf(req: IncomingMessage): Promise<Language> {
    const site = (await hub.settings.current()).language;
    const header = req.headers['accept-language'];
    return header ? pickLanguage(header, site) : isLanguage(site) ? site : 'zh-CN';
  }

  async function sendError(req: IncomingMessage, res: ServerResponse, code: ErrorCode, params: Record<string, string | number> = {}) {
    const language = await languageOf(req);
    sendApiError(res, code, formatError(t, language, code, params));
  }

  function bearer(req: IncomingMessage, url: URL): string | null {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // EventSource cannot send headers; it may put the token in the query string instead.
    return match?.[1] ?? url.searchParams.get('access_token');
  }

  /**
   * How large a body this request may send: the default, or the method's own larger limit (a roster
   * file) when the token is one that may call the method, so that nobody else can make the hub read
   * megabytes.
   */
  async function bodyLimit(path: string, token: string | null): Promise<number> {
    const spec = isMethodName(path) ? contract[path] : null;
    if (!spec?.maxBodyBytes || spec.maxBodyBytes <= maxBodyBytes || !token) return maxBodyBytes;
    const device = await hub.devices.authenticate(token);
    return device && roleMayCall(device.role, path as MethodName) ? spec.maxBodyBytes : maxBodyBytes;
  }

  async function readJson(req: IncomingMessage, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; code: ErrorCode; params?: Record<string, number> }> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return { ok: false, code: 'payload_too_large' };
    const body = await readBody(req, limit);
    if (body === null) return { ok: false, code: 'payload_too_large' };
    const text = body.toString('utf8').trim();
    if (text === '') return { ok: true, value: {} };
    // Before the parser: deep nesting is refused without building it (see json-depth.ts).
    if (nestsDeeperThan(text)) return { ok: false, code: 'too_deep', params: { max: maxJsonDepth } };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, code: 'bad_request' };
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    if (path === 'health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 'method_not_allowed');
      return sendJson(res, 200, { status: 'ok', version: softwareVersion, schemaVersion, time: new Date(hub.clock.now()).toISOString() });
    }
    if (path === 'contract') return sendJson(res, 200, apiReference());
    const zip = /^exports\/([\w.-]+)\.zip$/.exec(path);
    if (zip) {
      if (req.method !== 'GET') return sendError(req, res, 'method_not_allowed');
      const token = bearer(req, url);
      const device = token ? await hub.devices.authenticate(token) : null;
      if (!device) return sendError(req, res, 'unauthorized');
      if (device.role !== 'admin') return sendError(req, res, 'forbidden', { role: device.role });
      const folder = hub.exports.folderOf(zip[1]!);
      if (!folder) return sendError(req, res, 'not_found');
      // Records leaving the hub: who took which export is in the audit log before a byte is sent.
      await hub.db.transaction((tx) =>
        appendAudit(tx, { at: hub.clock.now(), actor: `device:${device.id}`, action: 'export.downloaded', entity: 'exports', entityId: zip[1]!, record: { folder: zip[1]!, device_id: device.id } }),
      );
      return sendExportZip(res, folder, zip[1]!);
    }
    if (path === 'events') {
      if (req.method !== 'GET') return sendError(req, res, 'method_not_allowed');
      const token = bearer(req, url);
      const device = token ? await hub.devices.authenticate(token) : null;
      if (!device) return sendError(req, res, 'unauthorized');
      return openEventStream(req, res, hub.events, streams, device);
    }
    if (req.method !== 'POST') return sendError(req, res, 'method_not_allowed');
    const body = await readJson(req, await bodyLimit(path, bearer(req, url)));
    if (!body.ok) {
      // Stop reading a body we refused; the client gets its answer at once.
      if (body.code === 'payload_too_large') res.setHeader('Connection', 'close');
      return sendError(req, res, body.code, body.params);
    }
    const result = await hub.dispatch({
      method: path,
      input: body.value,
      token: bearer(req, url),
      language: await languageOf(req),
    });
    sendJson(res, result.status, result.body);
  }

  const listener: RequestListener = (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://hub');
    } catch {
      res.writeHead(400, securityHeaders).end();
      return;
    }
    const work = url.pathname.startsWith('/api/v1/')
      ? handleApi(req, res, url, url.pathname.slice('/api/v1/'.length))
      : url.pathname.startsWith('/api/')
        ? sendError(req, res, 'not_found')
        : languageOf(req).then((language) => {
            if (serveSiteCa(req, res, url.pathname, options.siteCa ?? null, language)) return;
            return serveStatic ? serveStatic(req, res, url.pathname) : sendError(req, res, 'not_found');
          });
    work.catch(async (err: Error) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof DatabaseFileError) {
        // The data folder is full or read-only, or the file went bad under us: say so, as 503.
        hub.log.error('request refused by the database file', { reason: err.reason });
        return sendError(req, res, 'unavailable', { context: err.reason === 'damaged' ? 'damaged' : 'storage' }).catch(() => res.destroy());
      }
      hub.log.error('request failed', { error: err.name, detail: err.message });
      sendJson(res, 500, { error: { code: 'internal', message: t('errors.internal') } });
    });
  };
  const server: Server = options.tls ? (createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) as unknown as Server) : createServer(listener);
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  // Many short sign-ins from one kiosk reuse their connection.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    url: `${options.tls ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        stopWatchingDevices();
        streams.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The API reference, generated from the contract: methods, roles and JSON Schemas. */
function apiReference() {
  return {
    version: softwareVersion,
    methods: Object.fromEntries(
      methodNames.map((name) => {
        const spec = contract[name];
        return [
          name,
          {
            summary: spec.summary,
            roles: spec.roles,
            writes: spec.writes,
            maxBodyBytes: spec.maxBodyBytes ?? maxBodyBytes,
            input: z.toJSONSchema(spec.input, { unrepresentable: 'any' }),
            output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
          },
        ];
      }),
    ),
  };
}
