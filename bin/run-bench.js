#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.ts, compiled as the build compiles the CLI; with no name, lists the benchmarks.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '../bench');
const names = readdirSync(benchDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const [name, ...rest] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.log(`benchmarks: ${names.join(', ')}\nusage: npm run bench -- <name> [args]`);
  process.exit(name ? 1 : 0);
}
const run = spawnSync(process.execPath, ['--max-old-space-size=8192', join(dirname(fileURLToPath(import.meta.url)), 'run-compiled.js'), join(benchDir, `${name}.ts`), ...rest], { stdio: 'inherit' });
process.exit(run.status ?? 1);
