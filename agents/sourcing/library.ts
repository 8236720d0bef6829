/**
 * A local library of dataset cards the user points to (`--library DIR`): indexed once by the names each
 * card gives its dataset (pretty_name, first heading, folder, file name), searched by a dataset's names.
 */
import { nameKey, shortName } from '../../shared/domain/names.js';
import { UserError } from '../../shared/errors.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { parseCard } from '../documents/card.js';
import { documentNames, identifyDocument, type DocumentIdentity } from '../documents/identity.js';
import type { CorpusEntry } from '../extraction/corpus.js';
import { collectDocuments } from '../documents/collect.js';
import { readDocument } from '../documents/read.js';
import type { DatasetRef, SourcedDocument } from './types.js';
import type { DocumentKind } from '../../shared/domain/vocabulary.js';

export interface LibraryCard {
  path: string;
  kind: DocumentKind;
  names: string[];
  /** The dataset the card describes (its companion README's, for a paper beside one). */
  identity: DocumentIdentity;
}

export interface Library {
  dir: string;
  cards: LibraryCard[];
  /** Cards that could not be read, with why. */
  problems: string[];
  /** The library's documents about a dataset, read now. */
  documentsFor(dataset: DatasetRef): SourcedDocument[];
  /** Every dataset the library's cards describe, with their names and paths: names the extractor may resolve to. */
  corpusEntries(): CorpusEntry[];
}

export function openLibrary(dir: string, options: { maxBytes?: number } = {}): Library {
  const { documents, errors } = collectDocuments([dir]);
  if (errors.some((e) => e.file === dir)) throw new UserError('no such library folder', dir);
  const problems = errors.map((e) => e.message);
  const cards: LibraryCard[] = [];
  const cardOfReadme = new Map<string, LibraryCard>();
  const registry = knownDatasets();
  for (const source of documents) {
    let card: LibraryCard;
    try {
      const { text } = readDocument(source.path, options);
      const input = cardInput(text, source.path, source.folderName);
      const names = documentNames(input);
      // A paper beside a README, or the README of a data folder, describes the README's dataset.
      const companion = source.companionOf ? cardOfReadme.get(source.companionOf) : undefined;
      card = companion
        ? { path: source.path, kind: source.kind, names: [...new Set([...names, ...companion.names])], identity: companion.identity }
        : { path: source.path, kind: source.kind, names, identity: identifyDocument(input, registry) };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
      continue;
    }
    if (!source.companionOf) cardOfReadme.set(source.path, card);
    cards.push(card);
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
    corpusEntries() {
      const byId = new Map<string, CorpusEntry>();
      for (const card of cards) {
        const entry = byId.get(card.identity.id);
        if (entry) entry.paths!.push(card.path);
        else byId.set(card.identity.id, { id: card.identity.id, name: card.identity.name, aliases: [...new Set([...card.identity.aliases, ...card.names])], paths: [card.path] });
      }
      return [...byId.values()];
    },
  };
}

/** What identifying a card needs: its text, its front matter (if it parses) and its folder. */
function cardInput(text: string, path: string, folderName: string | undefined) {
  try {
    const card = parseCard(text, path);
    return { text, path, folderName, metadata: card.metadata, bodyStart: card.bodyStart };
  } catch {
    // A card with broken front matter is still found by its heading and file name.
    return { text, path, folderName };
  }
}

/** A dataset's names as keys: its id, short name, name, aliases, and the registry's spellings of it. */
function datasetKeys(dataset: DatasetRef): Set<string> {
  const known = knownDatasets().byId(dataset.id);
  const names = [dataset.id, shortName(dataset.id), dataset.name, ...dataset.aliases, ...(known ? [known.name, ...known.aliases] : [])];
  return new Set(names.map(nameKey).filter((k) => k.length >= 2));
}
