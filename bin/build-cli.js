#!/usr/bin/env node
// `npm run build` (and `npm ci`, through `prepare`): compiles the CLI's TypeScript to JavaScript in dist/node,
// file by file with esbuild (no type checking: `npm run typecheck` does that), so `rootline` starts without
// compiling anything. Writes into a fresh folder and swaps it in, so a running CLI never sees half a build.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED, ROOT, sourceFiles, sourceState, writtenInfo } from './cli-build.js';

const started = Date.now();
const files = sourceFiles();
const state = sourceState(files);
const next = `${COMPILED}.next-${process.pid}`;
rmSync(next, { recursive: true, force: true });
await build({
  entryPoints: files,
  outdir: next,
  outbase: ROOT,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// --help lists every verb without loading them: their help lines are read once, here.
const { verbListing } = await import(pathToFileURL(join(next, 'cli/main.js')).href);
writeFileSync(join(next, 'cli/verbs.json'), JSON.stringify(await verbListing(), null, 2));
writeFileSync(join(next, 'build-info.json'), writtenInfo(state));
const old = `${COMPILED}.old-${process.pid}`;
if (existsSync(COMPILED)) renameSync(COMPILED, old);
renameSync(next, COMPILED);
rmSync(old, { recursive: true, force: true });
if (!process.argv.includes('--quiet')) console.log(`compiled ${files.length} files of the CLI into dist/node in ${Date.now() - started} ms`);
