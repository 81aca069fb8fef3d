/** `safefloor extinguishers import`: the registry from a CSV file. Runs in: the hub's command line. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openHub } from '../hub.js';
import { importExtinguishers } from '../import/extinguishers.js';
import { UsageError } from './args.js';

export async function extinguishersImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { data: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (!values.data) throw new UsageError('--data DIR is required');
  if (positionals.length !== 1) throw new UsageError('give one CSV file');
  const file = resolve(positionals[0]!);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const hub = await openHub({ dataDir: resolve(values.data) });
  try {
    const site = await hub.settings.current();
    const report = await importExtinguishers({ db: hub.db, clock: hub.clock, t: hub.t, language: site.language, timeZone: site.timeZone }, bytes, {
      dryRun: values['dry-run'],
      actor: 'local',
    });
    const verb = report.dryRun ? 'Dry run, nothing changed — would import' : 'Imported';
    console.log(`${verb} ${file} (${report.encoding}, ${report.rows} rows): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected.`);
    for (const r of report.rejected) console.log(`  line ${r.line}: ${r.message}`);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await hub.close();
  }
}
