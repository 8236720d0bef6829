// Lint: typescript-eslint's recommended rules plus the runtime boundaries of ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'stream', 'zlib'];
const nodeImports = nodeBuiltins.flatMap((name) => [name, `node:${name}`, `node:${name}/*`]);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/ runs in Node and in the browser: no Node built-ins, no native modules, no engine code.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeImports.filter((p) => !p.endsWith('/*')).concat(['better-sqlite3']),
        patterns: ['**/engine/**', '**/agents/**', '**/cli/**', 'node:*'],
      }],
    },
  },
  {
    // agents/ never touches the store; the engine passes values down to it.
    files: ['agents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['better-sqlite3'], patterns: ['**/engine/**', '**/cli/**'] }] },
  },
  {
    files: ['engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/**'] }] },
  },
  {
    // The renderer runs in a browser page: it reaches the engine only through the API contract in shared/.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeImports.filter((p) => !p.endsWith('/*')).concat(['better-sqlite3', 'electron']),
        patterns: ['**/engine/**', '**/agents/**', '**/cli/**', '**/electron/**', 'node:*'],
      }],
    },
  },
  {
    // Vite's config runs in Node at build time, not in the page.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Electron's preload runs sandboxed: it may only bridge IPC, never reach the engine or Node.
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/engine/**', '**/agents/**', '**/cli/**', 'node:*'] }] },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
