/** Looks up well-known datasets by any of their spellings, and finds their mentions in running text. */
import { nameKey, shortName } from '../domain/names.js';
import { KNOWN_DATASETS } from './known-datasets.js';
import type { KnownDataset } from './types.js';

export interface Registry {
  /** The known dataset a written name or hub id means, if any. */
  lookup(name: string): KnownDataset | undefined;
  /** Known datasets named in `text`, longest match first, with offsets relative to `text`. */
  mentions(text: string): Array<{ known: KnownDataset; start: number; end: number; written: string }>;
  byId(id: string): KnownDataset | undefined;
  readonly all: readonly KnownDataset[];
}

const MAX_TOKENS = 7;

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
/** What may stand between the words of one name: a space, hyphen, underscore, dot or slash — no comma. */
const JOINER = /^[\s\-_./']{0,2}$/;

export function createRegistry(entries: readonly KnownDataset[] = KNOWN_DATASETS): Registry {
  const byKey = new Map<string, KnownDataset>();
  /** For each key, where its spellings put word breaks: "Wiki text" is not "WikiText". */
  const wordings = new Map<string, Set<string>>();
  const addWording = (spelling: string) => {
    const key = nameKey(spelling);
    if (!wordings.has(key)) wordings.set(key, new Set());
    wordings.get(key)!.add(wording(spelling));
  };
  const byExact = new Map<string, KnownDataset>();
  const byId = new Map<string, KnownDataset>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    const exact = new Set(entry.exactCase ?? []);
    for (const spelling of exact) byExact.set(spelling, entry);
    for (const spelling of [entry.id, entry.name, ...entry.aliases]) {
      addWording(spelling);
      if (exact.has(spelling)) continue;
      const key = nameKey(spelling);
      if (key.length >= 2 && !byKey.has(key)) byKey.set(key, entry);
    }
  }
  // The short name of a hub id ("gsm8k" of openai/gsm8k) is a spelling too, unless it is ambiguous or
  // is what an exact-case alias means in any case ("math" of camel-ai/math is not MATH).
  const exactKeys = new Set(entries.flatMap((entry) => (entry.exactCase ?? []).map(nameKey)));
  for (const entry of entries) {
    if (!entry.id.includes('/')) continue;
    const key = nameKey(shortName(entry.id));
    if (key.length >= 3 && !byKey.has(key) && !exactKeys.has(key)) byKey.set(key, entry);
  }

  const lookup = (name: string): KnownDataset | undefined => {
    const trimmed = name.trim();
    const exact = byId.get(trimmed) ?? byExact.get(trimmed);
    if (exact || isOrdinaryWord(trimmed)) return exact;
    return byKey.get(nameKey(trimmed));
  };

  const longestKey = Math.max(0, ...[...byKey.keys(), ...[...byExact.keys()].map(nameKey)].map((k) => k.length));

  const mentions: Registry['mentions'] = (text) => {
    // A span's key is the concatenation of its tokens' keys, since nameKey drops everything between them.
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: m[0].toLowerCase() }));
    const found: Array<{ known: KnownDataset; start: number; end: number; written: string }> = [];
    for (let i = 0; i < tokens.length; ) {
      let best: { known: KnownDataset; n: number } | undefined;
      let key = '';
      for (let n = 1; n <= MAX_TOKENS && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!;
        if (n > 1 && !JOINER.test(text.slice(tokens[i + n - 2]!.end, last.start))) break;
        key += last.key;
        if (key.length > longestKey) break;
        const written = text.slice(tokens[i]!.start, last.end);
        const exact = byExact.get(written);
        const loose = exact || (n === 1 && isOrdinaryWord(written)) ? undefined : byKey.get(key);
        if (!exact && !loose) continue;
        if (n > 1 && !exact && !wordings.get(key)?.has(wording(written))) continue;
        best = { known: (exact ?? loose)!, n };
      }
      if (best) {
        const start = tokens[i]!.start;
        const end = tokens[i + best.n - 1]!.end;
        found.push({ known: best.known, start, end, written: text.slice(start, end) });
        i += best.n;
      } else {
        i++;
      }
    }
    return found;
  };

  return { lookup, mentions, byId: (id) => byId.get(id), all: entries };
}

/** A spelling's words, lower case, with hyphens, underscores, dots and slashes as spaces. */
function wording(spelling: string): string {
  return spelling.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
}

let defaultRegistry: Registry | undefined;

/** The registry of KNOWN_DATASETS, built once. */
export function knownDatasets(): Registry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}
