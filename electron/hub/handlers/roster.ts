/** The roster import methods of the contract. Runs in: the hub. */
import type { rosterMethods } from '../../../shared/contract/index.js';
import type { Handlers } from '../dispatcher.js';
import type { RosterService } from '../services/roster.js';

export const rosterHandlers = (roster: RosterService): Pick<Handlers, keyof typeof rosterMethods> => ({
  'roster.preview': (input, caller) => roster.preview(input, caller),
  'roster.import': (input, caller) => roster.import(input, caller),
  'roster.progress': async (input) => roster.progress(input.jobId),
  'roster.cancel': async (input) => roster.cancel(input.jobId),
});
