/**
 * The emergency information, kept outside the database too. Runs in: the hub.
 *
 * If the database cannot be opened at start (damaged, from a newer SafeFloor, unreadable), the
 * evacuation display must still show where to assemble and whom to call. So the hub keeps a small
 * copy of what `emergency.info` answers in <data>/emergency-info.json, rewritten whenever it
 * changes, and the emergency-only server (http/emergency-only.ts) answers from it.
 *
 * The file also lists the SHA-256 hashes of the tokens that still work (the same hashes the
 * database keeps; never a token), so that in that mode only paired devices get an answer, exactly
 * as before. It holds no personal data. It is owner-only and replaced atomically.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceRole, SiteEmergencyInfo } from '../../../shared/contract/index.js';
import type { SiteSettings } from '../../../shared/domain/site-settings.js';
import { toInstant, type Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { activeTokenHashes } from '../db/stores/devices.js';
import type { Logger } from '../log.js';
import type { SettingsSource } from './settings.js';

export const fallbackFile = (dataDir: string) => join(dataDir, 'emergency-info.json');

export const EmergencyFallback = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  language: z.enum(['zh-CN', 'en']),
  timeZone: z.string().max(100),
  info: SiteEmergencyInfo,
  tokens: z.array(z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), role: DeviceRole })).max(10_000),
});
export type EmergencyFallback = z.infer<typeof EmergencyFallback>;

/** What `emergency.info` answers, from the site settings. */
export const emergencyInfoOf = (site: SiteSettings): SiteEmergencyInfo => ({
  assemblyPoint: site.assemblyPoint,
  numbers: site.siteNumbers,
  floorPlanUrl: site.floorPlanUrl,
});

/** Reads the kept copy; null when there is none or it is not readable (then nothing is shown from it). */
export function readFallback(dataDir: string): EmergencyFallback | null {
  const file = fallbackFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = EmergencyFallback.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const bodyText = (f: Omit<EmergencyFallback, 'version' | 'savedAt'>) =>
  JSON.stringify({ language: f.language, timeZone: f.timeZone, info: f.info, tokens: f.tokens });

/** How often the copy is compared with the settings (a cheap identity check; written only on change). */
const watchMs = 60_000;

export interface FallbackDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  dataDir: string;
  log: Logger;
}

export function createEmergencyFallback({ db, clock, settings, dataDir, log }: FallbackDeps) {
  const file = fallbackFile(dataDir);
  let lastSettings: SiteSettings | null = null;
  const kept = readFallback(dataDir);
  /** What the file says now, less its time stamp: written again only when this changes. */
  let lastBody = kept ? bodyText(kept) : '';
  let timer: NodeJS.Timeout | null = null;

  let queue: Promise<unknown> = Promise.resolve();

  /** Rewrites the copy if what it would say changed (one at a time). Never throws: the live hub does not depend on it. */
  function refresh(): Promise<boolean> {
    const next = queue.then(write);
    queue = next;
    return next;
  }

  async function write(): Promise<boolean> {
    try {
      const site = await settings.current();
      const tokens = (await activeTokenHashes(db)).map((t) => ({ hash: t.token_hash, role: t.role }));
      const body = { language: site.language, timeZone: site.timeZone, info: emergencyInfoOf(site), tokens };
      lastSettings = site;
      if (bodyText(body) === lastBody) return false;
      const text = `${JSON.stringify({ version: 1, savedAt: toInstant(clock.now()), ...body }, null, 2)}\n`;
      const partial = `${file}.partial`;
      writeFileSync(partial, text, { mode: 0o600 });
      renameSync(partial, file);
      lastBody = bodyText(body);
      return true;
    } catch (err) {
      log.warn('the emergency information copy was not written', { error: (err as Error)?.name, detail: (err as Error)?.message });
      return false;
    }
  }

  return {
    refresh,
    /** Keeps the copy current: now, then whenever the site settings object changes (checked each minute). */
    async start(): Promise<void> {
      await refresh();
      timer = setInterval(() => {
        void settings.current().then((site) => (site !== lastSettings ? refresh() : false));
      }, watchMs);
      timer.unref();
    },
    /** Stops watching and waits for a copy being written, so the database can be closed after. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await queue;
    },
  };
}
