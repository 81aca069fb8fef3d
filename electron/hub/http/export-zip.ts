/** Streams a finished export folder as a zip, for an admin on a browser. Runs in: the hub. */
import { createReadStream, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { securityHeaders } from './headers.js';

export async function sendExportZip(res: ServerResponse, folder: string, name: string): Promise<void> {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${name}.zip"`,
    'Cache-Control': 'no-store',
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) return res.destroy(err);
    res.write(chunk);
    if (final) res.end();
  });
  for (const file of readdirSync(folder).sort()) {
    const entry = new ZipDeflate(`${name}/${file}`, { level: 6 });
    zip.add(entry);
    for await (const chunk of createReadStream(join(folder, file))) entry.push(chunk as Uint8Array);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
}
