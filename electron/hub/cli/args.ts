/** Small helpers for the command line's arguments. Runs in: the hub's command line. */
import { DeviceRole } from '../../../shared/contract/index.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseRole(value: string | undefined): DeviceRole {
  const parsed = DeviceRole.safeParse(value);
  if (!parsed.success) throw new UsageError(`--role must be one of ${DeviceRole.options.join(', ')}`);
  return parsed.data;
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
  return port;
}

export const defaultPort = 7420;
export const defaultDataDir = () => process.env.SAFEFLOOR_DATA ?? 'safefloor-data';
