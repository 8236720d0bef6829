#!/usr/bin/env node
// The `rootline` command. Runs the compiled JavaScript in dist/node (built by `npm ci` or `npm run build`)
// when no source is newer than it; otherwise (or with ROOTLINE_FROM_SOURCES=1) the TypeScript sources
// through tsx, which starts ~1 s slower.
import { currentCompiledMain } from './cli-build.js';

const compiled = currentCompiledMain();
let main;
if (compiled) {
  ({ main } = await import(compiled));
} else {
  if (process.stderr.isTTY && process.env.ROOTLINE_FROM_SOURCES !== '1') process.stderr.write('rootline: running the sources through tsx (dist/node is missing or older); `npm run build` makes it start faster\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
