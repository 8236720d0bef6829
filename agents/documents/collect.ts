/**
 * Turns the paths a user gives into the documents to read: files as they are; folders walked
 * recursively, where a folder with a README is one dataset (its README the card, its data files listed),
 * and other markdown or text files are cards of their own. Data files are never cards: the README of a
 * data folder inside a dataset's folder describes that dataset, and a README that only indexes the
 * dataset folders below it describes none.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../../shared/errors.js';
import { nameKey } from '../../shared/domain/names.js';
import { atxHeading } from './headings.js';
import { entryProblem, walkFolders, type FolderEntries } from './walk.js';
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
/** The file a folder's dataset card is in: a README, or a CARD.md / DATASET.md some teams write instead. */
const FOLDER_CARD = /^(?:readme|card|dataset|datacard|data_card|dataset_card|dataset-card)(?:\.(?:md|markdown|txt|rst))?$/i;
/** A card written as YAML alone (`card.yaml`, `datacard.yml`, `<folder>.yaml`): the folder's card when it has no markdown one. */
const YAML_CARD = /^(?:card|datacard|data_card|data-card|dataset|dataset_card|dataset-card)\.ya?ml$/i;
const NOT_DOCUMENTS = /^(?:license|licence|notice|copying|authors|makefile|dockerfile|requirements\.txt|changelog(?:\.md)?)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '__pycache__', '.cache']);

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CollectedDocuments {
  documents: DocumentSource[];
  errors: UserError[];
  /** Files that are not documents of a dataset of their own (data files, index READMEs), and why. */
  skipped: SkippedFile[];
}

export function collectDocuments(paths: string[]): CollectedDocuments {
  const out: CollectedDocuments = { documents: [], errors: [], skipped: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      out.errors.push(new UserError(entryProblem(path, error), path));
      continue;
    }
    if (isDirectory) {
      // The card of the nearest dataset folder above each folder (parents are visited before children).
      const cardOf = new Map<string, string | undefined>();
      walkFolders(
        path,
        (folder, entries) => cardOf.set(folder, addFolder(folder, entries, out, cardOf.get(dirname(folder)))),
        (error) => out.errors.push(error),
        { skip: (name) => name.startsWith('.') || SKIPPED_FOLDERS.has(name), seen },
      );
    } else if (isDataFile(path)) out.skipped.push({ path, reason: DATA_FILE_REASON });
    else out.documents.push({ path, kind: kindOf(path), dataFiles: [], folderName: README.test(basename(path)) ? basename(dirname(resolve(path))) : undefined });
  }
  return out;
}

export const DATA_FILE_REASON = 'a data file, not a card: the README of its folder describes its dataset';

/** Folder names that hold a dataset's files rather than a dataset of their own. */
const DATA_FOLDER = /^(?:data|files|raw|processed|splits?|shards?|parquet|jsonl|csv|samples?|train|test|validation|val|dev|default|main|en|v\d+|dumps?|exports?|storage|blobs|archive|downloads?)$/i;

/**
 * The documents of one folder, and the card that stands for it (or for the dataset folder above it):
 * its README is the dataset's card — unless it sits among data files (or in a data-named folder) inside
 * a dataset's folder, where it describes that dataset, or it only indexes the dataset folders below it.
 */
function addFolder(folder: string, { files, folders }: FolderEntries, out: CollectedDocuments, parentCard: string | undefined): string | undefined {
  const { documents } = out;
  const readme = files.find((f) => README.test(basename(f))) ?? files.find((f) => FOLDER_CARD.test(basename(f))) ?? files.find((f) => isYamlCard(f, folder)) ?? soleYamlCard(files);
  const dataFiles = files.filter(isDataFile);
  let card: string | undefined;
  if (readme) {
    if (parentCard && (DATA_FOLDER.test(basename(folder)) || describesFilesOnly(readme))) {
      documents.push({ path: readme, kind: 'readme', dataFiles, companionOf: parentCard });
    } else if (!parentCard && DATA_FOLDER.test(basename(folder)) && describesFilesOnly(readme, true)) {
      // "triage/data/README.md" under a folder of cards: it describes files of datasets carded elsewhere.
      out.skipped.push({ path: readme, reason: 'describes data files of datasets carded elsewhere, not a dataset' });
    } else if (dataFiles.length === 0 && isIndexOfDatasets(readme, folder, folders, files.filter((f) => f !== readme && isCardFile(f)))) {
      out.skipped.push({ path: readme, reason: 'an index of the dataset folders below it, not a dataset' });
    } else {
      documents.push({ path: readme, kind: 'card', folderName: basename(folder), dataFiles });
      card = readme;
    }
  }
  for (const file of files) {
    if (file === readme || isDataFile(file) || NOT_DOCUMENTS.test(basename(file)) || !TEXT_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    const kind = kindOf(file);
    // Beside a README, a paper or blog post describes the same dataset; other notes are not cards.
    if (card && kind !== 'paper' && kind !== 'blog') continue;
    documents.push({ path: file, kind, dataFiles: [], companionOf: card });
  }
  return card ?? parentCard;
}

function isYamlCard(file: string, folder: string): boolean {
  const name = basename(file);
  return YAML_CARD.test(name) || (/\.ya?ml$/i.test(name) && basename(name, extname(name)) === basename(folder));
}

/** The one YAML file of a folder with no other card (`eval.yaml`, `rm_mix.yaml`), when it names a dataset (`name:`, `id:`, `dataset:`…). */
function soleYamlCard(files: readonly string[]): string | undefined {
  const yamls = files.filter((f) => /\.ya?ml$/i.test(f));
  if (yamls.length !== 1 || files.some((f) => TEXT_EXTENSIONS.has(extname(f).toLowerCase()) && extname(f) !== '')) return undefined;
  let head: string;
  try {
    head = readFileSync(yamls[0]!, 'utf8').slice(0, 4096);
  } catch {
    return undefined;
  }
  return /^(?:name|id|dataset|dataset_name|pretty_name|title)\s*:\s*\S/m.test(head) ? yamls[0] : undefined;
}

/** A README about files and columns (its first heading "Files", "Schema", "data/"…, or none unless `headed`): it names no dataset. */
function describesFilesOnly(readme: string, headed = false): boolean {
  const heading = firstHeadingOf(readme, 3);
  if (heading === null) return false;
  if (!heading) return !headed;
  return /^(?:files?|data|schema|columns?|layout|contents?|format|shards?|splits?|fields?|structure|[\w./-]*\/)$/i.test(heading.replace(/[`*_]/g, ''));
}

/**
 * A README whose folder holds no data but two or more cards of its own — folders with READMEs, or card
 * files beside it (`eval/review-judge-bench-v1.md`) — or one card folder under a README titled by the
 * folder ("# Exports — system-of-record extracts" in `exports/`): a catalogue, not a dataset.
 */
function isIndexOfDatasets(readme: string, folder: string, folders: string[], cardFiles: string[]): boolean {
  let cards = cardFiles.length;
  let cardFolders = 0;
  for (const sub of folders) {
    if (cards >= 2) return true;
    if (DATA_FOLDER.test(basename(sub)) || !hasReadmeBelow(sub, 2)) continue;
    cards++;
    cardFolders++;
  }
  return cards >= 2 || (cardFolders >= 1 && titledByFolder(readme, folder));
}

/** Whether a README's first heading starts with its folder's name ("# eval/", "# Exports — …" in `exports/`). */
function titledByFolder(readme: string, folder: string): boolean {
  const heading = firstHeadingOf(readme, 2);
  const name = nameKey(basename(folder));
  return typeof heading === 'string' && name.length >= 2 && nameKey(heading.replace(/[`*_]/g, '').split(/\s[—–-]\s|:/)[0]!) === name;
}

/** A README's first heading (of level `depth` or less) in its first 4 KB: undefined when it has none, null when it cannot be read. */
function firstHeadingOf(readme: string, depth: number): string | undefined | null {
  let head: string;
  try {
    head = readFileSync(readme, 'utf8').slice(0, 4096);
  } catch {
    return null;
  }
  return head.split('\n').map((line) => atxHeading(line, depth)).find(Boolean)?.title;
}

/** A markdown file that is a card of its own: not a README, a paper, a blog post, a licence or a data file. */
function isCardFile(file: string): boolean {
  return !isDataFile(file) && !NOT_DOCUMENTS.test(basename(file)) && TEXT_EXTENSIONS.has(extname(file).toLowerCase()) && kindOf(file) === 'card';
}

function hasReadmeBelow(folder: string, depth: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return false;
  }
  if (entries.some((e) => FOLDER_CARD.test(e))) return true;
  if (depth <= 1) return false;
  return entries.some((e) => {
    if (e.startsWith('.') || SKIPPED_FOLDERS.has(e)) return false;
    try {
      return statSync(join(folder, e)).isDirectory() && hasReadmeBelow(join(folder, e), depth - 1);
    } catch {
      return false;
    }
  });
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
