/** The emergency methods of the contract. Runs in: the hub. */
import type { emergencyMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { EmergencyService } from '../services/emergency.js';
import type { SettingsSource } from '../services/settings.js';

export const emergencyHandlers = (emergency: EmergencyService, settings: SettingsSource): Pick<Handlers, keyof typeof emergencyMethods> => ({
  'emergency.start': (input, caller) => emergency.start(input, caller),
  'emergency.current': () => emergency.current(),
  'emergency.markSafe': (input, caller) => emergency.markSafe(input, caller),
  'emergency.end': (input, caller) => emergency.end(input, caller),
  'emergency.report': (input) => emergency.report(input.emergencyId),
  'emergency.history': () => emergency.history(),
  'emergency.info': async () => {
    const site = await settings.current();
    return { assemblyPoint: site.assemblyPoint, numbers: site.siteNumbers, floorPlanUrl: site.floorPlanUrl };
  },
});
