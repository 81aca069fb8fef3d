/**
 * What a browser remembers about being a device: its token, the role it was paired as, and the
 * chosen language. The role here is only a hint; the hub's `device.whoami` has the final word.
 */
import type { DeviceRole } from '../../shared/contract/roles.js';

export const storageKeys = {
  token: 'safefloor.device.token',
  role: 'safefloor.device.role',
  language: 'safefloor.language',
} as const;

// Storage can be switched off or full; the kiosk must keep working (as unpaired) rather than crash.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing better to do: the next start asks to be paired again.
  }
}

export interface DeviceStorage {
  token(): string | null;
  /** The role this browser was paired as: a hint for when the hub cannot be asked. */
  role(): DeviceRole | null;
  save(token: string, role: DeviceRole): void;
  clear(): void;
}

export const deviceStorage: DeviceStorage = {
  token: () => read(storageKeys.token),
  role: () => {
    const role = read(storageKeys.role);
    return role === 'kiosk' || role === 'warden' || role === 'display' || role === 'admin' || role === 'integration' ? role : null;
  },
  save(token, role) {
    write(storageKeys.token, token);
    write(storageKeys.role, role);
  },
  clear() {
    write(storageKeys.token, null);
    write(storageKeys.role, null);
  },
};

export const languageStorage = {
  read: () => read(storageKeys.language),
  write: (language: string) => write(storageKeys.language, language),
};
