/** The device methods of the contract. Runs in: the hub. */
import type { deviceMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { DevicesService } from '../services/devices.js';

export const deviceHandlers = (devices: DevicesService): Pick<Handlers, keyof typeof deviceMethods> => ({
  'device.whoami': async (_input, caller) => {
    // Not public: the dispatcher has authenticated the caller before this runs.
    const device = caller.device!;
    return { deviceId: device.id, name: device.name, role: device.role };
  },
  'device.pair': (input) => devices.pair(input.code),
  'device.list': () => devices.list(),
  'device.invite': (input, caller) => devices.invite(input, caller),
  'device.revoke': (input, caller) => devices.revoke(input, caller),
});
