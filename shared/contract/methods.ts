import type { z } from 'zod';
import { deviceMethods } from './device.js';
import { emergencyMethods } from './emergency.js';
import { extinguisherMethods } from './extinguisher.js';
import { hazardMethods } from './hazard.js';
import { exportMethods } from './export.js';
import { retentionMethods } from './retention.js';
import { reportMethods } from './report.js';
import type { DeviceRole } from './roles.js';
import { presenceMethods } from './presence.js';
import { peopleMethods } from './people.js';
import { rosterMethods } from './roster.js';
import { visitorMethods } from './visitors.js';
import { briefingMethods } from './briefing.js';
import { appearanceMethods } from './appearance.js';
import { dashboardMethods } from './dashboard.js';

export type { MethodSpec } from './method.js';

/**
 * The one contract between every screen and the hub: each domain declares its methods once, in its
 * own file, and they are gathered here. The hub's dispatcher, the HTTP door, the Electron IPC door
 * and the API reference all read this table.
 */
export const contract = {
  ...presenceMethods,
  ...emergencyMethods,
  ...deviceMethods,
  ...extinguisherMethods,
  ...hazardMethods,
  ...peopleMethods,
  ...rosterMethods,
  ...visitorMethods,
  ...briefingMethods,
  ...appearanceMethods,
  ...dashboardMethods,
  ...reportMethods,
  ...exportMethods,
  ...retentionMethods,
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
