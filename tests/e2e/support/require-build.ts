/** The tests drive the built app, as a site runs it; building is the test command's job, not theirs. */
import { existsSync } from 'node:fs';
import { builtRenderer, builtCli } from './paths.js';

export default function requireBuild(): void {
  const missing = [builtRenderer, builtCli].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`The e2e tests need a build; missing ${missing.join(', ')}. Run \`npm run build\` first.`);
  }
}
