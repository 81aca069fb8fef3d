/**
 * Devices: tokens, one-time pairing links, who a token belongs to, and revocation. Runs in: the hub.
 *
 * A token that was found is trusted for a moment without asking the database again (sign-ins come
 * in bursts). Revocation empties that cache and bumps a generation number, so a look-up that was
 * already under way when the revocation committed cannot put the revoked device back into it: a
 * revoked token stops working with the next request.
 */
import { ApiError, type DeviceListItem, type DeviceRole, type PairOutput, type SupervisorAuth } from '../../../shared/contract/index.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import {
  findActiveDeviceByName,
  findDeviceById,
  findDeviceByTokenHash,
  findPairing,
  insertDevice,
  insertPairing,
  insertToken,
  listDevices,
  revokeDevice,
  usePairing,
  type DeviceListRow,
  type DeviceRow,
} from '../db/stores/devices.js';
import type { SettingsSource } from './settings.js';

export interface DevicesDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  /** Checks the supervisor's PIN or admin ticket behind a revocation. */
  supervisor?: { authorise(auth: SupervisorAuth, caller: Caller): Promise<{ id: number }> };
}

/** How long a token that was found stays trusted without asking the database again. */
const tokenCacheMs = 2_000;

export type DeviceChange = { kind: 'revoked'; deviceId: number } | { kind: 'token' };

export function createDevicesService({ db, clock, settings, supervisor }: DevicesDeps) {
  const cache = new Map<string, { device: DeviceRow; until: number }>();
  let generation = 0;
  /** When each device last made an authenticated call, since the hub started (kept in memory: no write per request). */
  const lastSeen = new Map<number, number>();
  const listeners = new Set<(change: DeviceChange) => void>();
  const announce = (change: DeviceChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A broken listener must not undo a revocation that is already committed.
      }
    }
  };

  const listItem = (row: DeviceListRow): DeviceListItem => ({
    deviceId: row.id,
    name: row.name,
    role: row.role,
    createdAt: toInstant(row.created_at),
    lastSeenAt: lastSeen.has(row.id) ? toInstant(lastSeen.get(row.id)!) : null,
    revokedAt: row.revoked_at == null ? null : toInstant(row.revoked_at),
  });

  /** The device a bearer token belongs to, or null. Tokens made while the hub runs work at once. */
  async function authenticate(token: string): Promise<DeviceRow | null> {
    const key = hashSecret(token);
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) {
      lastSeen.set(hit.device.id, clock.now());
      return hit.device;
    }
    const asked = generation;
    const device = await findDeviceByTokenHash(db, key);
    // A revocation committed while the database was asked: do not trust what it said before.
    if (asked !== generation) return authenticate(token);
    if (device) {
      cache.set(key, { device, until: now + tokenCacheMs });
      lastSeen.set(device.id, clock.now());
    } else cache.delete(key);
    return device ?? null;
  }

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
    announce({ kind: 'token' });
    return { token, device };
  }

  return {
    authenticate,

    /** Every device, newest first. */
    async list(): Promise<{ devices: DeviceListItem[] }> {
      return { devices: (await listDevices(db)).map(listItem) };
    },

    /** Revokes a device: its tokens stop working at once; listeners close its event streams. */
    async revoke(input: { auth: SupervisorAuth; deviceId: number }, caller: Caller): Promise<DeviceListItem> {
      if (!supervisor) throw new Error('device revocation needs the supervisor check');
      const by = await supervisor.authorise(input.auth, caller);
      if (caller.device?.id === input.deviceId) throw new ApiError('cannot_revoke_self');
      const now = clock.now();
      const revoked = await db.transaction(async (tx) => {
        const row = await findDeviceById(tx, input.deviceId);
        if (!row) throw new ApiError('unknown_device');
        if (!(await revokeDevice(tx, row.id, now))) return false;
        await appendAudit(tx, {
          at: now,
          actor: `${actorOf(caller)}/person:${by.id}`,
          action: 'device.revoked',
          entity: 'devices',
          entityId: row.id,
          record: { id: row.id, name: row.name, role: row.role, revoked_at: now },
        });
        return true;
      });
      if (revoked) {
        generation++;
        cache.clear();
        announce({ kind: 'revoked', deviceId: input.deviceId });
      }
      return listItem((await findDeviceById(db, input.deviceId))!);
    },

    /** Called after each committed change of devices or tokens (revocation closes streams; the fallback file is refreshed). */
    onChange(listener: (change: DeviceChange) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
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

    /** A pairing code made from the admin screen, behind a supervisor's PIN or admin ticket. */
    async invite(input: { auth: SupervisorAuth; role: DeviceRole; name: string }, caller: Caller) {
      if (!supervisor) throw new Error('device invitations need the supervisor check');
      const by = await supervisor.authorise(input.auth, caller);
      const { code, expiresAt } = await this.createPairing(input.role, input.name, `${actorOf(caller)}/person:${by.id}`);
      return { code, role: input.role, name: input.name, expiresAt: toInstant(expiresAt) };
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
