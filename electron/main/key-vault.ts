/**
 * The device's export-signing key, kept encrypted by the OS keystore (Electron safeStorage), in the
 * user-data folder. The hub process never writes it to disk in the clear: the shell decrypts it and
 * hands it over the private parent port, and encrypts what the hub makes on first start.
 * Runs in: the main process.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SafeStoragePort } from './ports.js';

export interface KeyVault {
  load(): string | null;
  save(pem: string): void;
}

/**
 * The vault, or null when the OS offers no keystore (a Linux kiosk without a keyring): the hub then
 * keeps the key in its data folder, readable by its owner only, as `safefloor serve` does.
 */
export function createKeyVault(safeStorage: SafeStoragePort, userData: string): KeyVault | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const file = join(userData, 'keys', 'device-ed25519.pem.enc');
  return {
    load: () => (existsSync(file) ? safeStorage.decryptString(readFileSync(file)) : null),
    save(pem) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.partial`;
      writeFileSync(partial, safeStorage.encryptString(pem), { mode: 0o600 });
      chmodSync(partial, 0o600);
      renameSync(partial, file);
    },
  };
}
