/** Options and helpers every command shares. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { existsSync, rmSync, statSync } from 'node:fs';
import { Project } from '../../engine/project.js';
import { UserError } from '../../shared/errors.js';

export interface GlobalOptions {
  json?: boolean;
  project?: string;
}

export function projectOption(command: Command, required = true): Command {
  const option = new Option('-p, --project <file>', 'the Rootline project file (*.rootline)');
  if (required) option.makeOptionMandatory();
  return command.addOption(option);
}

export function jsonOption(command: Command): Command {
  return command.option('--json', 'machine-readable JSON output');
}

export interface OpenedProject {
  project: Project;
  /**
   * Closes the file. When the command failed and this command created the file without writing
   * anything to it, the file is removed: a typo must not leave an empty project behind.
   */
  close(failed: boolean): void;
}

export function openProject(file: string, options: { mustExist?: boolean } = {}): OpenedProject {
  const created = file !== ':memory:' && !existsSync(file);
  const project = Project.open(file, options);
  const changes = () => (project.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const atOpen = created ? changes() : 0;
  return {
    project,
    close(failed) {
      const untouched = created && project.db.open && changes() === atOpen;
      project.close();
      if (failed && untouched) for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
    },
  };
}

interface WithProjectOptions<T> {
  mustExist?: boolean;
  /** A result that means the command failed (e.g. every file was refused), though nothing was thrown. */
  failed?: (result: T) => boolean;
}

/** Opens the project, runs `work`, and always closes the file. */
export function withProject<T>(file: string, work: (project: Project) => T, options: WithProjectOptions<T> = {}): T {
  const opened = openProject(file, options);
  let failed = true;
  try {
    const result = work(opened.project);
    failed = options.failed?.(result) ?? false;
    return result;
  } finally {
    opened.close(failed);
  }
}

/** The same for async work. */
export async function withProjectAsync<T>(file: string, work: (project: Project) => Promise<T>, options: WithProjectOptions<T> = {}): Promise<T> {
  const opened = openProject(file, options);
  let failed = true;
  try {
    const result = await work(opened.project);
    failed = options.failed?.(result) ?? false;
    return result;
  } finally {
    opened.close(failed);
  }
}

/** Refuses, before any work, an input path that does not exist. */
export function requireInput(path: string, what: 'file or folder' | 'folder' = 'file or folder'): void {
  if (!existsSync(path)) throw new UserError(`no such ${what}`, path);
  if (what === 'folder' && !statSync(path).isDirectory()) throw new UserError('not a folder', path);
}

/** Refuses, before any work, an output path whose folder does not exist (Rootline never creates folders silently). */
export { requireFolderOf as requireOutputFolder } from '../../engine/export/atomic.js';

/** A whole number ≥ 1: a count, a size, a budget. */
export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1, got "${value}"`);
    return n;
  };
}

/** A whole number ≥ 0: a depth, a seed, a port. */
export function parseWholeNumber(name: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
    return n;
  };
}

export function parseFraction(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} must be between 0 and 1, got "${value}"`);
    return n;
  };
}
