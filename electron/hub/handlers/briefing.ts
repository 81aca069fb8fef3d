/** The safety briefing methods of the contract. Runs in: the hub. */
import type { briefingMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { BriefingService } from '../services/briefing.js';

export const briefingHandlers = (briefing: BriefingService): Pick<Handlers, keyof typeof briefingMethods> => ({
  'briefing.current': () => briefing.current(),
  'briefing.update': (input, caller) => briefing.update(input, caller),
});
