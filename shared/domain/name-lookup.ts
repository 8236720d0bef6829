/**
 * What a name a person typed refers to: one dataset, several (say which), or none (say which names come
 * close). A name someone wrote for a dataset is exact; the bare short name of a hub id (`openhermes` for
 * `teknium/openhermes`) is a guess, refused when another dataset has the same short name (another org)
 * or the same name with a version number (`OpenHermes-2.5`).
 */
import { nameKey, shortName } from './names.js';

export interface NamedDataset {
  id: string;
  name: string;
  aliases: string[];
}

export type NameMatch =
  | { kind: 'found'; id: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'missing'; suggestions: string[] };

export interface NameSources {
  /** The store's own resolution: id, then a written name, then a hub id's short name. */
  resolved: string | undefined;
  get(id: string): NamedDataset | undefined;
  /** Every dataset; read only when the name is a guess or finds nothing. */
  all(): NamedDataset[];
}

const MOST_SUGGESTIONS = 5;
/** What may follow a name in another dataset's name for the two to be versions of one: nothing, or digits. */
const VERSION = /^\d*$/;

export function lookupDatasetName(written: string, sources: NameSources): NameMatch {
  const key = nameKey(written);
  const resolved = sources.resolved;
  if (resolved !== undefined) {
    const found = sources.get(resolved);
    const exact = resolved === written.trim() || !found || [found.name, ...found.aliases].some((name) => nameKey(name) === key);
    if (exact) return { kind: 'found', id: resolved };
    const others = sources.all().filter((d) => d.id !== resolved && keysOf(d).some((k) => k.startsWith(key) && VERSION.test(k.slice(key.length))));
    return others.length === 0 ? { kind: 'found', id: resolved } : { kind: 'ambiguous', candidates: [resolved, ...others.map((d) => d.id)] };
  }
  return { kind: 'missing', suggestions: key ? suggestions(key, sources.all()) : [] };
}

/** The comparison keys of a dataset: its id, its short name, its name and every alias. */
function keysOf(dataset: NamedDataset): string[] {
  return [...new Set([dataset.id, shortName(dataset.id), dataset.name, ...dataset.aliases].map(nameKey).filter(Boolean))];
}

/** Names within a few typos of the key (the closest first), then names that begin with or contain it. */
function suggestions(key: string, datasets: NamedDataset[]): string[] {
  const allowed = Math.max(1, Math.floor(key.length / 4));
  const scored: Array<{ id: string; score: number }> = [];
  for (const dataset of datasets) {
    let best = Infinity;
    for (const candidate of keysOf(dataset)) {
      const distance = editDistanceWithin(key, candidate, allowed);
      if (distance !== undefined) best = Math.min(best, distance);
      else if (key.length >= 4 && (candidate.startsWith(key) || candidate.includes(key))) best = Math.min(best, allowed + 1);
    }
    if (best !== Infinity) scored.push({ id: dataset.id, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, MOST_SUGGESTIONS)
    .map((s) => s.id);
}

/** Levenshtein distance of a and b when it is at most `max`, else undefined; O(max · length). */
export function editDistanceWithin(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(max + 1);
    current[0] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    let rowBest = from === 1 ? i : max + 1;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowBest = Math.min(rowBest, current[j]!);
    }
    if (rowBest > max) return undefined;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : undefined;
}
