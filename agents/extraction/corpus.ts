/**
 * The names of the datasets around the documents being read — the other cards of the batch, the
 * project, the `--library` — as a private registry: a written name, an `org/name` id or a relative link
 * to another card resolves to the dataset that card describes. Names are compared by name key only, so
 * two names that differ by a version (`billing-chats-v2`, `-v3`) stay two datasets.
 */
import { dirname, resolve } from 'node:path';
import { isHubId, nameKey, shortName } from '../../shared/domain/names.js';
import { NameIndex, type NameMatch, type WordToken } from '../../shared/registry/name-index.js';
import { knownDatasets } from '../../shared/registry/resolve.js';
import { NearNames } from '../aggregation/canonical.js';
import { trimEndOf } from '../../shared/text/trim.js';

export interface CorpusDataset {
  id: string;
  name: string;
  aliases: string[];
}

export interface CorpusEntry extends CorpusDataset {
  /** Absolute paths of the documents that describe it (a README stands for its folder too). */
  paths?: string[];
}

/** A short namespace, a colon and an id, not a URL scheme: `kf:forge-chat-sft-v2`, `urn:x`. */
const NAMESPACED_ID = /^[A-Za-z][\w.-]{0,15}:(?!\/\/)([\w][\w./-]*)$/;

export class Corpus {
  private readonly index = new NameIndex<CorpusDataset>();
  private readonly byPath = new Map<string, CorpusDataset>();
  private readonly ambiguous = new Set<string>();
  private readonly byKey = new Map<string, CorpusDataset>();

  constructor(entries: Iterable<CorpusEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  private readonly ids = new Set<string>();
  private readonly near = new NearNames();
  private readonly orgs = new Set<string>();
  /** The folders each dataset's documents sit in, by dataset id: `support` of `…/support/returns-chat-v3/README.md`. */
  private readonly folders = new Map<string, Set<string>>();

  /** How many datasets the corpus names. */
  get size(): number {
    return this.ids.size;
  }

  add(entry: CorpusEntry): void {
    this.ids.add(entry.id);
    this.near.add(entry.id, [entry.id, entry.name, ...entry.aliases]);
    for (const name of [entry.id, ...entry.aliases]) if (isHubId(name)) this.orgs.add(nameKey(name.slice(0, name.indexOf('/'))));
    const dataset: CorpusDataset = { id: entry.id, name: entry.name, aliases: entry.aliases };
    // "cat:maths.solutions_v3" is also written without its catalog's prefix ("maths.solutions_v3").
    const unprefixed = entry.aliases.flatMap((alias) => NAMESPACED_ID.exec(alias)?.[1] ?? []);
    for (const name of [entry.id, entry.name, ...entry.aliases, ...unprefixed]) {
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
      const folders = this.folders.get(entry.id) ?? new Set<string>();
      for (const segment of dirname(absolute).split(/[\\/]/).slice(-4)) if (segment) folders.add(nameKey(segment));
      this.folders.set(entry.id, folders);
      this.byPath.set(absolute, dataset);
      if (/^(?:readme|card|dataset|datacard|data_card|dataset_card|dataset-card|index)(?:\.[a-z]+)?$/i.test(absolute.slice(absolute.lastIndexOf('/') + 1))) this.byPath.set(dirname(absolute), dataset);
    }
  }

  /**
   * The dataset a written name or id means, unless no or several datasets are called so. An `org/name`
   * id the corpus does not hold means the corpus dataset of that name, unless that one has an id of
   * another org ("acme/support-v3" written in a YAML list for the card whose folder is `support-v3`).
   */
  lookup(name: string): CorpusDataset | undefined {
    const key = nameKey(name);
    if (this.ambiguous.has(key)) return undefined;
    const exact = this.byKey.get(key);
    // A catalog's namespaced id ("kf:route-notes-v4", "catalog:hldn/x") names the dataset after the prefix.
    const namespaced = exact ? undefined : NAMESPACED_ID.exec(name);
    if (namespaced) return this.lookup(namespaced[1]!);
    // "support.returns-chat-v3" in a YAML list: the card of returns-chat-v3 in the folder `support/`.
    const dot = exact ? -1 : name.indexOf('.');
    if (dot > 0 && !name.includes('/')) {
      const inFolder = this.byKey.get(nameKey(name.slice(dot + 1)));
      if (inFolder && this.folders.get(inFolder.id)?.has(nameKey(name.slice(0, dot)))) return inFolder;
    }
    if (exact || !isHubId(name)) return exact;
    const short = this.byKey.get(nameKey(shortName(name)));
    if (!short || this.ambiguous.has(nameKey(shortName(name)))) return undefined;
    const org = name.slice(0, name.indexOf('/')).toLowerCase();
    const otherOrg = [short.id, ...short.aliases].some((n) => isHubId(n) && n.slice(0, n.indexOf('/')).toLowerCase() !== org);
    return otherOrg ? undefined : short;
  }

  /** Whether a name is the organization of the corpus's `org/name` ids ("Halden" of `halden/triage-notes-v4`). */
  isOrganization(name: string): boolean {
    return this.orgs.has(nameKey(name));
  }

  /** Whether a name is a near spelling of one of the corpus's (a typo, not another dataset). */
  isNearName(name: string): boolean {
    return this.ids.size > 0 && this.near.nearest(name) !== undefined;
  }

  /** The dataset a document or folder describes, by its absolute path. */
  atPath(path: string): CorpusDataset | undefined {
    const absolute = trimEndOf(resolve(path), '/');
    return this.byPath.get(absolute) ?? this.byPath.get(resolve(absolute, 'README.md'));
  }

  /** The corpus's multi-word and single-word names in a text, longest first. */
  matches(text: string, tokens: readonly WordToken[]): Array<NameMatch<CorpusDataset>> {
    if (this.ids.size === 0) return [];
    return this.index.matches(text, tokens).filter((m) => !this.ambiguous.has(nameKey(m.written)) && writtenAsName(m.written, m.value));
  }
}

export const EMPTY_CORPUS = new Corpus();

let registryNear: NearNames | undefined;

/** Whether a name is a near spelling of a well-known dataset's. */
export function isNearKnownName(name: string): boolean {
  if (!registryNear) {
    registryNear = new NearNames();
    for (const known of knownDatasets().all) registryNear.add(known.id, [known.id, known.name, ...known.aliases]);
  }
  return registryNear.nearest(name) !== undefined;
}

/**
 * A name of several words found in running text counts only when written as a name — as one of its
 * spellings, as an identifier, or with its words capitalised — not as ordinary words ("the policy QA
 * set" is not "Policy QA Hard"'s alias "Policy QA").
 */
function writtenAsName(written: string, dataset: CorpusDataset): boolean {
  if ([dataset.name, dataset.id, ...dataset.aliases].includes(written)) return true;
  // One word: "math" in "across math, science" is not the card named "MATH"; "gsm8k" is GSM8K.
  if (!/\s/.test(written)) return /[\p{N}_./-]|\p{Ll}\p{Lu}/u.test(written) || [dataset.name, dataset.id, ...dataset.aliases].some((n) => n.toLowerCase() === written.toLowerCase() && !/^\p{Lu}+$/u.test(n) && /\p{Lu}/u.test(written));
  return written.split(/\s+/).every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /[\p{N}_./-]/u.test(word));
}
