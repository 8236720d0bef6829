/**
 * The names of the datasets around the documents being read — the other cards of the batch, the
 * project, the `--library` — as a private registry: a written name, an `org/name` id or a relative link
 * to another card resolves to the dataset that card describes. Names are compared by name key only, so
 * two names that differ by a version (`billing-chats-v2`, `-v3`) stay two datasets.
 */
import { dirname, resolve } from 'node:path';
import { nameKey } from '../../shared/domain/names.js';
import { NameIndex, type NameMatch, type WordToken } from '../../shared/registry/name-index.js';

export interface CorpusDataset {
  id: string;
  name: string;
  aliases: string[];
}

export interface CorpusEntry extends CorpusDataset {
  /** Absolute paths of the documents that describe it (a README stands for its folder too). */
  paths?: string[];
}

export class Corpus {
  private readonly index = new NameIndex<CorpusDataset>();
  private readonly byPath = new Map<string, CorpusDataset>();
  private readonly ambiguous = new Set<string>();
  private readonly byKey = new Map<string, CorpusDataset>();

  constructor(entries: Iterable<CorpusEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.byKey.size;
  }

  add(entry: CorpusEntry): void {
    const dataset: CorpusDataset = { id: entry.id, name: entry.name, aliases: entry.aliases };
    for (const name of [entry.id, entry.name, ...entry.aliases]) {
      const key = nameKey(name);
      if (key.length < 2 || this.ambiguous.has(key)) continue;
      const other = this.byKey.get(key);
      if (other && other.id !== entry.id) {
        // One spelling, two datasets: the name alone decides nothing.
        this.ambiguous.add(key);
        this.byKey.delete(key);
        continue;
      }
      this.byKey.set(key, other ?? dataset);
      this.index.add(name, other ?? dataset);
    }
    for (const path of entry.paths ?? []) {
      const absolute = resolve(path);
      this.byPath.set(absolute, dataset);
      if (/^(?:readme|card|dataset_card|index)(?:\.[a-z]+)?$/i.test(absolute.slice(absolute.lastIndexOf('/') + 1))) this.byPath.set(dirname(absolute), dataset);
    }
  }

  /** The dataset a written name or id means, unless no or several datasets are called so. */
  lookup(name: string): CorpusDataset | undefined {
    const key = nameKey(name);
    return this.ambiguous.has(key) ? undefined : this.byKey.get(key);
  }

  /** The dataset a document or folder describes, by its absolute path. */
  atPath(path: string): CorpusDataset | undefined {
    const absolute = resolve(path).replace(/\/+$/, '');
    return this.byPath.get(absolute) ?? this.byPath.get(resolve(absolute, 'README.md'));
  }

  /** The corpus's multi-word and single-word names in a text, longest first. */
  matches(text: string, tokens: readonly WordToken[]): Array<NameMatch<CorpusDataset>> {
    if (this.byKey.size === 0) return [];
    return this.index.matches(text, tokens).filter((m) => !this.ambiguous.has(nameKey(m.written)) && writtenAsName(m.written, m.value));
  }
}

export const EMPTY_CORPUS = new Corpus();

/**
 * A name of several words found in running text counts only when written as a name — as one of its
 * spellings, as an identifier, or with its words capitalised — not as ordinary words ("the policy QA
 * set" is not "Policy QA Hard"'s alias "Policy QA").
 */
function writtenAsName(written: string, dataset: CorpusDataset): boolean {
  if (!/\s/.test(written)) return true;
  if ([dataset.name, dataset.id, ...dataset.aliases].includes(written)) return true;
  return written.split(/\s+/).every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /[\p{N}_./-]/u.test(word));
}
