/** The people-admin methods of the contract (and opening the admin screens). Runs in: the hub. */
import type { peopleMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { PeopleService } from '../services/people.js';
import type { SupervisorAuthService } from '../services/supervisor-auth.js';

export const peopleHandlers = (people: PeopleService, supervisor: SupervisorAuthService): Pick<Handlers, keyof typeof peopleMethods> => ({
  'admin.unlock': (input, caller) => supervisor.unlock(input, caller),
  'admin.lock': async (input) => ({ locked: supervisor.lock(input.ticket) }),
  'people.search': (input) => people.search(input.query, input.limit),
  'people.list': (input) => people.list(input),
  'people.get': (input) => people.get(input.employeeNo),
  'people.add': (input, caller) => people.add(input, caller),
  'people.update': (input, caller) => people.update(input, caller),
  'people.setActive': (input, caller) => people.setActive(input, caller),
  'people.resetPin': (input, caller) => people.resetPin(input, caller),
  'people.recordTraining': (input, caller) => people.recordTraining(input, caller),
});
