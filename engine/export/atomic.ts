/**
 * Writes export files atomically (a temp file renamed into place), never over an existing file unless
 * told to, and never into a folder that does not exist (a typo in a path must not create folders).
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../shared/errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

export function refuseExisting(paths: string[], options: WriteOptions): void {
  if (options.force) return;
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length > 0) throw new UserError(`already exists; pass --force to replace it`, existing.join(', '));
}

/** Refuses a path whose folder does not exist. */
export function requireFolderOf(path: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new UserError(`the folder ${folder} does not exist; create it first`, path);
  if (!statSync(folder).isDirectory()) throw new UserError(`${folder} is not a folder`, path);
}

/** Writes every file or none: all go to temp files first, then each is renamed into place. */
export function writeFilesAtomic(files: Array<{ path: string; content: string | Uint8Array }>, options: WriteOptions = {}): void {
  refuseExisting(files.map((f) => f.path), options);
  for (const file of files) requireFolderOf(file.path);
  const temps: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${Date.now()}-${process.pid}-${temps.length}.rootline-tmp`);
      writeFileSync(temp, file.content);
      temps.push({ temp, path: file.path });
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw new UserError(`cannot write: ${(error as Error).message}`, files[temps.length]?.path);
  }
  for (const { temp, path } of temps) renameSync(temp, path);
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  writeFilesAtomic([{ path, content }], options);
}
