import type { z } from 'zod';
import type { DeviceRole } from './roles.js';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Device roles whose token may call the method; `public` needs no token at all. */
  roles: readonly DeviceRole[] | 'public';
  /** Whether the method changes anything (a display token never may). */
  writes: boolean;
  summary: string;
  /**
   * A larger request body than the doors' default (64 KiB) for this method only, e.g. a roster file.
   * The HTTP door grants it only to a caller whose token may call the method.
   */
  maxBodyBytes?: number;
}

/** Declares one method of the contract (keeps its schema types for the typed client and handlers). */
export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/** Devices at which a person passes the door. */
export const doorRoles = ['kiosk', 'warden', 'admin'] as const satisfies readonly DeviceRole[];
export const everyRole = ['kiosk', 'warden', 'display', 'admin', 'integration'] as const satisfies readonly DeviceRole[];
