import { z } from 'zod';

/** A device's role decides which screens it offers and which methods its token may call. */
export const deviceRoles = ['kiosk', 'warden', 'display', 'admin', 'integration'] as const;
export const DeviceRole = z.enum(deviceRoles);
export type DeviceRole = z.infer<typeof DeviceRole>;

/** A person's role on the roster (not a device role): it decides what their PIN authorises. */
export const personRoles = ['staff', 'supervisor', 'warden', 'admin'] as const;
export const PersonRole = z.enum(personRoles);
export type PersonRole = z.infer<typeof PersonRole>;
