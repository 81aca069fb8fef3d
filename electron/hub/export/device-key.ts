/**
 * The device's Ed25519 signing key, made on first start. Runs in: the hub.
 * Where it is kept is the caller's choice: a file in the data folder readable by its owner only
 * (`serve`), or the OS keystore through Electron's safeStorage (the shell passes its own store).
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface KeyStore {
  /** The stored PKCS#8 PEM, or null when there is none yet. */
  load(): string | null;
  save(pem: string): void;
}

export function fileKeyStore(dataDir: string): KeyStore {
  const file = join(dataDir, 'keys', 'device-ed25519.pem');
  return {
    load: () => (existsSync(file) ? readFileSync(file, 'utf8') : null),
    save(pem) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Written whole then renamed: a crash never leaves half a key.
      const partial = `${file}.partial`;
      writeFileSync(partial, pem, { mode: 0o600 });
      chmodSync(partial, 0o600);
      renameSync(partial, file);
    },
  };
}

export function loadOrCreateDeviceKey(store: KeyStore): KeyObject {
  const stored = store.load();
  if (stored) return createPrivateKey(stored);
  const { privateKey } = generateKeyPairSync('ed25519');
  store.save(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  return privateKey;
}
