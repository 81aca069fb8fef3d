/** The command line's entry point (bundled to dist/hub/cli.mjs). Runs in: plain Node. */
import { main } from './main.js';

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
