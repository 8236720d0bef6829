/**
 * Finds the data files under a folder and the dataset each belongs to: the dataset named by the README
 * beside it (pretty_name or first heading), else its folder's name, else the file's name without its
 * split suffix ("gsm8k-test.jsonl" → "gsm8k").
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { walkFolders } from '../../agents/documents/walk.js';
import { UserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import type { Project } from '../project.js';
import { sampleFormat } from './read.js';

export interface LocatedFiles {
  /** Dataset id → its data files. */
  byDataset: Map<string, string[]>;
  /** Files whose dataset could not be resolved, with the names tried. */
  unresolved: Array<{ file: string; tried: string[] }>;
  /** Entries that could not be read (broken links, no permission, loops), each naming its path. */
  problems: UserError[];
}

export function locateSampleFiles(root: string, resolve: (name: string) => string | undefined): LocatedFiles {
  if (!existsSync(root)) throw new UserError('no such folder', root);
  if (!statSync(root).isDirectory() && !sampleFormat(root)) throw new UserError('not a folder, nor a data file (JSONL, JSON, CSV, TSV, Parquet)', root);
  const problems: UserError[] = [];
  const files = statSync(root).isDirectory() ? walk(root, problems) : [root];
  const byDataset = new Map<string, string[]>();
  const unresolved: LocatedFiles['unresolved'] = [];
  for (const file of files) {
    const tried = candidateNames(file);
    const id = tried.map(resolve).find((found) => found !== undefined);
    if (id) byDataset.set(id, [...(byDataset.get(id) ?? []), file]);
    else unresolved.push({ file, tried });
  }
  return { byDataset, unresolved, problems };
}

function walk(root: string, problems: UserError[]): string[] {
  const out: string[] = [];
  walkFolders(root, (_folder, { files }) => out.push(...files.filter((file) => sampleFormat(file))), (problem) => problems.push(problem), {
    skip: (name) => name.startsWith('.') || name === 'node_modules',
  });
  // Files in the order of a walk that enters each folder where its name sorts: name by name, per level.
  const parts = new Map(out.map((file) => [file, relative(root, file).split(sep)]));
  return out.sort((a, b) => compareParts(parts.get(a)!, parts.get(b)!));
}

function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

function candidateNames(file: string): string[] {
  const folder = dirname(file);
  const names: string[] = [];
  const readme = ['README.md', 'readme.md', 'README'].map((r) => join(folder, r)).find(existsSync);
  if (readme) names.push(...readmeNames(readme));
  names.push(basename(folder));
  const stem = basename(file).replace(/(?:\.gz)?$/i, '').replace(/\.[^.]+$/, '');
  names.push(stem, stem.replace(/[-_.](?:train|test|validation|valid|dev|eval|sample|samples|\d+)$/i, ''));
  return [...new Set(names.filter(Boolean))];
}

function readmeNames(readme: string): string[] {
  let text: string;
  try {
    text = readFileSync(readme, 'utf8').slice(0, 20_000);
  } catch {
    return []; // An unreadable README names nothing; the folder and file names still do.
  }
  // The name stops at a quote or a line end and the trailing spaces are trimmed after: no backtracking.
  const pretty = /^pretty_name:[ \t]*["']?([^"'\n]+)/m.exec(text)?.[1];
  const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.replace(/^dataset card for\s+/i, '');
  return [pretty, heading].filter((n): n is string => Boolean(n?.trim())).map((n) => n.trim());
}

/** The data files under a folder by dataset of a project; a file's dataset may also be a well-known one not yet in the project. */
export function locateProjectSamples(project: Project, folder: string): LocatedFiles {
  const registry = knownDatasets();
  return locateSampleFiles(folder, (name) => project.datasets.resolve(name) ?? registry.lookup(name)?.id);
}
