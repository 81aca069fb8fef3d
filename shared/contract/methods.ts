import type { z } from 'zod';
import { Empty } from './common.js';
import { DeviceInfo, PairInput, PairOutput } from './device.js';
import { Credential, OnSite, PresenceResult } from './presence.js';
import type { DeviceRole } from './roles.js';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Device roles whose token may call the method; `public` needs no token at all. */
  roles: readonly DeviceRole[] | 'public';
  /** Whether the method changes anything (a display token never may). */
  writes: boolean;
  summary: string;
}

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

const doorRoles = ['kiosk', 'warden', 'admin'] as const satisfies readonly DeviceRole[];
const everyRole = ['kiosk', 'warden', 'display', 'admin', 'integration'] as const;

/**
 * The one contract between every screen and the hub. Each method is declared once here; the hub's
 * dispatcher, the HTTP door, the Electron IPC door and the API reference all read this table.
 */
export const contract = {
  'presence.signIn': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary: 'Sign a staff member in by badge or employee number + PIN.',
  }),
  'presence.signOut': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary: 'Sign a staff member out by badge or employee number + PIN.',
  }),
  'presence.toggle': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary: 'Sign in whoever is out and out whoever is in: one scan at the door does the right thing.',
  }),
  'presence.onSite': method({
    input: Empty,
    output: OnSite,
    roles: everyRole,
    writes: false,
    summary: 'Everyone whose latest presence event is a sign-in, staff and visitors.',
  }),
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function roleMayCall(role: DeviceRole, name: MethodName): boolean {
  const roles = contract[name].roles;
  return roles === 'public' || roles.includes(role);
}
