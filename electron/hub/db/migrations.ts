/**
 * Forward-only schema migrations, in order. Runs in: the hub (plain Node).
 * The position in the list is the version stored in `PRAGMA user_version`; never edit or reorder a
 * migration that has shipped, append a new one.
 */
import { DatabaseFileError } from './errors.js';
import type { Database } from './port.js';

export interface Migration {
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    name: 'foundation: people, devices, presence, audit log, settings',
    sql: `
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        employee_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'warden', 'admin')),
        badge TEXT UNIQUE,
        pin_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_pins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        training_passed_on TEXT,
        training_expires_on TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('kiosk', 'warden', 'display', 'admin', 'integration')),
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        device_id INTEGER NOT NULL REFERENCES devices (id),
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE TABLE pairings (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('kiosk', 'warden', 'display', 'admin', 'integration')),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE TABLE presence_events (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        at INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('badge', 'pin', 'auto')),
        automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
        device_id INTEGER REFERENCES devices (id)
      );
      -- The latest event per person is one index seek: who is on site stays fast at millions of rows.
      CREATE INDEX presence_events_by_person ON presence_events (person_id, id);
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        record_hash TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TABLE site_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    name: 'exports: the audit trail of what left the device',
    sql: `
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        period_from INTEGER NOT NULL,
        period_to INTEGER NOT NULL,
        first_seq INTEGER,
        last_seq INTEGER,
        last_hash TEXT,
        manifest_sha512 TEXT NOT NULL,
        records INTEGER NOT NULL
      );
    `,
  },
  {
    name: 'emergencies and roll call',
    sql: `
      CREATE TABLE emergencies (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('fire', 'gas', 'power', 'other')),
        drill INTEGER NOT NULL CHECK (drill IN (0, 1)),
        started_at INTEGER NOT NULL,
        -- The roll is derived from presence: on site = latest event up to this id is a sign-in.
        start_event_id INTEGER NOT NULL,
        started_by_device INTEGER REFERENCES devices (id),
        started_by_person INTEGER REFERENCES people (id),
        ended_at INTEGER,
        end_event_id INTEGER,
        ended_by_device INTEGER REFERENCES devices (id),
        ended_by_person INTEGER REFERENCES people (id)
      );
      -- At most one emergency is active at a time.
      CREATE UNIQUE INDEX emergencies_one_active ON emergencies ((ended_at IS NULL)) WHERE ended_at IS NULL;
      CREATE TABLE roll_call_marks (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergencies (id),
        person_id INTEGER REFERENCES people (id),
        visitor_id INTEGER,
        marked_at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id),
        CHECK ((person_id IS NULL) <> (visitor_id IS NULL))
      );
      -- Two wardens marking the same person at once: the second changes nothing.
      CREATE UNIQUE INDEX roll_call_marks_person ON roll_call_marks (emergency_id, person_id) WHERE person_id IS NOT NULL;
      CREATE UNIQUE INDEX roll_call_marks_visitor ON roll_call_marks (emergency_id, visitor_id) WHERE visitor_id IS NOT NULL;
    `,
  },
  {
    name: 'fire extinguishers, their checks, the monthly co-signature, hazards and their rectification',
    sql: `
      CREATE TABLE extinguishers (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL UNIQUE,
        location TEXT NOT NULL,
        zone TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('water', 'foam', 'powder', 'clean_agent', 'co2')),
        size_kg REAL NOT NULL,
        manufactured_on TEXT NOT NULL,
        last_repair_on TEXT,
        half_monthly INTEGER NOT NULL DEFAULT 0 CHECK (half_monthly IN (0, 1)),
        has_gauge INTEGER NOT NULL DEFAULT 1 CHECK (has_gauge IN (0, 1)),
        in_service_since TEXT NOT NULL,
        retired_at INTEGER,
        retired_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE extinguisher_checks (
        id INTEGER PRIMARY KEY,
        extinguisher_id INTEGER NOT NULL REFERENCES extinguishers (id),
        checked_on TEXT NOT NULL,
        at INTEGER NOT NULL,
        inspector_id INTEGER NOT NULL REFERENCES people (id),
        rule_set TEXT NOT NULL,
        results TEXT NOT NULL,
        gauge TEXT NOT NULL CHECK (gauge IN ('green', 'red', 'yellow', 'na')),
        note TEXT NOT NULL DEFAULT '',
        signature TEXT NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE INDEX extinguisher_checks_by_unit ON extinguisher_checks (extinguisher_id, checked_on);
      CREATE INDEX extinguisher_checks_by_day ON extinguisher_checks (checked_on);
      CREATE TABLE check_round_cosigns (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people (id),
        signature TEXT NOT NULL,
        at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE TABLE hazards (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('check', 'kiosk', 'warden')),
        description TEXT NOT NULL,
        location TEXT NOT NULL,
        extinguisher_id INTEGER REFERENCES extinguishers (id),
        check_id INTEGER REFERENCES extinguisher_checks (id),
        item_no INTEGER,
        reported_at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      -- A hazard's plan and status are a history of updates, never rewritten.
      CREATE TABLE hazard_updates (
        id INTEGER PRIMARY KEY,
        hazard_id INTEGER NOT NULL REFERENCES hazards (id),
        kind TEXT NOT NULL CHECK (kind IN ('plan', 'fixed', 'verified')),
        details TEXT NOT NULL,
        person_id INTEGER REFERENCES people (id),
        at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE INDEX hazard_updates_by_hazard ON hazard_updates (hazard_id, id);
    `,
  },
  {
    name: 'people at the door: visitors, briefings, self-check lists and checks, training records',
    sql: `
      CREATE TABLE briefings (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        content TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES people (id),
        device_id INTEGER REFERENCES devices (id)
      );
      -- One row per visit: only what the visitor feature needs (no phone, no ID number).
      CREATE TABLE visitors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        company TEXT NOT NULL,
        host_person_id INTEGER NOT NULL REFERENCES people (id),
        briefing_id INTEGER NOT NULL REFERENCES briefings (id),
        briefing_language TEXT NOT NULL CHECK (briefing_language IN ('zh-CN', 'en')),
        created_at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      -- A visit's sign-in and sign-out, as facts; the roll of an emergency is derived from them by id.
      CREATE TABLE visitor_events (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors (id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        at INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('kiosk', 'auto')),
        automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE UNIQUE INDEX visitor_events_one_each ON visitor_events (visitor_id, kind);
      CREATE INDEX visitor_events_by_at ON visitor_events (at);
      -- Where the visitor events stood when an emergency started and ended (null: before visitors existed).
      ALTER TABLE emergencies ADD COLUMN start_visitor_event_id INTEGER;
      ALTER TABLE emergencies ADD COLUMN end_visitor_event_id INTEGER;
      CREATE TABLE checklists (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        items TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES people (id),
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE TABLE appearance_checks (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        checklist_id INTEGER NOT NULL REFERENCES checklists (id),
        at INTEGER NOT NULL,
        flagged TEXT NOT NULL,
        required_flagged INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        via TEXT NOT NULL CHECK (via IN ('ticket', 'pin')),
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE INDEX appearance_checks_by_person ON appearance_checks (person_id, at);
      CREATE INDEX appearance_checks_by_at ON appearance_checks (at);
      -- What the supervisor did about a failed check: a fact of its own, the check is never rewritten.
      CREATE TABLE appearance_resolutions (
        id INTEGER PRIMARY KEY,
        check_id INTEGER NOT NULL UNIQUE REFERENCES appearance_checks (id),
        action TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        person_id INTEGER NOT NULL REFERENCES people (id),
        at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      -- Each time training is recorded; people.training_* hold the latest.
      CREATE TABLE training_records (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        passed_on TEXT,
        expires_on TEXT,
        source TEXT NOT NULL CHECK (source IN ('admin', 'import')),
        recorded_by INTEGER REFERENCES people (id),
        at INTEGER NOT NULL,
        device_id INTEGER REFERENCES devices (id)
      );
      CREATE INDEX training_records_by_person ON training_records (person_id, id);
      -- Today's sign-ins and the daily close's records, by time, for the dashboard.
      CREATE INDEX presence_events_by_at ON presence_events (at);
    `,
  },
  {
    name: 'retention: purges of personal fields, with a hash of what each removed',
    sql: `
      CREATE TABLE retention_purges (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        cutoff INTEGER NOT NULL,
        retention_months INTEGER NOT NULL,
        counts TEXT NOT NULL,
        person_id INTEGER REFERENCES people (id),
        device_id INTEGER REFERENCES devices (id)
      );
      -- One row per purged record: which fields went, and the hash of each (see contract/retention.ts).
      CREATE TABLE purged_fields (
        id INTEGER PRIMARY KEY,
        purge_id INTEGER NOT NULL REFERENCES retention_purges (id),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        fields TEXT NOT NULL
      );
      CREATE INDEX purged_fields_by_record ON purged_fields (entity, entity_id);
      -- What a purge looks for: old visits, checks and notes by time.
      CREATE INDEX visitors_by_created_at ON visitors (created_at);
      CREATE INDEX extinguisher_checks_by_at ON extinguisher_checks (at);
    `,
  },
  {
    name: 'speed: everyone’s latest presence event in a table of its own; the audit log by time',
    // Trigger bodies keep each inner ";" on the line of the next word: splitStatements cuts at ";" + newline.
    sql: `
      -- Derived, never written by hand: each person's latest presence event, kept by the triggers
      -- below in the same transaction as the event itself. Who is on site, the daily close and the
      -- door read one row per person here instead of seeking each person's latest event in the history.
      CREATE TABLE presence_current (
        person_id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      INSERT INTO presence_current (person_id, event_id, kind, at)
        SELECT e.person_id, e.id, e.kind, e.at FROM presence_events e
         WHERE e.id IN (SELECT max(id) FROM presence_events GROUP BY person_id);
      CREATE TRIGGER presence_current_on_insert AFTER INSERT ON presence_events BEGIN
        INSERT INTO presence_current (person_id, event_id, kind, at) VALUES (NEW.person_id, NEW.id, NEW.kind, NEW.at)
          ON CONFLICT (person_id) DO UPDATE SET event_id = excluded.event_id, kind = excluded.kind, at = excluded.at
          WHERE excluded.event_id > presence_current.event_id; END;
      -- Events are facts and are not changed or deleted; should one ever be, the person's row is derived again.
      CREATE TRIGGER presence_current_on_delete AFTER DELETE ON presence_events BEGIN
        DELETE FROM presence_current WHERE person_id = OLD.person_id; INSERT INTO presence_current (person_id, event_id, kind, at)
          SELECT person_id, id, kind, at FROM presence_events WHERE person_id = OLD.person_id ORDER BY id DESC LIMIT 1; END;
      CREATE TRIGGER presence_current_on_update AFTER UPDATE OF person_id, kind, at ON presence_events BEGIN
        DELETE FROM presence_current WHERE person_id IN (OLD.person_id, NEW.person_id); INSERT INTO presence_current (person_id, event_id, kind, at)
          SELECT e.person_id, e.id, e.kind, e.at FROM presence_events e
           WHERE e.id IN (SELECT max(id) FROM presence_events WHERE person_id IN (OLD.person_id, NEW.person_id) GROUP BY person_id); END;
      -- An export finds its period's audit entries by time without reading the whole log.
      CREATE INDEX audit_log_by_at ON audit_log (at);
    `,
  },
  {
    name: 'speed: the export finds the audit entries and presence events its quick way cannot write, by index',
    // Partial indexes that hold only such rows (none, on a site SafeFloor alone has written): an
    // export asks them per page instead of testing every row (db/stores/export.ts, where the same
    // expressions must stand word for word, or SQLite cannot use the index and the page goes row by row).
    sql: `
      CREATE INDEX audit_log_odd ON audit_log (seq) WHERE (typeof(at) != 'integer' OR at NOT BETWEEN 0 AND 9007199254740991
        OR typeof(record_hash) != 'text' OR typeof(prev_hash) != 'text' OR typeof(hash) != 'text'
        OR length(record_hash) != 64 OR unhex(record_hash) IS NULL OR length(prev_hash) != 64 OR length(hash) != 64);
      CREATE INDEX presence_events_odd ON presence_events (id) WHERE (typeof(at) != 'integer' OR at NOT BETWEEN -8640000000000000 AND 8640000000000000
        OR id > 9007199254740991 OR person_id NOT BETWEEN -9007199254740991 AND 9007199254740991
        OR typeof(device_id) NOT IN ('integer', 'null') OR device_id NOT BETWEEN -9007199254740991 AND 9007199254740991);
    `,
  },
  {
    name: 'speed: the export finds the audit entries whose texts JSON writes escaped, by index, and writes the others without json_quote',
    // audit_log_odd again, also holding the entries whose actor, action, entity or entity_id is not
    // text or holds a character JSON escapes (a control character, a quote or a backslash; NUL, which
    // GLOB cannot see, by instr): for every other text, JSON's string is the text in quotes
    // (db/stores/export.ts).
    sql: `
      DROP INDEX audit_log_odd;
      CREATE INDEX audit_log_odd ON audit_log (seq) WHERE (typeof(at) != 'integer' OR at NOT BETWEEN 0 AND 9007199254740991
        OR typeof(record_hash) != 'text' OR typeof(prev_hash) != 'text' OR typeof(hash) != 'text'
        OR length(record_hash) != 64 OR unhex(record_hash) IS NULL OR length(prev_hash) != 64 OR length(hash) != 64
        OR typeof(actor) != 'text' OR typeof(action) != 'text' OR typeof(entity) != 'text' OR typeof(entity_id) NOT IN ('text', 'null')
        OR actor GLOB ('*[' || char(1) || '-' || char(31) || char(34) || char(92) || ']*') OR instr(actor, char(0)) > 0
        OR action GLOB ('*[' || char(1) || '-' || char(31) || char(34) || char(92) || ']*') OR instr(action, char(0)) > 0
        OR entity GLOB ('*[' || char(1) || '-' || char(31) || char(34) || char(92) || ']*') OR instr(entity, char(0)) > 0
        OR entity_id GLOB ('*[' || char(1) || '-' || char(31) || char(34) || char(92) || ']*') OR instr(entity_id, char(0)) > 0);
    `,
  },
];

export const schemaVersion = migrations.length;

/** Brings the database up to this code's schema in one transaction, or refuses a newer one. */
export async function migrate(db: Database, list: readonly Migration[] = migrations): Promise<{ from: number; to: number }> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const from = row?.user_version ?? 0;
  if (from > list.length) {
    throw new DatabaseFileError(
      db.file,
      'future',
      `schema version ${from}, this SafeFloor knows up to ${list.length}`,
    );
  }
  if (from === list.length) return { from, to: from };
  await db.transaction(async (tx) => {
    for (let version = from + 1; version <= list.length; version++) {
      for (const statement of splitStatements(list[version - 1]!.sql)) await tx.run(statement);
    }
    // user_version lives in the file header and is part of this transaction: all or nothing.
    await tx.run(`PRAGMA user_version = ${list.length}`);
  });
  return { from, to: list.length };
}

/** Splits a migration script into statements (migrations hold no string literals with semicolons). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
