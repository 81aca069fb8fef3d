// Lint: TypeScript rules everywhere, React hooks rules in the renderer, and the rule that keeps the
// layers honest: shared/ is pure (no Node, no DOM, no electron); electron/hub/ never imports
// electron or the DOM; the renderer never imports the hub or the shell.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'buffer', 'worker_threads', 'zlib'];
const electronAndDom = ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'react-i18next'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'safefloor-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...electronAndDom], message: 'shared/ is pure: no Node, DOM, React or electron.' }, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: electronAndDom, message: 'The hub is plain Node: it never imports electron or the DOM.' }, { group: ['**/renderer/**', '../main/**', '../preload/**', '../../main/**', '../../preload/**'], message: 'The hub does not depend on the shell or the renderer.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', '**/electron/**'], message: 'The renderer talks to the hub only through the API client.' }] }],
    },
  },
);
