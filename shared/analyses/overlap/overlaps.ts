/**
 * The overlaps of a set of sketched datasets, computed once and cached: containment both ways for
 * every candidate pair, and which sampled records of one dataset another holds. Queries whose prompt
 * turns up in more than half of the datasets (when there are at least six) are boilerplate — a
 * greeting, a stock instruction — and count for nothing.
 */
import { FOUND_NEAR, FOUND_PROMPT, QueryIndex, type SketchedDataset } from './containment.js';
import type { Containment, KeySets } from './types.js';

export class Overlaps {
  readonly index: QueryIndex;
  readonly ids: string[];
  /** Queries left out as common to many datasets. */
  readonly common: number;
  private readonly skip: (query: number) => boolean;
  private readonly containments = new Map<string, Containment>();
  private readonly foundSets = new Map<string, Set<number>>();

  constructor(datasets: SketchedDataset[], keysOf?: (id: string) => KeySets) {
    this.index = new QueryIndex(datasets).scanAll(keysOf);
    this.ids = datasets.map((d) => d.id);
    const spread = this.index.spread();
    const most = datasets.length >= 6 ? Math.floor(datasets.length / 2) : Infinity;
    this.skip = (query) => spread[query]! >= most;
    this.common = spread.filter((s) => s >= most).length;
  }

  /** Unordered pairs of datasets (indices, a < b) that share at least one sampled record. */
  candidatePairs(): Array<[number, number]> {
    const seen = new Set<number>();
    const pairs: Array<[number, number]> = [];
    const n = this.ids.length;
    for (const [x, y] of this.index.candidatePairs()) {
      const [a, b] = x < y ? [x, y] : [y, x];
      if (seen.has(a * n + b)) continue;
      seen.add(a * n + b);
      pairs.push([a, b]);
    }
    return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  }

  /** The share of a's samples found in b. */
  containment(a: number, b: number): Containment {
    const key = `${a}>${b}`;
    let found = this.containments.get(key);
    if (!found) this.containments.set(key, (found = this.index.containment(a, b, this.skip)));
    return found;
  }

  /** a's sampled records (query indices) that b holds, exactly or near. */
  foundIn(a: number, b: number): Set<number> {
    const key = `${a}>${b}`;
    let found = this.foundSets.get(key);
    if (!found) {
      found = new Set();
      const target = this.index.datasets[b]!.sketch;
      for (const [q, bits] of this.index.hitsOf(a, b)) {
        if (this.skip(q) || this.index.queries[q]!.key >= target.prompts.limit) continue;
        if (bits & (FOUND_PROMPT | FOUND_NEAR)) found.add(q);
      }
      this.foundSets.set(key, found);
    }
    return found;
  }

  /** Of a's records found in b, the share also found in any of `others`. */
  alsoIn(a: number, b: number, others: number[]): number {
    const found = this.foundIn(a, b);
    if (found.size === 0 || others.length === 0) return 0;
    const elsewhere = others.map((o) => this.foundIn(a, o));
    let also = 0;
    for (const q of found) if (elsewhere.some((set) => set.has(q))) also++;
    return also / found.size;
  }
}
