/**
 * Folders the app names by path (the server runs on the user's machine): the path is resolved as the
 * engine will read it, and checked — it exists, is a folder, can be read, and holds what it is for —
 * with the problem named when it does not.
 */
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { FolderCheck, FolderPurpose } from '../../shared/api/audit.js';
import { UserError } from '../../shared/errors.js';
import { openLibrary } from '../../agents/sourcing/library.js';
import type { Project } from '../project.js';
import { locateProjectSamples, type LocatedFiles } from '../samples/locate.js';

/** The absolute folder a typed path names (`~` is the home folder), or a user error saying what is wrong with it. */
export function requireFolder(path: string): string {
  const trimmed = path.trim();
  const full = resolve(trimmed === '~' || trimmed.startsWith('~/') ? homedir() + trimmed.slice(1) : trimmed);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new UserError('no such folder', full);
  }
  if (!stat.isDirectory()) throw new UserError('is a file, not a folder', full);
  try {
    readdirSync(full);
  } catch (error) {
    throw new UserError(`cannot read this folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, full);
  }
  return full;
}

/** The data files of a sample or benchmark folder by dataset; a folder with none is a user error. */
export function requireSampleFolder(project: Project, path: string): { folder: string; located: LocatedFiles } {
  const folder = requireFolder(path);
  const located = locateProjectSamples(project, folder);
  if (located.byDataset.size === 0 && located.unresolved.length === 0) throw new UserError('no data files (JSONL, JSON, CSV, TSV or Parquet) in this folder', folder);
  return { folder, located };
}

export function checkFolder(project: Project, path: string, purpose: FolderPurpose): FolderCheck {
  if (purpose === 'library') {
    const folder = requireFolder(path);
    const library = openLibrary(folder);
    if (library.cards.length === 0) throw new UserError('no dataset cards (Markdown, README or text files) in this folder', folder);
    return { path: folder, summary: `${library.cards.length} cards`, datasets: [], unresolved: [] };
  }
  const { folder, located } = requireSampleFolder(project, path);
  const datasets = [...located.byDataset].map(([id, files]) => ({ id, files: files.length })).sort((a, b) => a.id.localeCompare(b.id));
  const files = datasets.reduce((n, d) => n + d.files, 0);
  const unresolved = located.unresolved.map((u) => u.file);
  const summary = `${datasets.length} datasets in ${files} files${unresolved.length ? `; ${unresolved.length} files belong to no dataset of the project` : ''}`;
  return { path: folder, summary, datasets, unresolved };
}
