/** The door's settings a supervisor may change: training gate and periods, the daily close. Runs in: the hub. */
import type { DoorSettings, SupervisorAuth } from '../../../shared/contract/index.js';
import { actorOf, type Caller } from '../context.js';
import type { AutoSignOut } from './auto-signout.js';
import type { SettingsService } from './settings.js';
import type { SupervisorAuthService } from './supervisor-auth.js';

export interface DoorSettingsDeps {
  settings: SettingsService;
  supervisor: SupervisorAuthService;
  autoSignOut: AutoSignOut;
}

export function createDoorSettings({ settings, supervisor, autoSignOut }: DoorSettingsDeps) {
  async function current(): Promise<DoorSettings> {
    const s = await settings.current();
    return { trainingGate: s.trainingGate, trainingExpiringDays: s.trainingExpiringDays, trainingValidMonths: s.trainingValidMonths, dailyCloseAt: s.dailyCloseAt };
  }

  return {
    current,
    async update(input: Partial<DoorSettings> & { auth: SupervisorAuth }, caller: Caller): Promise<DoorSettings> {
      const by = await supervisor.authorise(input.auth, caller);
      const { auth: _auth, ...patch } = input;
      // The audit log's actor names ids only: the device and the supervisor who authorised it.
      await settings.update(patch, `${actorOf(caller)}/person:${by.id}`);
      if (patch.dailyCloseAt !== undefined) await autoSignOut.reschedule();
      return current();
    },
  };
}

export type DoorSettingsService = ReturnType<typeof createDoorSettings>;
