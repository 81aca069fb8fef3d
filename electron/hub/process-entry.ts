/**
 * The hub as an Electron utility process (bundled to dist/electron/hub-process.cjs). Runs in: an
 * Electron utility process, which is plain Node plus `process.parentPort`; it never imports
 * electron. It opens the hub on the device's data folder, serves the same UI and API over HTTP on
 * 127.0.0.1 (so a browser on this computer can use it too), and answers the main process's calls as
 * this computer's own device, without a token: the parent port is a private channel that only the
 * shell holds. Imported by the tests too, where `process.parentPort` is absent and nothing starts.
 *
 * Messages: parent → hub `{ type: 'call', id, method, input, language }`;
 * hub → parent `{ type: 'ready', url }`, `{ type: 'result', id, response }`, `{ type: 'event', name,
 * payload }`, and `{ type: 'fatal', message }` just before exiting when the hub cannot start.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import type { CallResponse } from '../../shared/contract/bridge.js';
import { DeviceRole, type ApiErrorBody, type EventName } from '../../shared/contract/index.js';
import { defaultLanguage, isLanguage } from '../../shared/i18n/index.js';
import { defaultPort } from './cli/args.js';
import { removeHubFile, writeHubFile } from './cli/hub-file.js';
import type { Clock } from './clock.js';
import type { DeviceRow } from './db/stores/devices.js';
import type { KeyStore } from './export/device-key.js';
import type { CallResult } from './dispatcher.js';
import { openHub, type Hub } from './hub.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { consoleLogger, type Logger } from './log.js';

export type ToHubMessage =
  | { type: 'call'; id: number; method: string; input: unknown; language: string }
  /** The export-signing key from the OS keystore (null: none yet; canCreate false: it exists but cannot be read). */
  | { type: 'key'; pem: string | null; canCreate: boolean };

export type FromHubMessage =
  | { type: 'ready'; url: string | null }
  | { type: 'result'; id: number; response: CallResponse }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'fatal'; message: string }
  /** A key the hub just made, for the shell to encrypt into the OS keystore. */
  | { type: 'save-key'; pem: string };

/** The part of Electron's `process.parentPort` the hub uses (messages arrive as `{ data }`). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromHubMessage): void;
}

export interface HubProcessArgs {
  dataDir: string;
  role: DeviceRole;
  name: string;
  /** 0 picks a free port; a negative port serves no HTTP at all. */
  port: number;
  staticDir?: string;
  /** The shell keeps the signing key in the OS keystore and hands it over the parent port. */
  keyFromParent?: boolean;
}

export function parseHubProcessArgs(argv: readonly string[]): HubProcessArgs {
  // Lenient: a utility process's argv may or may not start with the module path.
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
      'key-from-parent': { type: 'boolean' },
    },
  });
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const data = str(values.data);
  if (!data) throw new Error('--data DIR is required');
  const role = DeviceRole.parse(str(values.role) ?? 'kiosk');
  const port = Number(str(values.port) ?? defaultPort);
  if (!Number.isInteger(port) || port > 65535) throw new Error('--port must be a whole number up to 65535');
  const staticDir = str(values.static);
  return {
    dataDir: resolve(data),
    role,
    name: str(values.name) ?? `${role} (this computer)`,
    port,
    ...(staticDir ? { staticDir: resolve(staticDir) } : {}),
    ...(values['key-from-parent'] === true ? { keyFromParent: true } : {}),
  };
}

export function toCallResponse(result: CallResult): CallResponse {
  if (result.status === 200) return { ok: true, output: result.body };
  return { ok: false, status: result.status, error: (result.body as ApiErrorBody).error };
}

type CallMessage = Extract<ToHubMessage, { type: 'call' }>;

function isCallMessage(message: unknown): message is CallMessage {
  const m = message as Partial<CallMessage> | null;
  return !!m && m.type === 'call' && Number.isInteger(m.id) && typeof m.method === 'string';
}

/** Answers the parent's calls as `device` and forwards every hub event. Returns a function that stops both. */
export function serveParent(hub: Hub, device: DeviceRow, port: ParentPortLike): () => void {
  const unsubscribe = hub.events.subscribe((event) => port.postMessage({ type: 'event', name: event.name, payload: event.payload }));
  const onMessage = ({ data }: { data: unknown }) => {
    if (!isCallMessage(data)) return;
    const language = isLanguage(data.language) ? data.language : defaultLanguage;
    void hub
      .dispatch({ method: data.method, input: data.input, token: null, device, language })
      .then(toCallResponse, (): CallResponse => ({ ok: false, status: 500, error: { code: 'internal', message: 'internal error' } }))
      .then((response) => port.postMessage({ type: 'result', id: data.id, response }));
  };
  port.on('message', onMessage);
  return () => {
    unsubscribe();
    port.off('message', onMessage);
  };
}

export interface RunningHubProcess {
  hub: Hub;
  device: DeviceRow;
  http: HttpServer | null;
  stop(): Promise<void>;
}

/** Waits for the key the shell sends, and keeps what the hub makes by sending it back to be encrypted. */
export function keyFromParent(port: ParentPortLike, timeoutMs: number): Promise<KeyStore> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      port.off('message', onMessage);
      reject(new Error('the shell did not hand over the signing key'));
    }, timeoutMs);
    const onMessage = ({ data }: { data: unknown }) => {
      const m = data as Partial<Extract<ToHubMessage, { type: 'key' }>> | null;
      if (m?.type !== 'key') return;
      clearTimeout(timer);
      port.off('message', onMessage);
      let pem = typeof m.pem === 'string' ? m.pem : null;
      resolve({
        load: () => pem,
        save(next) {
          if (!m.canCreate) throw new Error('the signing key in the keystore cannot be read now; not making another');
          pem = next;
          port.postMessage({ type: 'save-key', pem: next });
        },
      });
    };
    port.on('message', onMessage);
  });
}

/** Opens the hub, starts HTTP (best effort), serves the parent, says ready. Throws when the hub cannot open. */
export async function startHubProcess(
  args: HubProcessArgs,
  port: ParentPortLike,
  options: { log?: Logger; clock?: Clock; keyTimeoutMs?: number } = {},
): Promise<RunningHubProcess> {
  const log = options.log ?? consoleLogger();
  const keyStore = args.keyFromParent ? await keyFromParent(port, options.keyTimeoutMs ?? 10_000) : undefined;
  const hub = await openHub({ dataDir: args.dataDir, log, clock: options.clock, keyStore });
  const device = await hub.devices.ensureLocalDevice(args.role, args.name);
  const stopServing = serveParent(hub, device, port);
  let http: HttpServer | null = null;
  if (args.port >= 0) {
    // The screen must not depend on the port: when it is taken (a `serve` already running), the
    // hub still answers this computer's own screen over the parent port.
    try {
      http = await startHttpServer(hub, { host: '127.0.0.1', port: args.port, staticDir: args.staticDir });
      writeHubFile(args.dataDir, http.url);
    } catch (err) {
      log.warn('HTTP not started; serving this screen only', { port: args.port, detail: (err as Error).message });
    }
  }
  port.postMessage({ type: 'ready', url: http?.url ?? null });
  return {
    hub,
    device,
    http,
    async stop() {
      stopServing();
      if (http) {
        removeHubFile(args.dataDir);
        await http.close();
      }
      await hub.close();
    },
  };
}

/**
 * The utility process's life: start, or say why not and exit non-zero (the shell then shows the
 * screen without a hub and tries again with back-off); stop cleanly on SIGTERM (`child.kill()`).
 */
export function runHubProcess(port: ParentPortLike, argv: readonly string[], exit: (code: number) => void = process.exit): Promise<void> {
  let running: RunningHubProcess | null = null;
  const stop = () => void (running?.stop() ?? Promise.resolve()).finally(() => exit(0));
  process.once('SIGTERM', stop);
  return Promise.resolve()
    .then(() => startHubProcess(parseHubProcessArgs(argv), port))
    .then(
      (started) => {
        running = started;
      },
      async (err: unknown) => {
        process.off('SIGTERM', stop);
        port.postMessage({ type: 'fatal', message: (err as Error)?.message ?? String(err) });
        // Give the message a moment to leave before the process does.
        await new Promise((resolve) => setTimeout(resolve, 100));
        exit(1);
      },
    );
}

// Only inside a utility process does `process.parentPort` exist; imported anywhere else, nothing
// starts. Nor on a worker thread: the bundle is loaded as one for a big export (export/audit-pass.ts).
const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
if (parentPort && isMainThread) void runHubProcess(parentPort, process.argv.slice(1));
