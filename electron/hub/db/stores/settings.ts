/** Site settings (what the site decides, kept in SQLite beside its records). Runs in: the hub. */
import type { Queryable } from '../port.js';

export async function readSiteSettings(db: Queryable): Promise<Record<string, unknown>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM site_settings');
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSiteSetting(tx: Queryable, key: string, value: unknown): Promise<void> {
  await tx.run(
    'INSERT INTO site_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, JSON.stringify(value)],
  );
}
