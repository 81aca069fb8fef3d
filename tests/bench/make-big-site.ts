/**
 * Makes the million-event site (big-site.ts) in a process of its own: `<data folder>`; prints what
 * it made as JSON on its last line. Generating the site leaves a few hundred MB of garbage in the
 * heap of the process that made it, which every measurement there would otherwise pay for. The
 * site is written without fsync (for speed), so the file is synced here: a hub's own writes are
 * durable when made, and the measurements should not share the machine with the kernel writing
 * 350 MB back to disk.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { makeBigSite } from './big-site.js';

const dataDir = process.argv[2]!;
const site = await makeBigSite(dataDir);
const file = openSync(join(dataDir, 'safefloor.db'), 'r+');
fsyncSync(file);
closeSync(file);
console.log(JSON.stringify(site));
