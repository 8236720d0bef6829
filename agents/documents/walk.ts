/**
 * Walks a folder tree for the readers of documents and of sample files: sorted, depth-first, following
 * links but never around a loop (real paths are tracked), and every entry that cannot be read — a broken
 * link, no permission — reported by name while the walk goes on.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/errors.js';
import { describeFsError } from './read.js';

export interface FolderEntries {
  files: string[];
  folders: string[];
}

export interface WalkOptions {
  /** Entry names not to look at (hidden files, node_modules). */
  skip?: (name: string) => boolean;
  /** Real paths of folders already read, shared by the walks of one batch so none is read twice. */
  seen?: Set<string>;
}

/** Calls `visit` for `root` and each folder below it, parents before children, siblings in name order. */
export function walkFolders(root: string, visit: (folder: string, entries: FolderEntries) => void, onProblem: (problem: UserError) => void, options: WalkOptions = {}): void {
  const seen = options.seen ?? new Set<string>();
  // Each folder travels with the real paths of the folders above it: a link back to one is a loop.
  const stack: Array<{ folder: string; above: ReadonlySet<string> }> = [{ folder: root, above: new Set() }];
  while (stack.length > 0) {
    const { folder, above } = stack.pop()!;
    let real: string;
    let names: string[];
    try {
      real = realpathSync(folder);
      if (above.has(real)) {
        onProblem(new UserError('a link back to a folder above it (a symlink loop); not followed', folder));
        continue;
      }
      // A folder reached again through another link is read once.
      if (seen.has(real)) continue;
      seen.add(real);
      names = readdirSync(folder).sort();
    } catch (error) {
      onProblem(new UserError(`cannot read folder: ${describeFsError(error)}`, folder));
      continue;
    }
    const entries: FolderEntries = { files: [], folders: [] };
    for (const name of names) {
      if (options.skip?.(name)) continue;
      const full = join(folder, name);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) entries.folders.push(full);
        else if (stat.isFile()) entries.files.push(full);
      } catch (error) {
        onProblem(new UserError(entryProblem(full, error), full));
      }
    }
    visit(folder, entries);
    const below = new Set(above).add(real);
    for (const sub of [...entries.folders].reverse()) stack.push({ folder: sub, above: below });
  }
}

/** Why a path cannot be read, in words: a broken link is not a missing file. */
export function entryProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'a symlink loop; not followed';
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return 'a broken link (its target does not exist); skipped';
    } catch {
      // Not even the link is there: the path itself is missing.
    }
    return 'no such file or folder';
  }
  return `cannot read: ${describeFsError(error)}`;
}
