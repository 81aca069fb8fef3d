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
import { exportHandlers } from './handlers/export.js';
import { reportHandlers } from './handlers/report.js';
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
import { appearanceHandlers } from './handlers/appearance.js';
import { briefingHandlers } from './handlers/briefing.js';
import { dashboardHandlers } from './handlers/dashboard.js';
import { peopleHandlers } from './handlers/people.js';
import { rosterHandlers } from './handlers/roster.js';
import { visitorHandlers } from './handlers/visitors.js';
import { createAppearanceService } from './services/appearance.js';
import { createAutoSignOut } from './services/auto-signout.js';
import { createBriefingService } from './services/briefing.js';
import { createDashboardService } from './services/dashboard.js';
import { createDoorSettings } from './services/door-settings.js';
import { createPeopleService } from './services/people.js';
import { createRosterService } from './services/roster.js';
import { createSupervisorAuth } from './services/supervisor-auth.js';
import { createTicketStore } from './services/tickets.js';
import { createVisitorsService } from './services/visitors.js';
import { createBackupService } from './services/backup.js';
import { createEmergencyFallback } from './services/emergency-fallback.js';
import { retentionHandlers } from './handlers/retention.js';
import { createRetentionService } from './services/retention.js';

export interface HubOptions {
  /** The data folder; the database is `safefloor.db` inside it. */
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  validateOutput?: boolean;
  /** Where the device's signing key lives; default: a file in the data folder (owner-only). */
  keyStore?: KeyStore;
  /**
   * Close forgotten sign-outs at the site's daily close time while the hub runs, and make up a missed
   * close at start (default on). One-shot commands that must change nothing (a dry run) turn it off.
   */
  autoSignOut?: boolean;
  /** The daily automatic backup (default on); one-shot commands and most tests turn it off. */
  backups?: boolean;
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
  const tickets = createTicketStore(clock);
  const supervisor = createSupervisorAuth({ db, clock, checkPin, tickets });
  const visitors = createVisitorsService({ db, clock, events, settings });
  const appearance = createAppearanceService({ db, clock, checkPin, tickets, supervisor, events });
  const briefing = createBriefingService({ db, clock, supervisor });
  const people = createPeopleService({ db, clock, settings, supervisor });
  const dashboard = createDashboardService({ db, clock, settings });
  const autoSignOut = createAutoSignOut({ db, clock, events, settings, log });
  const doorSettings = createDoorSettings({ settings, supervisor, autoSignOut });
  const presence = createPresenceService({
    db,
    clock,
    events,
    checkPin,
    settings,
    issueSelfCheckTicket: appearance.issueTicket,
    visitorsOnSite: visitors.onSite,
  });
  const devices = createDevicesService({ db, clock, settings, supervisor });
  const backups = createBackupService({ db, clock, settings, dataDir: options.dataDir, log });
  // The emergency information and the working token hashes, kept beside the database for a start that cannot open it.
  const fallback = createEmergencyFallback({ db, clock, settings, dataDir: options.dataDir, log });
  devices.onChange(() => void fallback.refresh());
  const emergency = createEmergencyService({ db, clock, events, checkPin, settings });
  const extinguishers = createExtinguishersService({ db, clock, checkPin, settings });
  const hazards = createHazardsService({ db, clock, checkPin, settings });
  const t = createI18n(defaultLanguage).t;
  const roster = createRosterService({ db, clock, settings, supervisor, t });
  const exports = createExportsService({ db, clock, settings, keyStore: options.keyStore ?? fileKeyStore(options.dataDir), t, events, dataDir: options.dataDir });
  const retention = createRetentionService({ db, clock, settings, supervisor, backups: backups.list });

  const handlers: Handlers = {
    ...presenceHandlers(presence),
    ...emergencyHandlers(emergency, settings),
    ...deviceHandlers(devices),
    ...extinguisherHandlers(extinguishers),
    ...hazardHandlers(hazards),
    ...reportHandlers({ t, clock, settings, emergency, extinguishers }),
    ...exportHandlers(exports),
    ...peopleHandlers(people, supervisor),
    ...rosterHandlers(roster),
    ...visitorHandlers(visitors),
    ...briefingHandlers(briefing),
    ...appearanceHandlers(appearance),
    ...dashboardHandlers(dashboard, doorSettings),
    ...retentionHandlers(retention),
  };


  const dispatch = createDispatcher({
    handlers,
    authenticate: (token) => devices.authenticate(token),
    t,
    timeZone: async () => (await settings.current()).timeZone,
    log,
    validateOutput: options.validateOutput,
  });

  try {
    // A new site starts with the default briefing and self-check list (version 1 of each).
    await briefing.ensureDefault();
    await appearance.ensureDefault();
    if (options.autoSignOut ?? true) await autoSignOut.start();
    await fallback.start();
    if (options.backups ?? true) await backups.start();
  } catch (err) {
    autoSignOut.stop();
    await fallback.stop();
    await backups.stop();
    await db.close().catch(() => undefined);
    throw err;
  }

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
    people,
    roster,
    visitors,
    briefing,
    appearance,
    dashboard,
    autoSignOut,
    backups,
    fallback,
    doorSettings,
    retention,
    close: async () => {
      autoSignOut.stop();
      await fallback.stop();
      await backups.stop();
      return db.close();
    },
  };
}

export type Hub = Awaited<ReturnType<typeof openHub>>;
