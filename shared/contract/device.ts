import { z } from 'zod';
import { everyRole, method } from './method.js';
import { Empty, Instant, limits, text } from './common.js';
import { SupervisorAuth } from './people.js';
import { DeviceRole } from './roles.js';

export const DeviceInfo = z.object({
  deviceId: z.number().int().positive(),
  name: z.string(),
  role: DeviceRole,
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const PairInput = z
  .object({ code: z.string().trim().min(8).max(limits.pairingCode).regex(/^[A-Za-z0-9_-]+$/) })
  .strict();

export const PairOutput = DeviceInfo.extend({ token: z.string() });
export type PairOutput = z.infer<typeof PairOutput>;

/** A device as the admin screen lists it. `lastSeenAt`: its last authenticated call since the hub started (null: none since then). */
export const DeviceListItem = DeviceInfo.extend({
  createdAt: Instant,
  lastSeenAt: Instant.nullable(),
  /** When its tokens stopped working; null while it may still call the hub. */
  revokedAt: Instant.nullable(),
});
export type DeviceListItem = z.infer<typeof DeviceListItem>;

export const DeviceRevokeInput = z
  .object({ auth: SupervisorAuth, deviceId: z.number().int().positive().max(2 ** 31) })
  .strict();

/** Roles a pairing link from the admin screen may carry (an alarm integration gets a token from the command line). */
export const InviteRole = z.enum(['kiosk', 'warden', 'display', 'admin']);

export const DeviceInviteInput = z
  .object({ auth: SupervisorAuth, role: InviteRole, name: text(60) })
  .strict();

export const deviceMethods = {
  'device.whoami': method({
    input: Empty,
    output: DeviceInfo,
    roles: everyRole,
    writes: false,
    summary: 'The calling device: its id, name and role.',
  }),
  'device.pair': method({
    input: PairInput,
    output: PairOutput,
    roles: 'public',
    writes: true,
    summary: 'Redeem a one-time pairing code for a device token with the role it was made for.',
  }),
  'device.list': method({
    input: Empty,
    output: z.object({ devices: z.array(DeviceListItem) }),
    roles: ['admin'],
    writes: false,
    summary: 'Every device ever paired or given a token, newest first, with when it was last seen and whether it is revoked.',
  }),
  'device.invite': method({
    input: DeviceInviteInput,
    output: z.object({ code: z.string(), role: DeviceRole, name: z.string(), expiresAt: Instant }),
    roles: ['admin'],
    writes: true,
    summary:
      "Make a one-time pairing code for a new device with a supervisor's PIN or admin ticket; the screen turns it into the link `<hub>/pair#<code>` (the code rides in the fragment). It works once, until it expires.",
  }),
  'device.revoke': method({
    input: DeviceRevokeInput,
    output: DeviceListItem,
    roles: ['admin'],
    writes: true,
    summary:
      "Revoke a device with a supervisor's PIN or admin ticket: its tokens stop working at once and its open event streams are closed. Revoking a revoked device changes nothing; a device cannot revoke itself.",
  }),
} as const;
