/**
 * Signed exports and the device key behind them. Runs in: the hub.
 * From the admin screen an export runs in the background, announcing its progress on the event
 * stream; it can be cancelled, and it lands in the data folder's exports/ (downloadable as a zip).
 */
import type { TFunction } from 'i18next';
import { randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../../shared/contract/index.js';
import { toInstant, type Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import type { EventBus } from '../events.js';
import { loadOrCreateDeviceKey, type KeyStore } from '../export/device-key.js';
import { ExportRefused, runExport, type ExportOptions } from '../export/run-export.js';
import { Manifest, manifestName, recordCount } from '../export/manifest.js';
import { verifyExport } from '../export/verify.js';
import { allowedSignersLine, fingerprint, sshPublicKey } from '../export/sshsig.js';
import type { SettingsSource } from './settings.js';

export interface ExportsDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  keyStore: KeyStore;
  t: TFunction;
  events: EventBus;
  dataDir: string;
}

/** How often progress is announced at most: enough to move a bar, not to flood the stream. */
const progressEveryMs = 200;

/** The export's manifest, or null when it is missing or not one (verify then says why). */
function readManifest(dir: string): Manifest | null {
  try {
    const parsed = Manifest.safeParse(JSON.parse(readFileSync(join(dir, manifestName), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createExportsService({ db, clock, settings, keyStore, t, events, dataDir }: ExportsDeps) {
  let key: KeyObject | null = null;
  // Made on first use, not at start: a hub that never exports never touches the keystore.
  const deviceKey = () => (key ??= loadOrCreateDeviceKey(keyStore));
  const jobs = new Map<string, AbortController>();
  const folder = join(dataDir, 'exports');

  async function run(options: ExportOptions) {
    const site = await settings.current();
    return runExport({ db, clock, key: deviceKey(), principal: site.signerName, timeZone: site.timeZone, language: site.language, t }, options);
  }

  return {
    async key() {
      const k = deviceKey();
      const { signerName } = await settings.current();
      return { signerName, fingerprint: fingerprint(k), publicKey: sshPublicKey(k), allowedSigners: allowedSignersLine(signerName, k) };
    },

    run,

    /** Starts an export in the background; progress and the outcome arrive as events. */
    start(input: { from?: string; to?: string }, actor = 'local'): { exportId: string; folder: string } {
      if (jobs.size > 0) throw new ApiError('export_running');
      const exportId = randomUUID();
      const stamp = toInstant(clock.now()).replace(/[:.]/g, '-');
      const name = `safefloor-export-${input.from ?? 'start'}_${input.to ?? 'now'}-${stamp}`;
      const controller = new AbortController();
      jobs.set(exportId, controller);
      let last = 0;
      void run({
        outDir: join(folder, name),
        from: input.from,
        to: input.to,
        signal: controller.signal,
        actor,
        onProgress: ({ done, total, stage }) => {
          const now = Date.now();
          if (now - last < progressEveryMs && done < total) return;
          last = now;
          events.publish('export.progress', { exportId, done, total, stage });
        },
      })
        .then(({ manifest }) => {
          events.publish('export.finished', { exportId, ok: true, folder: name, records: recordCount(manifest), fingerprint: manifest.device.fingerprint });
        })
        .catch((err: Error) => {
          const reason = err instanceof ExportRefused ? err.reason : 'failed';
          events.publish('export.finished', { exportId, ok: false, reason, detail: err.message.slice(0, 300) });
        })
        .finally(() => jobs.delete(exportId));
      return { exportId, folder: name };
    },

    cancel(exportId: string): { cancelled: boolean } {
      const job = jobs.get(exportId);
      job?.abort();
      return { cancelled: !!job };
    },

    /** Finished exports in the data folder, newest first (names only: the folder stays on the hub). */
    list(): { exports: string[] } {
      if (!existsSync(folder)) return { exports: [] };
      return {
        exports: readdirSync(folder, { withFileTypes: true })
          .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
          .map((e) => e.name)
          .sort()
          .reverse(),
      };
    },

    /** Checks a kept export as `safefloor verify` would, against this hub's own key (not the folder's copy of it). */
    async verify(name: string) {
      const dir = this.folderOf(name);
      if (!dir) throw new ApiError('not_found');
      const manifest = readManifest(dir);
      const own = await this.key();
      const scratch = mkdtempSync(join(tmpdir(), 'safefloor-verify-'));
      try {
        writeFileSync(join(scratch, 'allowed_signers'), `${own.allowedSigners}\n`);
        const result = await verifyExport(dir, { allowedSigners: join(scratch, 'allowed_signers') });
        return {
          ok: result.ok,
          signedByThisHub: result.ok && manifest?.device.publicKey === own.publicKey,
          summary: result.ok ? result.summary : null,
          failures: result.ok ? [] : result.failures.slice(0, 20),
          period: manifest ? { from: manifest.period.from, to: manifest.period.to } : null,
          createdAt: manifest?.createdAt ?? null,
          records: manifest ? recordCount(manifest) : null,
          chain: manifest?.chain ? { firstSeq: manifest.chain.firstSeq, lastSeq: manifest.chain.lastSeq } : null,
        };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },

    folderOf(name: string): string | null {
      if (!/^safefloor-export-[\w.-]+$/.test(name)) return null;
      const path = join(folder, name);
      return existsSync(join(path, 'manifest.json')) ? path : null;
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
