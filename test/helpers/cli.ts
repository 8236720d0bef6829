/** Runs the real `rootline` command in a child process, as a user would. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/**
 * Runs `rootline` without blocking this process, so fake servers in the test can answer it; `env` is
 * added to the environment. The child can be killed through `child`.
 */
export function startRootline(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): { child: ChildProcess; done: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        signal,
        stdout,
        stderr,
        json: <T>() => JSON.parse(stdout) as T,
        lines: <T>() => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T),
      });
    });
  });
  return { child, done };
}
