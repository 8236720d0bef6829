/** Runs the real `rootline` command in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/rootline.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
  lines<T = unknown>(): T[];
}

export function rootline(args: string[], options: { cwd?: string } = {}): CliResult {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: 60_000 });
  return {
    code: run.status ?? -1,
    stdout: run.stdout,
    stderr: run.stderr,
    json: <T>() => JSON.parse(run.stdout) as T,
    lines: <T>() => run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T),
  };
}
