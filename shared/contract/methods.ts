import type { z } from 'zod';
import { Empty } from './common.js';
import { DeviceInfo, PairInput, PairOutput } from './device.js';
import {
  EmergencyCurrent,
  EmergencyEndInput,
  EmergencyHistory,
  EmergencyIdInput,
  EmergencyReport,
  EmergencyStartInput,
  MarkSafeOutput,
  RollSubject,
  SiteEmergencyInfo,
} from './emergency.js';
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
  'emergency.start': method({
    input: EmergencyStartInput,
    output: EmergencyCurrent,
    roles: ['warden', 'admin', 'integration', 'kiosk'],
    writes: true,
    summary: 'Declare an emergency or a drill; every screen turns to the evacuation display. A kiosk needs the PIN of a warden, supervisor or admin.',
  }),
  'emergency.current': method({
    input: Empty,
    output: EmergencyCurrent,
    roles: everyRole,
    writes: false,
    summary: 'The active emergency with live counts and who is not yet accounted for, or null.',
  }),
  'emergency.markSafe': method({
    input: RollSubject,
    output: MarkSafeOutput,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Mark a person safe at the assembly point; marking someone twice counts once.',
  }),
  'emergency.end': method({
    input: EmergencyEndInput,
    output: EmergencyReport,
    roles: ['warden', 'admin', 'kiosk'],
    writes: true,
    summary: 'End the emergency with the PIN of a warden, supervisor or admin; returns the report.',
  }),
  'emergency.report': method({
    input: EmergencyIdInput,
    output: EmergencyReport,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'The report of an emergency or drill: who started and ended it, who was missing and for how long.',
  }),
  'emergency.history': method({
    input: Empty,
    output: EmergencyHistory,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'Past emergencies and drills, and whether a drill is overdue.',
  }),
  'emergency.info': method({
    input: Empty,
    output: SiteEmergencyInfo,
    roles: everyRole,
    writes: false,
    summary: 'What the evacuation display shows besides the roll: assembly point, numbers, floor plan.',
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
