/** Devices: tokens, one-time pairing links, and who a token belongs to. Runs in: the hub. */
import { ApiError, type DeviceRole, type PairOutput } from '../../../shared/contract/index.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import {
  findActiveDeviceByName,
  findDeviceByTokenHash,
  findPairing,
  insertDevice,
  insertPairing,
  insertToken,
  usePairing,
  type DeviceRow,
} from '../db/stores/devices.js';
import type { SettingsSource } from './settings.js';

export interface DevicesDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
}

/** How long a token that was found stays trusted without asking the database again. */
const tokenCacheMs = 2_000;

export function createDevicesService({ db, clock, settings }: DevicesDeps) {
  const cache = new Map<string, { device: DeviceRow; until: number }>();

  async function newDeviceWithToken(role: DeviceRole, name: string, actor: string, pairingId?: number) {
    const token = newSecret();
    const now = clock.now();
    const device = await db.transaction(async (tx) => {
      const device = await insertDevice(tx, name, role, now);
      await insertToken(tx, device.id, hashSecret(token), now);
      if (pairingId !== undefined && !(await usePairing(tx, pairingId, device.id, now))) {
        throw new ApiError('pairing_invalid');
      }
      await appendAudit(tx, {
        at: now,
        actor,
        action: pairingId === undefined ? 'device.token_created' : 'device.paired',
        entity: 'devices',
        entityId: device.id,
        record: { ...device, pairingId: pairingId ?? null },
      });
      return device;
    });
    return { token, device };
  }

  return {
    /** The device a bearer token belongs to, or null. Tokens made while the hub runs work at once. */
    async authenticate(token: string): Promise<DeviceRow | null> {
      const key = hashSecret(token);
      const now = Date.now();
      const hit = cache.get(key);
      if (hit && hit.until > now) return hit.device;
      const device = await findDeviceByTokenHash(db, key);
      if (device) cache.set(key, { device, until: now + tokenCacheMs });
      else cache.delete(key);
      return device ?? null;
    },

    /**
     * The device the desktop shell runs as when it hosts the hub itself: it talks to its own hub
     * process over a private channel, so it needs a device row (for the audit log) but no token.
     */
    async ensureLocalDevice(role: DeviceRole, name: string): Promise<DeviceRow> {
      const existing = await findActiveDeviceByName(db, name, role);
      if (existing) return existing;
      const now = clock.now();
      return db.transaction(async (tx) => {
        const device = await insertDevice(tx, name, role, now);
        await appendAudit(tx, { at: now, actor: 'local', action: 'device.local_created', entity: 'devices', entityId: device.id, record: device });
        return device;
      });
    },

    createToken: (role: DeviceRole, name: string, actor = 'local') => newDeviceWithToken(role, name, actor),

    async createPairing(role: DeviceRole, name: string, actor = 'local'): Promise<{ code: string; expiresAt: number }> {
      const code = newSecret();
      const now = clock.now();
      const expiresAt = now + (await settings.current()).pairingValidMinutes * 60_000;
      await db.transaction(async (tx) => {
        const id = await insertPairing(tx, { codeHash: hashSecret(code), role, name, now, expiresAt });
        await appendAudit(tx, { at: now, actor, action: 'device.pairing_created', entity: 'pairings', entityId: id, record: { id, role, name, expiresAt } });
      });
      return { code, expiresAt };
    },

    async pair(code: string): Promise<PairOutput> {
      const pairing = await findPairing(db, hashSecret(code));
      if (!pairing || pairing.used_at != null || pairing.expires_at <= clock.now()) throw new ApiError('pairing_invalid');
      const { token, device } = await newDeviceWithToken(pairing.role, pairing.name, 'pairing', pairing.id);
      return { token, deviceId: device.id, name: device.name, role: device.role };
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
