/**
 * Turns the paths a user gives into the documents to read: files as they are; folders walked
 * recursively, where a folder with a README is one dataset (its README the card, its data files listed),
 * and other markdown or text files are cards of their own.
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { UserError } from '../../shared/errors.js';
import { entryProblem, walkFolders } from './walk.js';
import type { DocumentKind } from '../../shared/domain/vocabulary.js';

export interface DocumentSource {
  path: string;
  kind: DocumentKind;
  /** For a folder's README: the folder's name, the fallback name of the dataset. */
  folderName?: string;
  /** Data files that sit beside a folder's README. */
  dataFiles: string[];
  /** For a paper or blog beside a folder's README: that README, whose dataset this document also describes. */
  companionOf?: string;
}

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.rst', '']);
const DATA_EXTENSIONS = new Set(['.jsonl', '.json', '.csv', '.tsv', '.parquet', '.arrow', '.gz', '.zst']);
const README = /^readme(?:\.(?:md|markdown|txt|rst))?$/i;
const NOT_DOCUMENTS = /^(?:license|licence|notice|copying|authors|makefile|dockerfile|requirements\.txt|changelog(?:\.md)?)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '__pycache__', '.cache']);

export function collectDocuments(paths: string[]): { documents: DocumentSource[]; errors: UserError[] } {
  const documents: DocumentSource[] = [];
  const errors: UserError[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(new UserError(entryProblem(path, error), path));
      continue;
    }
    if (isDirectory) walkFolders(path, (folder, { files }) => addFolder(folder, files, documents), (error) => errors.push(error), { skip: (name) => name.startsWith('.') || SKIPPED_FOLDERS.has(name), seen });
    else documents.push({ path, kind: kindOf(path), dataFiles: [], folderName: README.test(basename(path)) ? basename(dirname(resolve(path))) : undefined });
  }
  return { documents, errors };
}

/** The documents of one folder: its README as the dataset's card, else each text file as a card of its own. */
function addFolder(folder: string, files: string[], documents: DocumentSource[]): void {
  const readme = files.find((f) => README.test(basename(f)));
  if (readme) {
    documents.push({ path: readme, kind: 'card', folderName: basename(folder), dataFiles: files.filter(isDataFile) });
  }
  for (const file of files) {
    if (file === readme || isDataFile(file) || NOT_DOCUMENTS.test(basename(file)) || !TEXT_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    const kind = kindOf(file);
    // Beside a README, a paper or blog post describes the same dataset; other notes are not cards.
    if (readme && kind !== 'paper' && kind !== 'blog') continue;
    documents.push({ path: file, kind, dataFiles: [], companionOf: readme });
  }
}

function isDataFile(file: string): boolean {
  return DATA_EXTENSIONS.has(extname(file).toLowerCase());
}

function kindOf(path: string): DocumentKind {
  const name = basename(path).toLowerCase();
  if (README.test(name)) return 'readme';
  if (/paper|arxiv/.test(name) || extname(name) === '.pdf') return 'paper';
  if (/blog|post/.test(name)) return 'blog';
  if (/\.(?:md|markdown)$/.test(name)) return 'card';
  return 'other';
}
