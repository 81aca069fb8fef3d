/** The extinguisher and hazard methods of the contract. Runs in: the hub. */
import type { extinguisherMethods, hazardMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { ExtinguishersService } from '../services/extinguishers.js';
import type { HazardsService } from '../services/hazards.js';

export const extinguisherHandlers = (units: ExtinguishersService): Pick<Handlers, keyof typeof extinguisherMethods> => ({
  'extinguisher.list': () => units.list(),
  'extinguisher.get': (input) => units.get(input.tag),
  'extinguisher.save': (input, caller) => units.save(input, caller),
  'extinguisher.retire': (input, caller) => units.retire(input.tag, input.reason, caller),
  'extinguisher.check': (input, caller) => units.check(input, caller),
  'extinguisher.cosign': (input, caller) => units.cosign(input, caller),
  'extinguisher.dashboard': () => units.dashboard(),
});

export const hazardHandlers = (hazards: HazardsService): Pick<Handlers, keyof typeof hazardMethods> => ({
  'hazard.report': (input, caller) => hazards.report(input, caller),
  'hazard.list': (input) => hazards.list(input.status),
  'hazard.plan': (input, caller) => hazards.plan(input, caller),
  'hazard.fix': (input, caller) => hazards.fix(input, caller),
  'hazard.verify': (input, caller) => hazards.verify(input, caller),
});
