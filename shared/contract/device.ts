import { z } from 'zod';
import { limits } from './common.js';
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
