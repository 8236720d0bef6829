/**
 * A local library of dataset cards the user points to (`--library DIR`): indexed once by the names each
 * card gives its dataset (pretty_name, first heading, folder, file name), searched by a dataset's names.
 */
import { basename, dirname, extname } from 'node:path';
import { nameKey, shortName } from '../../shared/domain/names.js';
import { UserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { parseCard } from '../documents/card.js';
import { collectDocuments } from '../documents/collect.js';
import { readDocument } from '../documents/read.js';
import type { DatasetRef, SourcedDocument } from './types.js';
import type { DocumentKind } from '../../shared/domain/vocabulary.js';

export interface LibraryCard {
  path: string;
  kind: DocumentKind;
  names: string[];
}

export interface Library {
  dir: string;
  cards: LibraryCard[];
  /** Cards that could not be read, with why. */
  problems: string[];
  /** The library's documents about a dataset, read now. */
  documentsFor(dataset: DatasetRef): SourcedDocument[];
}

export function openLibrary(dir: string, options: { maxBytes?: number } = {}): Library {
  const { documents, errors } = collectDocuments([dir]);
  if (errors.some((e) => e.file === dir)) throw new UserError('no such library folder', dir);
  const problems = errors.map((e) => e.message);
  const cards: LibraryCard[] = [];
  const namesOfReadme = new Map<string, string[]>();
  for (const source of documents) {
    let names: string[];
    try {
      const { text } = readDocument(source.path, options);
      names = cardNames(text, source.path, source.folderName);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
      continue;
    }
    // A paper or blog post beside a README describes the README's dataset.
    if (source.companionOf) names = [...names, ...(namesOfReadme.get(source.companionOf) ?? [])];
    if (source.kind === 'card' || source.folderName) namesOfReadme.set(source.path, names);
    cards.push({ path: source.path, kind: source.kind, names });
  }

  return {
    dir,
    cards,
    problems,
    documentsFor(dataset) {
      const keys = datasetKeys(dataset);
      const out: SourcedDocument[] = [];
      for (const card of cards) {
        if (!card.names.some((n) => keys.has(nameKey(n)))) continue;
        try {
          const read = readDocument(card.path, options);
          out.push({ location: card.path, kind: card.kind, text: read.text, sha256: read.sha256, from: 'library' });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
        }
      }
      return out;
    },
  };
}

function cardNames(text: string, path: string, folderName: string | undefined): string[] {
  const names: string[] = [];
  let body = text;
  try {
    const card = parseCard(text, path);
    if (card.metadata?.prettyName) names.push(card.metadata.prettyName);
    body = text.slice(card.bodyStart);
  } catch {
    // A card with broken front matter is still found by its heading and file name.
  }
  const heading = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  if (heading) names.push(heading.replace(/^(?:dataset\s+card\s+for|dataset\s+card:?)\s+/i, '').replace(/[*_`]/g, '').trim());
  if (folderName) names.push(folderName);
  const stem = basename(path, extname(path));
  if (!/^(?:readme|card|dataset_card|index|paper|blog)$/i.test(stem)) names.push(stem);
  else if (!folderName) names.push(basename(dirname(path)));
  return [...new Set(names.filter((n) => nameKey(n).length >= 2))];
}

/** A dataset's names as keys: its id, short name, name, aliases, and the registry's spellings of it. */
function datasetKeys(dataset: DatasetRef): Set<string> {
  const known = knownDatasets().byId(dataset.id);
  const names = [dataset.id, shortName(dataset.id), dataset.name, ...dataset.aliases, ...(known ? [known.name, ...known.aliases] : [])];
  return new Set(names.map(nameKey).filter((k) => k.length >= 2));
}
