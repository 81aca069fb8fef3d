import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../../shared/domain/site-settings.js';
import type { Database } from '../../../electron/hub/db/port.js';
import { silentLogger } from '../../../electron/hub/log.js';
import { backupName, backupTakenAt, backupsDir, createBackupService } from '../../../electron/hub/services/backup.js';
import { FixedClock, tempDir } from '../../support/hub.js';

const settings = { current: async () => parseSiteSettings({}) };

describe('the backup service', () => {
  it('keeps no copy that fails its integrity check, and says why', async () => {
    const dataDir = tempDir();
    // A database whose "backup" writes something that is not a database at all.
    const db = { backup: async (dest: string) => (writeFileSync(dest, 'not a database '.repeat(500)), { pages: 1, steps: 1, restarts: 0 }) } as unknown as Database;
    const service = createBackupService({ db, clock: new FixedClock(), settings, dataDir, log: silentLogger });
    await expect(service.run()).rejects.toThrow(/integrity check/);
    expect(readdirSync(backupsDir(dataDir))).toEqual([]);
    expect(service.list()).toEqual([]);
  });

  it('leaves nothing behind when the copy itself fails (a full disk, say)', async () => {
    const dataDir = tempDir();
    const db = {
      backup: async (dest: string) => {
        writeFileSync(dest, 'half');
        throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
      },
    } as unknown as Database;
    const service = createBackupService({ db, clock: new FixedClock(), settings, dataDir, log: silentLogger });
    await expect(service.run()).rejects.toThrow(/SQLITE_FULL/);
    expect(readdirSync(backupsDir(dataDir))).toEqual([]);
  });

  it('names copies so that they sort by time and read back to the instant they were taken', () => {
    const at = Date.parse('2026-11-26T19:30:05.123Z');
    expect(backupName(at)).toBe('safefloor-2026-11-26T19-30-05Z.db');
    expect(backupTakenAt(backupName(at))).toBe(Date.parse('2026-11-26T19:30:05Z'));
    expect(backupTakenAt('safefloor.db')).toBeNull();
    expect(backupTakenAt('.safefloor-2026-11-26T19-30-05Z.db.partial')).toBeNull();
    expect(existsSync(backupsDir(tempDir()))).toBe(false);
  });
});
