/**
 * `safefloor purge`: removes personal fields past the site's retention period, as the admin screen's
 * purge does (see shared/contract/retention.ts), from the command line of the hub's own computer.
 * Runs in: the hub's command line.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openHub } from '../hub.js';
import { UsageError } from './args.js';

export const purgeUsage = 'safefloor purge --data DIR [--dry-run]';

export async function purgeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { data: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (!values.data) throw new UsageError('--data DIR is required');
  if (positionals.length > 0) throw new UsageError(`purge takes no ${positionals[0]}`);
  // A one-shot command changes nothing but what it was asked to: no daily close, no backup.
  const hub = await openHub({ dataDir: resolve(values.data), autoSignOut: false, backups: false });
  try {
    const { retentionMonths } = await hub.settings.current();
    const result = await hub.retention.run({ dryRun: values['dry-run'], actor: 'local', personId: null, deviceId: null });
    const counts = Object.entries(result.counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    const what = `${result.total} records from before ${result.cutoff} (retention ${retentionMonths} months)${counts ? `: ${counts}` : ''}`;
    if (result.dryRun) console.log(`Dry run, nothing changed — a purge would remove the personal fields of ${what}.`);
    else if (result.purgeId === null) console.log(`Nothing to purge: no personal fields left in records from before ${result.cutoff}.`);
    else console.log(`Purge ${result.purgeId}: removed the personal fields of ${what}. The audit log holds a hash of each.`);
    return 0;
  } finally {
    await hub.close();
  }
}
