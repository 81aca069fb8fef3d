/** The export methods of the contract (the admin screen's signed exports). Runs in: the hub. */
import type { exportMethods } from '../../../shared/contract/index.js';
import { actorOf } from '../context.js';
import type { Handlers } from '../dispatcher.js';
import type { ExportsService } from '../services/exports.js';

export const exportHandlers = (exports: ExportsService): Pick<Handlers, keyof typeof exportMethods> => ({
  'export.key': () => exports.key(),
  'export.start': async (input, caller) => exports.start(input, actorOf(caller)),
  'export.cancel': async (input) => exports.cancel(input.exportId),
  'export.list': async () => exports.list(),
  'export.verify': (input) => exports.verify(input.name),
});
