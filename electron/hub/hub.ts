/**
 * The hub: owns the database and serves the contract. Runs in: plain Node (the `serve` command,
 * the tests) or an Electron utility process; it never imports electron.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n, defaultLanguage } from '../../shared/i18n/index.js';
import { systemClock, type Clock } from './clock.js';
import { migrate } from './db/migrations.js';
import type { Database } from './db/port.js';
import { openSqlite } from './db/sqlite.js';
import { createDispatcher, type Handlers } from './dispatcher.js';
import { EventBus } from './events.js';
import { deviceHandlers } from './handlers/device.js';
import { emergencyHandlers } from './handlers/emergency.js';
import { extinguisherHandlers, hazardHandlers } from './handlers/extinguisher.js';
import { presenceHandlers } from './handlers/presence.js';
import { silentLogger, type Logger } from './log.js';
import { fileKeyStore, type KeyStore } from './export/device-key.js';
import { createDevicesService } from './services/devices.js';
import { createEmergencyService } from './services/emergency.js';
import { createExportsService } from './services/exports.js';
import { createExtinguishersService } from './services/extinguishers.js';
import { createHazardsService } from './services/hazards.js';
import { createPinCheck } from './services/pin-check.js';
import { createPresenceService } from './services/presence.js';
import { createSettingsService } from './services/settings.js';

export interface HubOptions {
  /** The data folder; the database is `safefloor.db` inside it. */
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  validateOutput?: boolean;
  /** Where the device's signing key lives; default: a file in the data folder (owner-only). */
  keyStore?: KeyStore;
}

export const databaseFile = (dataDir: string) => join(dataDir, 'safefloor.db');

export async function openHub(options: HubOptions) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db: Database = await openSqlite(databaseFile(options.dataDir));
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }

  const events = new EventBus();
  const settings = createSettingsService(db, clock);
  const checkPin = createPinCheck({ db, clock, settings });
  const presence = createPresenceService({ db, clock, events, checkPin });
  const devices = createDevicesService({ db, clock, settings });
  const emergency = createEmergencyService({ db, clock, events, checkPin, settings });
  const extinguishers = createExtinguishersService({ db, clock, checkPin, settings });
  const hazards = createHazardsService({ db, clock, checkPin, settings });
  const t = createI18n(defaultLanguage).t;
  const exports = createExportsService({ db, clock, settings, keyStore: options.keyStore ?? fileKeyStore(options.dataDir), t });

  const handlers: Handlers = {
    ...presenceHandlers(presence),
    ...emergencyHandlers(emergency, settings),
    ...deviceHandlers(devices),
    ...extinguisherHandlers(extinguishers),
    ...hazardHandlers(hazards),
  };


  const dispatch = createDispatcher({
    handlers,
    authenticate: (token) => devices.authenticate(token),
    t,
    timeZone: async () => (await settings.current()).timeZone,
    log,
    validateOutput: options.validateOutput,
  });

  return {
    db,
    clock,
    events,
    dispatch,
    settings,
    presence,
    devices,
    emergency,
    exports,
    extinguishers,
    hazards,
    log,
    t,
    close: () => db.close(),
  };
}

export type Hub = Awaited<ReturnType<typeof openHub>>;
