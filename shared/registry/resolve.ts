/** Looks up well-known datasets by any of their spellings, and finds their mentions in running text. */
import { nameKey, shortName } from '../domain/names.js';
import { KNOWN_DATASETS } from './known-datasets.js';
import { NameIndex, type WordToken } from './name-index.js';
import type { KnownDataset } from './types.js';

export interface Registry {
  /** The known dataset a written name or hub id means, if any. */
  lookup(name: string): KnownDataset | undefined;
  /** Known datasets named in `text`, longest match first, with offsets relative to `text`. */
  mentions(text: string, tokens?: readonly WordToken[]): Array<{ known: KnownDataset; start: number; end: number; written: string }>;
  byId(id: string): KnownDataset | undefined;
  readonly all: readonly KnownDataset[];
}

/**
 * Ordinary English words that are also dataset names or ids ("code" of camel-ai/code, "record" of
 * ReCoRD): written in lower case in running text they are words, not names.
 */
const ORDINARY_WORDS = new Set(
  ('code math physics chemistry biology record ethics dolphin drop race spider apps lima soda glue copa folio swag fever ' +
    'ropes arc nectar muffin platypus guanaco capybara dolly pope bird taco cola mme wic trec gigaword arxiv pubmed ' +
    'wikipedia chat instruct reasoning science data web books news reddit github multiple amps shp').split(' '),
);

/** A dictionary word in lower case or Title case ("code", "Code"); exact-case aliases ("Dolly") are matched before this check. */
function isOrdinaryWord(written: string): boolean {
  return /^[A-Za-z][a-z]+$/.test(written) && ORDINARY_WORDS.has(written.toLowerCase());
}

export function createRegistry(entries: readonly KnownDataset[] = KNOWN_DATASETS): Registry {
  const index = new NameIndex<KnownDataset>({ acceptLoose: (written) => !isOrdinaryWord(written) });
  const byId = new Map<string, KnownDataset>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    const exact = new Set(entry.exactCase ?? []);
    for (const spelling of exact) index.add(spelling, entry, true);
    for (const spelling of [entry.id, entry.name, ...entry.aliases]) if (!exact.has(spelling)) index.add(spelling, entry);
  }
  // The short name of a hub id ("gsm8k" of openai/gsm8k) is a spelling too, unless it is ambiguous or
  // is what an exact-case alias means in any case ("math" of camel-ai/math is not MATH).
  const exactKeys = new Set(entries.flatMap((entry) => (entry.exactCase ?? []).map(nameKey)));
  const shortNames = new Map<string, number>();
  for (const entry of entries) if (entry.id.includes('/')) shortNames.set(nameKey(shortName(entry.id)), (shortNames.get(nameKey(shortName(entry.id))) ?? 0) + 1);
  for (const entry of entries) {
    if (!entry.id.includes('/')) continue;
    const key = nameKey(shortName(entry.id));
    if (key.length >= 3 && !exactKeys.has(key)) index.add(shortName(entry.id), entry);
  }

  // `enwiki-20240601-pages-articles`, `eswiki-20240301`: a dump of a Wikipedia is that Wikipedia.
  const wikipedia = byId.get('wikipedia');
  const lookup = (name: string): KnownDataset | undefined => byId.get(name.trim()) ?? index.lookup(name) ?? (wikipedia && WIKIPEDIA_DUMP.test(name.trim()) ? wikipedia : undefined);
  const mentions: Registry['mentions'] = (text, tokens) => index.matches(text, tokens).map((m) => ({ known: m.value, start: m.start, end: m.end, written: m.written }));
  return { lookup, mentions, byId: (id) => byId.get(id), all: entries };
}

/** The name of a Wikipedia dump: a language's wiki and a date (`enwiki-20240601-pages-articles.xml.bz2`). */
const WIKIPEDIA_DUMP = /^[a-z]{2,3}wiki-(?:\d{8}|latest)(?:-pages-articles(?:-multistream)?)?(?:\.xml(?:\.bz2)?)?$/;

let defaultRegistry: Registry | undefined;

/** The registry of KNOWN_DATASETS, built once. */
export function knownDatasets(): Registry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}
