/** Bundles the main process and the preload (CommonJS, as a sandboxed preload must be) into dist/electron. */
import { join } from 'node:path';
import { build } from 'vite';
import { ensureRendererBuilt } from '../cli/renderer-build.js';

const ROOT = join(import.meta.dirname, '..');
const external = [/^node:/, /^electron$/, 'better-sqlite3', '@duckdb/node-api', 'ollama', 'openai', 'fs', 'path', 'os', 'crypto', 'url', 'stream', 'zlib', 'child_process', 'worker_threads'];

await ensureRendererBuilt({ log: console.log });
for (const entry of ['main', 'preload']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, `electron/${entry}.ts`),
      outDir: join(ROOT, 'dist/electron'),
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: `${entry}.cjs` } },
    },
  });
}
console.log('built dist/electron/main.cjs and preload.cjs');
