/**
 * Device settings: which role this computer plays, where its hub is, its language. They live in
 * electron-store (a JSON file in the user-data folder) on a real device and in memory in tests;
 * either way every read is checked, and a damaged file falls back to the defaults (a kiosk that
 * hosts its own hub) rather than keeping the screen from starting. Runs in: the main process.
 */
import { z } from 'zod';
import { languages } from '../../shared/i18n/index.js';

/** The roles a desktop screen can play (an `integration` device has no screen). */
export const ScreenRole = z.enum(['kiosk', 'warden', 'display', 'admin']);
export type ScreenRole = z.infer<typeof ScreenRole>;

export const defaultHubPort = 7420;

export const DeviceSettings = z
  .object({
    role: ScreenRole.default('kiosk'),
    /** The name this device has in the hub's device list and audit log. */
    deviceName: z.string().trim().min(1).max(80).optional(),
    /** A hub on another computer; absent means this computer hosts the hub itself. */
    hubUrl: z
      .url({ protocol: /^https?$/ })
      .optional(),
    /** The device token for the remote hub (from pairing). */
    token: z.string().min(16).max(512).optional(),
    /** The port the local hub serves the same UI and API on, on 127.0.0.1 only. */
    hubPort: z.number().int().min(0).max(65535).default(defaultHubPort),
    language: z.enum(languages).default('zh-CN'),
    kioskIdleSeconds: z.number().int().min(10).max(3600).default(90),
  })
  .refine((s) => (s.hubUrl === undefined) === (s.token === undefined), {
    message: 'hubUrl and token go together: a remote hub needs the token this device was paired with',
    path: ['token'],
  });
export type DeviceSettings = z.infer<typeof DeviceSettings>;

export const defaultSettings: DeviceSettings = DeviceSettings.parse({});

export interface SettingsStore {
  /** The current settings; never throws (a bad file gives the defaults, and `problem` says why). */
  load(): { settings: DeviceSettings; problem?: string };
  /** Checks and saves a change; throws (and saves nothing) when the result would be invalid. */
  save(change: Partial<DeviceSettings>): DeviceSettings;
}

/** What the settings need from a key-value file: electron-store's (and conf's) `store` property. */
export interface StoreBackend {
  store: Record<string, unknown>;
}

export function createSettingsStore(backend: StoreBackend): SettingsStore {
  return {
    load() {
      const parsed = DeviceSettings.safeParse(backend.store);
      if (parsed.success) return { settings: parsed.data };
      return { settings: defaultSettings, problem: z.prettifyError(parsed.error) };
    },
    save(change) {
      const current = DeviceSettings.safeParse(backend.store);
      const next = DeviceSettings.parse({ ...(current.success ? current.data : {}), ...change });
      backend.store = { ...next };
      return next;
    },
  };
}

/** Settings kept in memory only (tests, and a first look without writing anything). */
export const createMemorySettings = (initial: Record<string, unknown> = {}): SettingsStore =>
  createSettingsStore({ store: { ...initial } });

/**
 * Settings given on the command line at first start by an installer or a technician:
 * `--role=display`, `--hub-url=https://hub.local:7420/ --token=…`, `--language=en`.
 */
export function settingsFromArgs(argv: readonly string[]): Partial<DeviceSettings> {
  const value = (name: string) => {
    const prefix = `--${name}=`;
    return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  };
  const change: Record<string, unknown> = {};
  const role = value('role');
  const hubUrl = value('hub-url');
  const token = value('token');
  const language = value('language');
  const name = value('device-name');
  if (role !== undefined) change.role = role;
  if (hubUrl !== undefined) change.hubUrl = hubUrl;
  if (token !== undefined) change.token = token;
  if (language !== undefined) change.language = language;
  if (name !== undefined) change.deviceName = name;
  return change as Partial<DeviceSettings>;
}
