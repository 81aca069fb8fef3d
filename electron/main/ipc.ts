/**
 * The IPC door between the preload's `call`/`on` and the hub link. Every message is checked before
 * it is handled: it must come from the main frame of one of the shell's own windows, showing the
 * app (app://safefloor), and carry `{ method, input }` with a method of the contract. Anything else
 * is answered with a refusal and never reaches the hub. Runs in: the main process.
 */
import { z } from 'zod';
import { connectionEvent, ipcChannels, type CallResponse } from '../../shared/contract/bridge.js';
import { isMethodName } from '../../shared/contract/index.js';
import { formatError } from '../../shared/i18n/format-error.js';
import { createI18n, type Language } from '../../shared/i18n/index.js';
import { isAppUrl } from './hardening.js';
import type { HubLink } from './hub-link.js';
import type { InvokeEventPort, IpcMainPort, WebContentsPort } from './ports.js';

const t = createI18n().t;

const CallPayload = z
  .object({
    method: z.string().max(100),
    input: z.unknown(),
  })
  .strict();

export interface IpcOptions {
  ipcMain: IpcMainPort;
  link: HubLink;
  /** Whether these web contents belong to one of the shell's own windows. */
  isOurs(contents: WebContentsPort): boolean;
  /** The web contents of the shell's windows, for pushing events. */
  windows(): WebContentsPort[];
  /** This device's settings: its language for messages, its role for the refusal text. */
  language(): Language;
  role(): string;
  log?: (line: string) => void;
}

/** Why a message may not be handled, or null when it may. */
export function senderProblem(event: InvokeEventPort, isOurs: (contents: WebContentsPort) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (!isOurs(event.sender)) return 'not one of the shell’s windows';
  if (frame.parent !== null) return 'a subframe';
  if (!isAppUrl(frame.url)) return 'a page outside the app';
  return null;
}

export async function handleCall(event: InvokeEventPort, payload: unknown, options: IpcOptions): Promise<CallResponse> {
  const language = options.language();
  const problem = senderProblem(event, options.isOurs);
  if (problem) {
    options.log?.(`IPC call refused: ${problem}`);
    return { ok: false, status: 403, error: { code: 'forbidden', message: formatError(t, language, 'forbidden', { role: options.role() }) } };
  }
  const parsed = CallPayload.safeParse(payload);
  if (!parsed.success || !isMethodName(parsed.data.method)) {
    return { ok: false, status: 400, error: { code: 'bad_request', message: formatError(t, language, 'bad_request') } };
  }
  return options.link.call(parsed.data.method, parsed.data.input, language);
}

const send = (contents: WebContentsPort, name: string, payload: unknown) => {
  if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(ipcChannels.event, { name, payload });
};

/**
 * Installs the call handler and pushes hub events, and the link going up or down, to every window.
 * `greet` tells a window that has just loaded whether the hub is there (it missed the last change).
 */
export function installIpc(options: IpcOptions) {
  options.ipcMain.handle(ipcChannels.call, (event, payload: unknown) => handleCall(event, payload, options));
  const push = (name: string, payload: unknown) => options.windows().forEach((contents) => send(contents, name, payload));
  const stopEvents = options.link.onEvent((event) => push(event.name, event.payload));
  const stopConnection = options.link.onConnection((connected) => push(connectionEvent, { connected }));
  return {
    greet: (contents: WebContentsPort) => send(contents, connectionEvent, { connected: options.link.connected }),
    stop() {
      options.ipcMain.removeHandler(ipcChannels.call);
      stopEvents();
      stopConnection();
    },
  };
}
