/** Options and helpers every command shares. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { Project } from '../../engine/project.js';

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

/** Opens the project, runs `work`, and always closes the file. */
export function withProject<T>(file: string, work: (project: Project) => T, options: { mustExist?: boolean } = {}): T {
  const project = Project.open(file, options);
  try {
    return work(project);
  } finally {
    project.close();
  }
}

/** The same for async work. */
export async function withProjectAsync<T>(file: string, work: (project: Project) => Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  const project = Project.open(file, options);
  try {
    return await work(project);
  } finally {
    project.close();
  }
}

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
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
