/**
 * How long a `rootline` call takes to start: `rootline --help` and `rootline datasets` on a one-card
 * project, from the build in dist/node and from the sources through tsx, beside bare `node -e 0` in the
 * same run. Median wall time of N runs each. Aim: under 0.3 s from the build.
 *
 *   npm run bench -- cli-startup [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { currentCompiledMain } from '../bin/cli-build.js';
import { medianMs, numberArg, round } from './lib/measure.js';

const runs = numberArg('--runs', 15);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/rootline.js');
const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-startup-'));
const project = join(dir, 'small.rootline');

const run = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
};
const timed = (args: string[], env?: Record<string, string>) => medianMs(() => run(args, env), runs);

try {
  if (!currentCompiledMain()) run([join(root, 'bin/build-cli.js'), '--quiet']);
  run([bin, 'ingest', join(root, 'samples/cards/metamathqa.md'), '--project', project]);
  const started = performance.now();
  const node = await timed(['-e', '0']);
  const rows: Array<[string, number]> = [
    ['rootline --help (build)', await timed([bin, '--help'])],
    ['rootline datasets (build)', await timed([bin, 'datasets', '--project', project])],
    ['rootline --help (sources, tsx)', await timed([bin, '--help'], { ROOTLINE_FROM_SOURCES: '1' })],
    ['rootline datasets (sources, tsx)', await timed([bin, 'datasets', '--project', project], { ROOTLINE_FROM_SOURCES: '1' })],
  ];
  console.log(`CLI start-up, median of ${runs} runs (${round((performance.now() - started) / 1000, 1)} s in all)\n`);
  console.log(`${'command'.padEnd(36)}${'wall ms'.padStart(9)}${'× node -e 0'.padStart(13)}`);
  console.log(`${'node -e 0 (floor)'.padEnd(36)}${String(round(node, 0)).padStart(9)}${'1.0'.padStart(13)}`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(36)}${String(round(ms, 0)).padStart(9)}${round(ms / node, 1).toFixed(1).padStart(13)}`);
  const worst = Math.max(rows[0]![1], rows[1]![1]);
  console.log(`\naim: under 300 ms from the build — ${worst < 300 ? 'met' : 'not met'} (${round(worst, 0)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
