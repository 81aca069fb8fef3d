/** Queries about visits: the visitor, their host, the briefing they accepted, and their sign-in and sign-out. Runs in: the hub. */
import type { Queryable } from '../port.js';

export interface VisitorEventRow {
  id: number;
  visitor_id: number;
  kind: 'in' | 'out';
  at: number;
  method: 'kiosk' | 'auto';
  automatic: 0 | 1;
  device_id: number | null;
}

export interface NewVisit {
  name: string;
  company: string;
  hostPersonId: number;
  briefingId: number;
  briefingLanguage: 'zh-CN' | 'en';
  at: number;
  deviceId: number | null;
}

export async function insertVisit(tx: Queryable, visit: NewVisit) {
  const { lastId } = await tx.run(
    'INSERT INTO visitors (name, company, host_person_id, briefing_id, briefing_language, created_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [visit.name, visit.company, visit.hostPersonId, visit.briefingId, visit.briefingLanguage, visit.at, visit.deviceId],
  );
  return {
    id: lastId,
    name: visit.name,
    company: visit.company,
    host_person_id: visit.hostPersonId,
    briefing_id: visit.briefingId,
    briefing_language: visit.briefingLanguage,
    created_at: visit.at,
    device_id: visit.deviceId,
  };
}

/** Adds a sign-in or sign-out; null when the visit already has one of that kind (a second sign-out changes nothing). */
export async function insertVisitorEvent(tx: Queryable, event: Omit<VisitorEventRow, 'id'>): Promise<VisitorEventRow | null> {
  const { changes, lastId } = await tx.run(
    'INSERT OR IGNORE INTO visitor_events (visitor_id, kind, at, method, automatic, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    [event.visitor_id, event.kind, event.at, event.method, event.automatic, event.device_id],
  );
  return changes === 1 ? { id: lastId, ...event } : null;
}

export interface VisitRow {
  visitor_id: number;
  name: string;
  company: string;
  host_employee_no: string;
  host_name: string;
  host_team: string;
  briefing_version: number;
  since: number;
  until: number | null;
  automatic: 0 | 1 | null;
}

const visitSelect = `
  SELECT v.id AS visitor_id, v.name, v.company, h.employee_no AS host_employee_no, h.name AS host_name, h.team AS host_team,
         b.version AS briefing_version, i.at AS since, o.at AS until, o.automatic
    FROM visitors v
    JOIN people h ON h.id = v.host_person_id
    JOIN briefings b ON b.id = v.briefing_id
    JOIN visitor_events i ON i.visitor_id = v.id AND i.kind = 'in'
    LEFT JOIN visitor_events o ON o.visitor_id = v.id AND o.kind = 'out'`;

export const findVisit = (db: Queryable, visitorId: number) => db.get<VisitRow>(`${visitSelect} WHERE v.id = ?`, [visitorId]);

/** Visitors on site: signed in and not yet out. */
export const visitorsOnSite = (db: Queryable) => db.all<VisitRow>(`${visitSelect} WHERE o.id IS NULL ORDER BY i.at, i.id`);

/** Visits that began in [from, to), oldest first. */
export const visitsBetween = (db: Queryable, from: number, to: number) =>
  db.all<VisitRow>(`${visitSelect} WHERE i.at >= ? AND i.at < ? ORDER BY i.at, i.id`, [from, to]);

/** Visitors still signed in from before an instant: the daily close signs them out. */
export const visitorsSignedInBefore = (db: Queryable, before: number) =>
  db.all<{ visitor_id: number }>(
    `SELECT i.visitor_id FROM visitor_events i
      WHERE i.kind = 'in' AND i.at < ?
        AND NOT EXISTS (SELECT 1 FROM visitor_events o WHERE o.visitor_id = i.visitor_id AND o.kind = 'out')`,
    [before],
  );

/** Visitor sign-outs the daily close recorded in [from, to), newest first. */
export const autoClosedVisits = (db: Queryable, from: number, to: number) =>
  db.all<VisitRow>(`${visitSelect} WHERE o.automatic = 1 AND o.at >= ? AND o.at < ? ORDER BY o.at DESC, o.id DESC`, [from, to]);

export const lastVisitorEventId = async (db: Queryable) =>
  (await db.get<{ id: number | null }>('SELECT max(id) AS id FROM visitor_events'))?.id ?? 0;
