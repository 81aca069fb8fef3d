/** The visitor methods of the contract. Runs in: the hub. */
import type { visitorMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { VisitorsService } from '../services/visitors.js';

export const visitorHandlers = (visitors: VisitorsService): Pick<Handlers, keyof typeof visitorMethods> => ({
  'visitor.signIn': (input, caller) => visitors.signIn(input, caller),
  'visitor.signOut': (input, caller) => visitors.signOut(input, caller),
  'visitor.list': (input) => visitors.list(input),
});
