/**
 * A small fake of the Electron API the shell uses (see electron/main/ports.ts), recording what is
 * done to it, so the shell's security and restart behaviour can be tested in plain Node where the
 * Electron runtime cannot be downloaded. Each `createFakeElectron()` is a fresh, separate world.
 */
import { EventEmitter } from 'node:events';
import type {
  AppPort,
  ChildProcessPort,
  CustomScheme,
  ElectronPorts,
  FramePort,
  InvokeEventPort,
  IpcMainPort,
  MenuPort,
  ProtocolPort,
  SessionPort,
  UtilityProcessPort,
  WebContentsPort,
  WindowOptions,
  WindowPort,
} from '../../electron/main/ports.js';
import type { ContextBridgePort, IpcRendererPort } from '../../electron/preload/bridge.js';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export class FakeFrame implements FramePort {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter implements WebContentsPort {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loads: string[] = [];
  destroyed = false;
  devToolsClosed = 0;

  constructor(url = '') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.mainFrame.url;
  }
  async loadURL(url: string) {
    this.loads.push(url);
    this.mainFrame.url = url;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }

  /** Emits a preventable event as Electron does; says whether a listener prevented it. */
  tryNavigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = new FakeEvent();
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter implements WindowPort {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  readonly calls: string[] = [];
  destroyed = false;

  constructor(readonly options: WindowOptions) {
    super();
    this.webContents = new FakeWebContents();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string) {
    this.calls.push(`loadURL ${url}`);
    return this.webContents.loadURL(url);
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  maximize() {
    this.calls.push('maximize');
  }
  restore() {
    this.calls.push('restore');
  }
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

type PermissionRequestHandler = Parameters<SessionPort['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionPort['setPermissionCheckHandler']>[0];

export class FakeSession implements SessionPort {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean) {
    this.deviceHandler = handler;
  }

  /** Asks the request handler as Chromium would; resolves with whether it was granted. */
  request(permission: string, details: { requestingUrl: string; isMainFrame?: boolean; mediaTypes?: Array<'video' | 'audio'> }): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.requestHandler) return resolve(true); // Electron's default: grant everything.
      this.requestHandler(new FakeWebContents(details.requestingUrl), permission, resolve, { isMainFrame: true, ...details });
    });
  }
  check(permission: string, origin: string, mediaType?: 'video' | 'audio' | 'unknown'): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(null, permission, origin, { isMainFrame: true, ...(mediaType ? { mediaType } : {}) });
  }
}

export class FakeIpcMain extends EventEmitter implements IpcMainPort {
  readonly handlers = new Map<string, (event: InvokeEventPort, ...args: any[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: InvokeEventPort, ...args: any[]) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke(channel, ...args)` from that frame of those web contents would get. */
  invoke(channel: string, sender: WebContentsPort, senderFrame: FramePort | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler({ sender, senderFrame }, ...args);
  }
}

export class FakeProtocol implements ProtocolPort {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registeredBeforeReady = true;

  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(schemes: CustomScheme[]) {
    if (this.app.ready) this.registeredBeforeReady = false;
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    if (!this.app.ready) throw new Error('protocol.handle before the app is ready');
    this.handlers.set(scheme, handler);
  }
  fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    return Promise.resolve(handler(new Request(url, init)));
  }
}

export class FakeChildProcess extends EventEmitter implements ChildProcessPort {
  readonly posted: unknown[] = [];
  killed = false;

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly execArgv: string[] = [],
  ) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
  /** The hub process sends a message to the main process. */
  reply(message: unknown) {
    this.emit('message', message);
  }
  exit(code: number) {
    this.emit('exit', code);
  }
}

export class FakeUtilityProcess implements UtilityProcessPort {
  readonly forks: FakeChildProcess[] = [];
  fork(modulePath: string, args: string[], options: { execArgv: string[] }) {
    const child = new FakeChildProcess(modulePath, args, options.execArgv);
    this.forks.push(child);
    return child;
  }
  get last(): FakeChildProcess {
    const child = this.forks.at(-1);
    if (!child) throw new Error('no process was forked');
    return child;
  }
}

export class FakeApp extends EventEmitter implements AppPort {
  isPackaged = false;
  ready = false;
  sandboxEnabled = false;
  quitCalls = 0;
  hasLock = true;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(private readonly userData = '/tmp/safefloor-fake-user-data') {
    super();
  }

  getPath(_name: 'userData') {
    return this.userData;
  }
  getAppPath() {
    return '/opt/safefloor/app';
  }
  whenReady() {
    return this.ready ? Promise.resolve() : new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }
  /** What Electron does once it has started. */
  becomeReady() {
    this.ready = true;
    this.readyWaiters.splice(0).forEach((resolve) => resolve());
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  enableSandbox() {
    if (this.ready) throw new Error('enableSandbox after ready');
    this.sandboxEnabled = true;
  }
  quit() {
    this.quitCalls++;
  }
  /** Electron emits this for every web contents it creates; the fake does when a test says so. */
  createWebContents(url = ''): FakeWebContents {
    const contents = new FakeWebContents(url);
    this.emit('web-contents-created', {}, contents);
    return contents;
  }
}

export class FakeMenu implements MenuPort {
  applicationMenu: unknown = 'default';
  setApplicationMenu(menu: null) {
    this.applicationMenu = menu;
  }
}

export class FakeContextBridge implements ContextBridgePort {
  readonly exposed = new Map<string, Record<string, unknown>>();
  exposeInMainWorld(key: string, api: Record<string, unknown>) {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

export class FakeIpcRenderer extends EventEmitter implements IpcRendererPort {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  answer: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, output: null });

  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return this.answer(channel, ...args);
  }
  /** The main process sends to this renderer. */
  receive(channel: string, ...args: unknown[]) {
    this.emit(channel, { sender: 'an IpcRendererEvent the page must never see' }, ...args);
  }
}

/** A stand-in keystore: reversible, so a test can see that what was written is not the plain text. */
export class FakeSafeStorage {
  available = true;
  isEncryptionAvailable() {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    return Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString();
    if (!text.startsWith('enc:')) throw new Error('not encrypted by this keystore');
    return Buffer.from(text.slice(4), 'base64').toString();
  }
}

export function createFakeElectron() {
  const app = new FakeApp();
  const session = { defaultSession: new FakeSession() };
  const fake = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol: new FakeProtocol(app),
    session,
    utilityProcess: new FakeUtilityProcess(),
    safeStorage: new FakeSafeStorage(),
    Menu: new FakeMenu(),
    contextBridge: new FakeContextBridge(),
    ipcRenderer: new FakeIpcRenderer(),
  };
  FakeBrowserWindow.created.length = 0;
  // The fake must fit the same ports as the real modules.
  const ports: ElectronPorts = fake;
  return Object.assign(fake, { ports });
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
