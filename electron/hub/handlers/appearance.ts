/** The self-check methods of the contract: the checklist, checks and their review. Runs in: the hub. */
import type { appearanceMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { AppearanceService } from '../services/appearance.js';

export const appearanceHandlers = (appearance: AppearanceService): Pick<Handlers, keyof typeof appearanceMethods> => ({
  'checklist.current': () => appearance.current(),
  'checklist.update': (input, caller) => appearance.update(input, caller),
  'appearance.submit': (input, caller) => appearance.submit(input, caller),
  'appearance.reviewQueue': (input) => appearance.reviewQueue(input),
  'appearance.resolve': (input, caller) => appearance.resolve(input, caller),
});
