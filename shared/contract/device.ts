import { z } from 'zod';
import { everyRole, method } from './method.js';
import { Empty, limits } from './common.js';
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
} as const;
