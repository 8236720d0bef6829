#!/usr/bin/env node
// Runs a TypeScript entry point compiled the way `npm run build` compiles the CLI (esbuild, per file, in
// memory): `node bin/run-compiled.js file.ts args...`. Benchmarks use it so they time what users run.
import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./ts-hooks.js', import.meta.url);
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bin/run-compiled.js <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
