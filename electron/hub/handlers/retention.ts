/** The retention methods of the contract: how long personal data is kept, the purge, the chain check, backups. Runs in: the hub. */
import type { retentionMethods } from '../../../shared/contract/retention.js';
import type { Handlers } from '../dispatcher.js';
import type { RetentionService } from '../services/retention.js';

export const retentionHandlers = (retention: RetentionService): Pick<Handlers, keyof typeof retentionMethods> => ({
  'retention.status': () => retention.status(),
  'retention.update': (input, caller) => retention.update(input, caller),
  'retention.purge': (input, caller) => retention.purge(input, caller),
  'audit.check': () => retention.checkChain(),
  'backup.list': () => retention.backupList(),
});
