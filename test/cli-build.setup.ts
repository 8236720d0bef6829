/** Compiles the CLI once before the test files run, when dist/node is missing or older than the sources, so
 * the CLI the tests spawn starts fast and runs the code under test (a stale build is never run: bin/rootline.js
 * falls back to the sources). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { currentCompiledMain } from '../bin/cli-build.js';

export default function setup(): void {
  if (currentCompiledMain()) return;
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '../bin/build-cli.js'), '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`compiling the CLI failed: ${run.stderr}`);
}
