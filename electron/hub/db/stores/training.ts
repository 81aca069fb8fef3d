/** Queries about safety training records (each time training is recorded). Runs in: the hub. */
import type { Queryable } from '../port.js';

export interface TrainingRecordRow {
  id: number;
  person_id: number;
  passed_on: string | null;
  expires_on: string | null;
  source: 'admin' | 'import';
  recorded_by: number | null;
  at: number;
  device_id: number | null;
}

export async function insertTrainingRecord(tx: Queryable, record: Omit<TrainingRecordRow, 'id'>): Promise<TrainingRecordRow> {
  const { lastId } = await tx.run(
    'INSERT INTO training_records (person_id, passed_on, expires_on, source, recorded_by, at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [record.person_id, record.passed_on, record.expires_on, record.source, record.recorded_by, record.at, record.device_id],
  );
  return { id: lastId, ...record };
}

export const trainingHistory = (db: Queryable, personId: number) =>
  db.all<TrainingRecordRow & { recorded_by_employee_no: string | null }>(
    `SELECT t.*, r.employee_no AS recorded_by_employee_no
       FROM training_records t LEFT JOIN people r ON r.id = t.recorded_by
      WHERE t.person_id = ? ORDER BY t.id DESC`,
    [personId],
  );
