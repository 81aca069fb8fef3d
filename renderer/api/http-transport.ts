/** The API client over HTTP, for a plain browser on the LAN: bearer token, JSON, fetch-read events. */
import { isErrorCode } from '../../shared/contract/errors.js';
import { callTimeoutFor } from '../../shared/contract/slow-methods.js';
import { isEventName } from './event-names.js';
import type { MethodName, MethodOutput } from '../../shared/contract/methods.js';
import { ApiCallError, networkError, type ApiClient, type ErrorParams } from './client.js';
import { openEventStream } from './event-stream.js';
import { ListenerRegistry } from './listeners.js';

export interface HttpTransportOptions {
  /** Where the hub is; the page's own origin when the hub serves the renderer. */
  baseUrl: string;
  token(): string | null;
  language(): string;
  /** The hub refused this device's token: it was revoked or never valid. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
}

/** A call that has not answered by then is reported as the hub being unreachable. */
const callTimeoutMs = 15_000;

export function createHttpClient(options: HttpTransportOptions): ApiClient {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const listeners = new ListenerRegistry();
  let closeStream: (() => void) | null = null;
  let connection: 'up' | 'down' = 'down';

  const headers = (): Record<string, string> => {
    const token = options.token();
    return { 'Accept-Language': options.language(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  };

  function updateStream() {
    if (listeners.size > 0 && !closeStream) {
      closeStream = openEventStream({
        url: new URL('api/v1/events', options.baseUrl).href,
        headers,
        fetch: doFetch,
        onUnauthorized: options.onUnauthorized,
        onStateChange(up) {
          connection = up ? 'up' : 'down';
          listeners.emit('connection', connection);
        },
        onMessage({ event, data }) {
          if (!isEventName(event)) return;
          try {
            listeners.emit(event, JSON.parse(data) as never);
          } catch {
            // A malformed event is dropped; the next one, or the re-fetch on reconnect, catches up.
          }
        },
      });
    } else if (listeners.size === 0 && closeStream) {
      closeStream();
      closeStream = null;
      connection = 'down';
    }
  }

  return {
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
      let res: Response;
      try {
        res = await doFetch(new URL(`api/v1/${method}`, options.baseUrl).href, {
          method: 'POST',
          headers: { ...headers(), 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          signal: AbortSignal.timeout(callTimeoutFor(method, callTimeoutMs)),
        });
      } catch {
        throw networkError();
      }
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) return body as MethodOutput<M>;
      if (res.status === 401) options.onUnauthorized();
      throw errorFromBody(res.status, body);
    },

    on(event, listener) {
      const off = listeners.add(event, listener);
      updateStream();
      // A screen that subscribes late still learns the link is already up.
      if (event === 'connection' && connection === 'up') queueMicrotask(() => listeners.emit('connection', connection));
      return () => {
        off();
        updateStream();
      };
    },
  };
}

function errorFromBody(status: number, body: unknown): ApiCallError {
  const error = (body as { error?: { code?: unknown; message?: unknown; params?: unknown } } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : status >= 500 ? 'unavailable' : 'internal';
  const message = typeof error?.message === 'string' ? error.message : code;
  const params = error?.params && typeof error.params === 'object' ? (error.params as ErrorParams) : {};
  return new ApiCallError(status, code, message, params);
}
