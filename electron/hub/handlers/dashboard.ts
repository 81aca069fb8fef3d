/** The supervisor dashboard and door settings methods of the contract. Runs in: the hub. */
import type { dashboardMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { DashboardService } from '../services/dashboard.js';
import type { DoorSettingsService } from '../services/door-settings.js';

export const dashboardHandlers = (dashboard: DashboardService, door: DoorSettingsService): Pick<Handlers, keyof typeof dashboardMethods> => ({
  'dashboard.today': (input) => dashboard.today(input),
  'dashboard.compliance': (input) => dashboard.compliance(input),
  'dashboard.autoClosed': (input) => dashboard.autoClosed(input),
  'doorSettings.current': () => door.current(),
  'doorSettings.update': (input, caller) => door.update(input, caller),
});
