/**
 * `safefloor roster import --data DIR FILE.csv [--dry-run] [--deactivate-missing] [--lang zh-CN|en]`.
 * Runs in: the hub's command line (plain Node), on the data folder directly; it works beside a
 * running hub (SQLite serialises the two writers).
 *
 * Prints what changed (or would change, with --dry-run) on stdout and every rejected line with its
 * reason on stderr, then the counts alone on the last line. Exit status: 0 when every row was
 * imported, 1 when any row was rejected or the file could not be read, 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/contract/index.js';
import { formatError } from '../../../shared/i18n/format-error.js';
import { isLanguage, type Language } from '../../../shared/i18n/index.js';
import { openHub } from '../hub.js';
import { UsageError } from './args.js';

export const rosterUsage = 'safefloor roster import --data DIR FILE.csv [--dry-run] [--deactivate-missing] [--lang zh-CN|en]';

export async function rosterCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'import') throw new UsageError(`unknown command: roster ${sub ?? ''}`.trim());
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'deactivate-missing': { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
  });
  if (!values.data) throw new UsageError('--data DIR is required');
  if (positionals.length !== 1) throw new UsageError('roster import takes one CSV file');
  if (values.lang !== undefined && !isLanguage(values.lang)) throw new UsageError('--lang must be zh-CN or en');
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch (err) {
    console.error(`safefloor: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }

  // No daily close from here: a dry run must change nothing at all.
  const hub = await openHub({ dataDir: resolve(values.data), autoSignOut: false });
  const site = await hub.settings.current();
  const lng: Language = (values.lang as Language | undefined) ?? site.language;
  const t = hub.t;
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    let shown = '';
    const report = await hub.roster.run(bytes, {
      deactivateMissing: values['deactivate-missing'],
      apply: !values['dry-run'],
      caller: { device: null, language: lng },
      byPersonId: null,
      signal: controller.signal,
      onProgress: ({ phase, done, total }) => {
        if (phase !== 'checking_pins' || !process.stderr.isTTY) return;
        const line = t('roster.cli.progress', { done, total, lng });
        if (line !== shown) process.stderr.write(`\r${line}`);
        shown = line;
      },
    });
    if (shown) process.stderr.write('\n');
    console.log(t('roster.cli.file', { file, encoding: report.encoding, columns: report.columns.join(', '), lng }));
    if (report.ignoredColumns.length) console.log(t('roster.cli.ignored', { columns: report.ignoredColumns.join(', '), lng }));
    const separator = lng === 'zh-CN' ? '、' : ', ';
    for (const row of report.rows) {
      if (row.action === 'add') console.log(t('roster.cli.add', { ...row, lng }));
      if (row.action === 'update') {
        const changes = row.changes.map((c) => t(`roster.fields.${c}`, { lng })).join(separator);
        console.log(t('roster.cli.update', { ...row, changes, lng }));
      }
    }
    for (const gone of report.deactivate) console.log(t('roster.cli.deactivate', { ...gone, lng }));
    for (const bad of report.rejected) console.error(t('roster.cli.rejected', { line: bad.line, message: bad.message, lng }));
    console.log(t(report.applied ? 'roster.cli.imported' : 'roster.cli.dryRun', { ...report.counts, lng }));
    return report.counts.rejected > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof ApiError) {
      console.error(`safefloor: ${formatError(t, lng, err.code, err.params)}`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', cancel);
    await hub.close();
  }
}
