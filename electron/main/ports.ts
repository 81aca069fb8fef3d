/**
 * The few parts of Electron the shell uses, as small interfaces, so every module takes what it
 * needs as a parameter. main.ts passes the real modules (the compiler checks that they fit these
 * shapes); the unit tests pass tests/support/fake-electron.ts. Runs in: the main process (types only).
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** A frame of a page (Electron's WebFrameMain). */
export interface FramePort {
  readonly url: string;
  readonly parent: FramePort | null;
}

export interface WebContentsPort {
  readonly id: number;
  readonly mainFrame: FramePort;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
  on(event: 'did-finish-load', listener: () => void): this;
  on(event: 'devtools-opened', listener: () => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  getURL(): string;
  loadURL(url: string): Promise<void>;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  closeDevTools(): void;
}

/** What a window is opened with; a subset of Electron's BrowserWindowConstructorOptions. */
export type WindowShape = Omit<WindowOptions, 'webPreferences'>;

export interface WindowOptions {
  show: boolean;
  title: string;
  backgroundColor: string;
  icon?: string;
  fullscreen?: boolean;
  kiosk?: boolean;
  frame?: boolean;
  autoHideMenuBar: boolean;
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  webPreferences: {
    preload: string;
    sandbox: boolean;
    contextIsolation: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    nodeIntegrationInSubFrames: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    experimentalFeatures: boolean;
    webviewTag: boolean;
    spellcheck: boolean;
    devTools: boolean;
    navigateOnDragDrop: boolean;
    safeDialogs: boolean;
    disableBlinkFeatures: string;
    autoplayPolicy: 'no-user-gesture-required' | 'user-gesture-required' | 'document-user-activation-required';
  };
}

export interface WindowPort {
  readonly webContents: WebContentsPort;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  maximize(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
}

export type WindowConstructor = new (options: WindowOptions) => WindowPort;

export type MediaType = 'video' | 'audio';

export interface SessionPort {
  setPermissionRequestHandler(
    handler: (
      webContents: WebContentsPort,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string; isMainFrame: boolean; mediaTypes?: MediaType[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: WebContentsPort | null,
      permission: string,
      requestingOrigin: string,
      details: { isMainFrame: boolean; mediaType?: MediaType | 'unknown'; requestingUrl?: string },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export interface InvokeEventPort {
  readonly sender: WebContentsPort;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: FramePort | null;
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: InvokeEventPort, ...args: any[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  removeAllListeners(channel: string): this;
}

export interface CustomScheme {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean };
}

export interface ProtocolPort {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** A utility process as the main process sees it. */
export interface ChildProcessPort {
  on(event: 'message', listener: (message: any) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  postMessage(message: unknown): void;
  kill(): boolean;
}

export interface UtilityProcessPort {
  fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit'; execArgv: string[] }): ChildProcessPort;
}

export interface AppPort {
  readonly isPackaged: boolean;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  whenReady(): Promise<void>;
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  quit(): void;
  on(event: 'second-instance', listener: () => void): this;
  on(event: 'window-all-closed', listener: () => void): this;
  on(event: 'before-quit', listener: () => void): this;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsPort) => void): this;
}

export interface MenuPort {
  setApplicationMenu(menu: null): void;
}

/** Everything main.ts hands to the shell. */
/** Electron's safeStorage: encryption with a key the OS keystore holds (Keychain, DPAPI, libsecret). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface ElectronPorts {
  app: AppPort;
  safeStorage: SafeStoragePort;
  BrowserWindow: WindowConstructor;
  ipcMain: IpcMainPort;
  protocol: ProtocolPort;
  session: { readonly defaultSession: SessionPort };
  utilityProcess: UtilityProcessPort;
  Menu: MenuPort;
}
