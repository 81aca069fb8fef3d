/** Queries about devices, their tokens and one-time pairing codes. Runs in: the hub. */
import type { DeviceRole } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';

export interface DeviceRow {
  id: number;
  name: string;
  role: DeviceRole;
}

export async function insertDevice(tx: Queryable, name: string, role: DeviceRole, now: number): Promise<DeviceRow> {
  const { lastId } = await tx.run('INSERT INTO devices (name, role, created_at) VALUES (?, ?, ?)', [name, role, now]);
  return { id: lastId, name, role };
}

export async function insertToken(tx: Queryable, deviceId: number, tokenHash: string, now: number): Promise<void> {
  await tx.run('INSERT INTO tokens (device_id, token_hash, created_at) VALUES (?, ?, ?)', [deviceId, tokenHash, now]);
}

export const findDeviceByTokenHash = (db: Queryable, tokenHash: string) =>
  db.get<DeviceRow>(
    `SELECT d.id, d.name, d.role FROM tokens t JOIN devices d ON d.id = t.device_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL AND d.revoked_at IS NULL`,
    [tokenHash],
  );

export async function insertPairing(
  tx: Queryable,
  pairing: { codeHash: string; role: DeviceRole; name: string; now: number; expiresAt: number },
): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO pairings (code_hash, role, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    [pairing.codeHash, pairing.role, pairing.name, pairing.now, pairing.expiresAt],
  );
  return lastId;
}

export interface PairingRow {
  id: number;
  role: DeviceRole;
  name: string;
  expires_at: number;
  used_at: number | null;
}

export const findPairing = (db: Queryable, codeHash: string) =>
  db.get<PairingRow>('SELECT id, role, name, expires_at, used_at FROM pairings WHERE code_hash = ?', [codeHash]);

/** Marks a pairing used; only the first of two racing redemptions changes a row. */
export async function usePairing(tx: Queryable, pairingId: number, deviceId: number, now: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE pairings SET used_at = ?, device_id = ? WHERE id = ? AND used_at IS NULL', [
    now,
    deviceId,
    pairingId,
  ]);
  return changes === 1;
}

export const findActiveDeviceByName = (db: Queryable, name: string, role: DeviceRole) =>
  db.get<DeviceRow>('SELECT id, name, role FROM devices WHERE name = ? AND role = ? AND revoked_at IS NULL ORDER BY id LIMIT 1', [
    name,
    role,
  ]);

export interface DeviceListRow extends DeviceRow {
  created_at: number;
  revoked_at: number | null;
}

export const listDevices = (db: Queryable) =>
  db.all<DeviceListRow>('SELECT id, name, role, created_at, revoked_at FROM devices ORDER BY id DESC');

export const findDeviceById = (db: Queryable, id: number) =>
  db.get<DeviceListRow>('SELECT id, name, role, created_at, revoked_at FROM devices WHERE id = ?', [id]);

/** Revokes a device and every token it holds; false when it was already revoked. */
export async function revokeDevice(tx: Queryable, id: number, now: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id]);
  await tx.run('UPDATE tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL', [now, id]);
  return changes === 1;
}

/** The hashes of the tokens that still work, with their device's role (for the emergency-only fallback). */
export const activeTokenHashes = (db: Queryable) =>
  db.all<{ token_hash: string; role: DeviceRole }>(
    `SELECT t.token_hash, d.role FROM tokens t JOIN devices d ON d.id = t.device_id
      WHERE t.revoked_at IS NULL AND d.revoked_at IS NULL ORDER BY t.id`,
  );
