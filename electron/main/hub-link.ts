/**
 * The shell's line to the hub, one interface with two ends. Runs in: the main process.
 *
 * LOCAL (the default: this computer hosts the hub). The hub runs in an Electron utility process,
 * not in the main process, so that a hub crash (a native sqlite3 fault, an out-of-memory) does not
 * take the screen down with it: the window stays up and shows its cached emergency information,
 * calls in flight fail at once with a clear `unavailable` answer instead of hanging, and the shell
 * starts the hub again with back-off. It talks over the process's private message port, as this
 * computer's own device (no token), and the hub also serves HTTP on 127.0.0.1 for browsers here.
 *
 * REMOTE (settings.hubUrl + settings.token): the contract over HTTP with the device's bearer
 * token, and the hub's event stream for pushes, reconnecting with back-off.
 */
import type { CallError, CallResponse } from '../../shared/contract/bridge.js';
import { isEventName, type EventName, type MethodName } from '../../shared/contract/index.js';
import { callTimeoutFor } from '../../shared/contract/slow-methods.js';
import { formatError } from '../../shared/i18n/format-error.js';
import { createI18n, type Language } from '../../shared/i18n/index.js';
import { hubHeapFlags } from '../hub/heap-flags.js';
import type { FromHubMessage, ToHubMessage } from '../hub/process-entry.js';
import type { KeyVault } from './key-vault.js';
import { Backoff } from './backoff.js';
import type { ChildProcessPort, UtilityProcessPort } from './ports.js';

export interface HubEventMessage {
  name: EventName;
  payload: unknown;
}

export interface HubLink {
  call(method: MethodName, input: unknown, language: Language): Promise<CallResponse>;
  onEvent(listener: (event: HubEventMessage) => void): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
  readonly connected: boolean;
  close(): void;
}

const t = createI18n().t;

export const unavailable = (language: Language): CallResponse => ({
  ok: false,
  status: 503,
  error: { code: 'unavailable', message: formatError(t, language, 'unavailable') },
});

const networkError = (language: Language): CallResponse => ({
  ok: false,
  status: 0,
  error: { code: 'network', message: formatError(t, language, 'network') },
});

/** Listeners and the connected flag, shared by both ends. */
class Signals {
  private readonly events = new Set<(event: HubEventMessage) => void>();
  private readonly connections = new Set<(connected: boolean) => void>();
  connected = false;

  onEvent(listener: (event: HubEventMessage) => void) {
    this.events.add(listener);
    return () => void this.events.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void) {
    this.connections.add(listener);
    return () => void this.connections.delete(listener);
  }

  event(name: string, payload: unknown) {
    if (!isEventName(name)) return;
    for (const listener of this.events) listener({ name, payload });
  }

  setConnected(connected: boolean) {
    if (this.connected === connected) return;
    this.connected = connected;
    for (const listener of this.connections) listener(connected);
  }
}

export interface LocalHubOptions {
  utilityProcess: UtilityProcessPort;
  /** dist/electron/hub-process.cjs */
  modulePath: string;
  args: string[];
  backoff?: Backoff;
  /** A call the hub has not answered by then fails as `unavailable`. */
  callTimeoutMs?: number;
  log?: (line: string) => void;
  /** Where the export-signing key is kept; the hub is then started with --key-from-parent. */
  keyVault?: KeyVault | null;
}

export interface LocalHubLink extends HubLink {
  /** Where the hub serves HTTP on this computer, once it is ready (null if it could not listen). */
  readonly url: string | null;
  /** Why the hub last refused to start (a damaged or newer database file …), if it did. */
  readonly lastFatal: string | null;
}

export function createLocalHubLink(options: LocalHubOptions): LocalHubLink {
  const { utilityProcess, modulePath, args, callTimeoutMs = 30_000, log = () => undefined } = options;
  const backoff = options.backoff ?? new Backoff();
  const signals = new Signals();
  const pending = new Map<number, { settle(response: CallResponse): void; language: Language }>();
  let child: ChildProcessPort | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let closing = false;
  let nextId = 1;
  let url: string | null = null;
  let lastFatal: string | null = null;

  function failPending() {
    for (const [id, call] of pending) {
      pending.delete(id);
      call.settle(unavailable(call.language));
    }
  }

  function onMessage(message: FromHubMessage) {
    switch (message?.type) {
      case 'ready':
        url = message.url;
        lastFatal = null;
        backoff.started();
        log(`hub ready${url ? ` at ${url}` : ' (no HTTP)'}`);
        signals.setConnected(true);
        break;
      case 'result':
        pending.get(message.id)?.settle(message.response);
        break;
      case 'event':
        signals.event(message.name, message.payload);
        break;
      case 'fatal':
        lastFatal = message.message;
        log(`hub cannot start: ${message.message}`);
        break;
      case 'save-key':
        try {
          options.keyVault?.save(message.pem);
        } catch (err) {
          log(`the signing key could not be stored in the keystore: ${(err as Error).message}`);
        }
        break;
    }
  }

  function start() {
    restartTimer = undefined;
    const vault = options.keyVault ?? null;
    const current = utilityProcess.fork(modulePath, vault ? [...args, '--key-from-parent'] : args, {
      serviceName: 'SafeFloor hub',
      stdio: 'inherit',
      execArgv: [...hubHeapFlags],
    });
    child = current;
    if (vault) {
      let keyMessage: ToHubMessage;
      try {
        keyMessage = { type: 'key', pem: vault.load(), canCreate: true };
      } catch (err) {
        // Never replace a key that exists but cannot be read now: its exports would stop verifying.
        log(`the signing key in the keystore cannot be read (${(err as Error).message}); exports are refused until it can`);
        keyMessage = { type: 'key', pem: null, canCreate: false };
      }
      current.postMessage(keyMessage);
    }
    current.on('message', (message: FromHubMessage) => {
      if (child === current) onMessage(message);
    });
    current.on('exit', (code) => {
      if (child !== current) return;
      child = null;
      signals.setConnected(false);
      failPending();
      if (closing) return;
      const delay = backoff.failed();
      log(`hub process exited (code ${code}); starting it again in ${delay} ms`);
      restartTimer = setTimeout(start, delay);
    });
  }

  start();

  return {
    get connected() {
      return signals.connected;
    },
    get url() {
      return url;
    },
    get lastFatal() {
      return lastFatal;
    },
    onEvent: (listener) => signals.onEvent(listener),
    onConnection: (listener) => signals.onConnection(listener),
    call(method, input, language) {
      const target = child;
      if (!target) return Promise.resolve(unavailable(language));
      const id = nextId++;
      return new Promise<CallResponse>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(unavailable(language));
        }, callTimeoutFor(method, callTimeoutMs));
        pending.set(id, {
          language,
          settle(response) {
            clearTimeout(timer);
            pending.delete(id);
            resolve(response);
          },
        });
        const message: ToHubMessage = { type: 'call', id, method, input, language };
        target.postMessage(message);
      });
    },
    close() {
      closing = true;
      clearTimeout(restartTimer);
      child?.kill();
      child = null;
      signals.setConnected(false);
      failPending();
    },
  };
}

/**
 * Reads a text/event-stream: feed it text as it arrives, it calls `onEvent` once per complete event.
 * Comments (heartbeats) and fields other than `event` and `data` are ignored.
 */
export function createSseParser(onEvent: (name: string, data: string) => void) {
  let buffer = '';
  let name = '';
  let data: string[] = [];
  return (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onEvent(name || 'message', data.join('\n'));
        name = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
  };
}

export interface RemoteHubOptions {
  hubUrl: string;
  token: string;
  fetch?: typeof fetch;
  backoff?: Backoff;
  callTimeoutMs?: number;
  log?: (line: string) => void;
}

export function createRemoteHubLink(options: RemoteHubOptions): HubLink {
  const { hubUrl, token, callTimeoutMs = 15_000, log = () => undefined } = options;
  const fetchImpl = options.fetch ?? fetch;
  const backoff = options.backoff ?? new Backoff();
  const signals = new Signals();
  const auth = { Authorization: `Bearer ${token}` };
  let closing = false;
  let stream: AbortController | null = null;
  let wake: (() => void) | null = null;

  async function readEvents(): Promise<void> {
    while (!closing) {
      stream = new AbortController();
      try {
        const res = await fetchImpl(new URL('/api/v1/events', hubUrl), {
          headers: { ...auth, Accept: 'text/event-stream' },
          signal: stream.signal,
        });
        if (!res.ok || !res.body) throw new Error(`the hub refused the event stream (${res.status})`);
        const push = createSseParser((name, data) => {
          if (name === 'hello') {
            backoff.started();
            signals.setConnected(true);
            return;
          }
          try {
            signals.event(name, JSON.parse(data));
          } catch {
            // A garbled event is dropped; the stream goes on.
          }
        });
        const decoder = new TextDecoder();
        const reader = res.body.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          push(decoder.decode(value, { stream: true }));
        }
      } catch (err) {
        if (!closing) log(`event stream lost: ${(err as Error).message}`);
      }
      signals.setConnected(false);
      if (closing) return;
      const delay = backoff.failed();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  void readEvents();

  return {
    get connected() {
      return signals.connected;
    },
    onEvent: (listener) => signals.onEvent(listener),
    onConnection: (listener) => signals.onConnection(listener),
    async call(method, input, language) {
      let res: Response;
      let body: unknown;
      try {
        res = await fetchImpl(new URL(`/api/v1/${method}`, hubUrl), {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json', 'Accept-Language': language },
          body: JSON.stringify(input ?? {}),
          signal: AbortSignal.timeout(callTimeoutFor(method, callTimeoutMs)),
        });
        body = await res.json().catch(() => null);
      } catch {
        return networkError(language);
      }
      if (res.status === 200) return { ok: true, output: body };
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (error && typeof error.code === 'string' && typeof error.message === 'string') {
        return { ok: false, status: res.status, error: error as CallError };
      }
      return res.status >= 500 ? unavailable(language) : networkError(language);
    },
    close() {
      closing = true;
      stream?.abort();
      wake?.();
      signals.setConnected(false);
    },
  };
}
