/** The presence methods of the contract, served by the presence service. Runs in: the hub. */
import type { presenceMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { PresenceService } from '../services/presence.js';

export const presenceHandlers = (presence: PresenceService): Pick<Handlers, keyof typeof presenceMethods> => ({
  'presence.signIn': (input, caller) => presence.signIn(input, caller),
  'presence.signOut': (input, caller) => presence.signOut(input, caller),
  'presence.toggle': (input, caller) => presence.toggle(input, caller),
  'presence.onSite': () => presence.onSite(),
});
