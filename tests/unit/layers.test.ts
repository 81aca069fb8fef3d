import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the layers pure, checked on code that breaks it: if the rule were
// switched off or its file globs drifted, these fail.
const eslint = new ESLint({ cwd: process.cwd() });
const ruleErrors = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals');
};

describe('layer rules', () => {
  it('shared/ may not import Node, electron, React or the DOM', async () => {
    for (const line of [
      "import { readFileSync } from 'node:fs';",
      "import { app } from 'electron';",
      "import { createRoot } from 'react-dom/client';",
      "import { openHub } from '../electron/hub/hub.js';",
    ]) {
      expect(await ruleErrors('shared/contract/bad.ts', `${line}\nexport const x = 1;\n`), line).not.toHaveLength(0);
    }
    expect(await ruleErrors('shared/contract/bad.ts', 'export const lang = navigator.language;\n')).not.toHaveLength(0);
    expect(await ruleErrors('shared/contract/good.ts', "import { z } from 'zod';\nexport const x = z.string();\n")).toHaveLength(0);
  });

  it('electron/hub/ may not import electron or the DOM, but may use Node', async () => {
    expect(await ruleErrors('electron/hub/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toHaveLength(0);
    expect(await ruleErrors('electron/hub/services/bad.ts', 'export const w = window.innerWidth;\n')).not.toHaveLength(0);
    expect(await ruleErrors('electron/hub/services/ok.ts', "import { createHash } from 'node:crypto';\nexport const h = createHash;\n")).toHaveLength(0);
  });

  it('the shell may import electron; the renderer may not', async () => {
    expect(await ruleErrors('electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
    expect(await ruleErrors('renderer/bad.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).not.toHaveLength(0);
  });
});
