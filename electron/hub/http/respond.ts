/** How the hub's doors answer: JSON that is never cached, and the one error shape every client reads. */
import type { ServerResponse } from 'node:http';
import { errorStatus, type ErrorCode } from '../../../shared/contract/errors.js';
import { securityHeaders } from './headers.js';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** `{ "error": { "code", "message", "params"? } }` with the code's status; the message already translated. */
export function sendApiError(res: ServerResponse, code: ErrorCode, message: string, params: Record<string, string | number> = {}): void {
  sendJson(res, errorStatus[code], { error: { code, message, ...(Object.keys(params).length ? { params } : {}) } });
}
