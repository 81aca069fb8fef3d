/** The site's settings, read from SQLite and cached until changed. Runs in: the hub. */
import { parseSiteSettings, type SiteSettings } from '../../../shared/domain/site-settings.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { readSiteSettings, writeSiteSetting } from '../db/stores/settings.js';

export interface SettingsSource {
  current(): Promise<SiteSettings>;
}

export function createSettingsService(db: Database, clock: Clock) {
  let cached: SiteSettings | null = null;
  return {
    async current(): Promise<SiteSettings> {
      cached ??= parseSiteSettings(await readSiteSettings(db));
      return cached;
    },
    async update(patch: Partial<SiteSettings>, actor: string): Promise<SiteSettings> {
      const next = parseSiteSettings({ ...(await this.current()), ...patch });
      await db.transaction(async (tx) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) await writeSiteSetting(tx, key, next[key as keyof SiteSettings]);
        }
        await appendAudit(tx, { at: clock.now(), actor, action: 'settings.update', entity: 'site_settings', record: patch });
      });
      cached = next;
      return next;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
