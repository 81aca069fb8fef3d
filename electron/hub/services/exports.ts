/** Signed exports and the device key behind them. Runs in: the hub. */
import type { TFunction } from 'i18next';
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { loadOrCreateDeviceKey, type KeyStore } from '../export/device-key.js';
import { runExport, type ExportOptions } from '../export/run-export.js';
import { allowedSignersLine, fingerprint, sshPublicKey } from '../export/sshsig.js';
import type { SettingsSource } from './settings.js';

export interface ExportsDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  keyStore: KeyStore;
  t: TFunction;
}

export function createExportsService({ db, clock, settings, keyStore, t }: ExportsDeps) {
  let key: KeyObject | null = null;
  // Made on first use, not at start: a hub that never exports never touches the keystore.
  const deviceKey = () => (key ??= loadOrCreateDeviceKey(keyStore));

  return {
    async key() {
      const k = deviceKey();
      const { signerName } = await settings.current();
      return { fingerprint: fingerprint(k), publicKey: sshPublicKey(k), allowedSigners: allowedSignersLine(signerName, k) };
    },
    async run(options: ExportOptions) {
      const site = await settings.current();
      return runExport(
        { db, clock, key: deviceKey(), principal: site.signerName, timeZone: site.timeZone, language: site.language, t },
        options,
      );
    },
  };
}
