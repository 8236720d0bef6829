/**
 * Containment between datasets from their sketches. Every dataset's sampled records (its queries) go
 * into one index by key; each dataset's key sets are then walked once against it, so the work grows
 * with the sketches' size and the keys they share — the candidate pairs — not with all pairs of
 * datasets. Near matches are shared LSH band keys of the prompts.
 */
import { mix32 } from '../text/hash.js';
import { sortWithPayload } from './key-set.js';
import type { Containment, DatasetSketch, KeySets, MatchExample, SampleQuery } from './types.js';

export const FOUND_PROMPT = 1;
export const FOUND_PAIR = 2;
export const FOUND_RESPONSE = 4;
export const FOUND_NEAR = 8;

/** What one dataset holds of the others: owner dataset → its query → FOUND_* bits. */
type Found = Map<number, Map<number, number>>;
const NO_HITS: ReadonlyMap<number, number> = new Map();

export interface SketchedDataset {
  id: string;
  sketch: DatasetSketch;
}

/**
 * The keys of one kind of every query, sorted, behind a bit filter and an open-addressing hash table:
 * most keys of a set match nothing and stop at one read of the filter; the others cost one more read,
 * as the table keeps each key beside its position.
 */
class KeyPostings {
  readonly keys: Uint32Array;
  readonly queries: Int32Array;
  /** Slot s holds a key at [2s] and 1 + its first position in `keys` at [2s + 1] (0: an empty slot). */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;

  constructor(keys: Uint32Array, queries: Int32Array) {
    sortWithPayload(keys, queries);
    this.keys = keys;
    this.queries = queries;
    let size = 1 << 10;
    while (size < keys.length * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    // About eight filter bits per key, indexed by the key's top bits (keys are uniform hashes).
    let bits = 1 << 13;
    while (bits < keys.length * 8 && bits < 1 << 30) bits *= 2;
    this.filter = new Int32Array(bits / 32);
    this.filterShift = 32 - Math.log2(bits);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const b = key >>> this.filterShift;
      this.filter[b >>> 5]! |= 1 << (b & 31);
      if (i > 0 && key === keys[i - 1]) continue;
      let slot = mix32(key) & this.mask;
      while (this.table[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = key | 0;
      this.table[slot * 2 + 1] = i + 1;
    }
  }

  /** Sets `bit` in `found` for every query holding one of the keys, except the dataset's own (`owner` = `self`). */
  match(keys: Uint32Array, found: Found, bit: number, owner: Int32Array, self: number): void {
    const { table, mask, filter, filterShift } = this;
    const n = keys.length;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const b = key >>> filterShift;
      if ((filter[b >>> 5]! & (1 << (b & 31))) === 0) continue;
      const signed = key | 0;
      let slot = mix32(key) & mask;
      let first = table[slot * 2 + 1]!;
      while (first !== 0 && table[slot * 2] !== signed) {
        slot = (slot + 1) & mask;
        first = table[slot * 2 + 1]!;
      }
      if (first !== 0) this.record(first - 1, key, found, bit, owner, self);
    }
  }

  private record(from: number, key: number, found: Found, bit: number, owner: Int32Array, self: number): void {
    for (let j = from; j < this.keys.length && this.keys[j] === key; j++) {
      const query = this.queries[j]!;
      const of = owner[query]!;
      if (of === self) continue;
      let hits = found.get(of);
      if (!hits) found.set(of, (hits = new Map()));
      hits.set(query, (hits.get(query) ?? 0) | bit);
    }
  }
}

/** What every dataset holds of every other dataset's sampled records. */
export class QueryIndex {
  readonly datasets: SketchedDataset[];
  /** Query q belongs to dataset owner[q]; dataset d's queries are [start[d], start[d + 1]). */
  readonly owner: Int32Array;
  readonly start: number[];
  readonly queries: SampleQuery[];
  /** Per dataset: the other datasets whose queries it holds, and for each query what it holds (FOUND_* bits). */
  readonly found: Found[];
  private readonly prompts: KeyPostings;
  private readonly pairs: KeyPostings;
  private readonly responses: KeyPostings;
  private readonly bands: KeyPostings;
  private readonly kept = new Map<number, Float64Array>();
  private keptFor: ((query: number) => boolean) | undefined;

  constructor(datasets: SketchedDataset[]) {
    this.datasets = datasets;
    this.queries = [];
    this.start = [];
    const owners: number[] = [];
    datasets.forEach((d, index) => {
      this.start.push(this.queries.length);
      for (const q of d.sketch.queries) {
        this.queries.push(q);
        owners.push(index);
      }
    });
    this.start.push(this.queries.length);
    this.owner = Int32Array.from(owners);
    this.prompts = this.postings((q, put) => put(q.key));
    this.pairs = this.postings((q, put) => put(q.pair));
    this.responses = this.postings((q, put) => q.response && put(q.response));
    this.bands = this.postings((q, put) => {
      for (const band of q.bands) if (band) put(band);
    });
    this.found = datasets.map(() => new Map());
  }

  private postings(keysOf: (query: SampleQuery, put: (key: number) => void) => void): KeyPostings {
    let count = 0;
    for (const q of this.queries) keysOf(q, () => count++);
    const keys = new Uint32Array(count);
    const queries = new Int32Array(count);
    let at = 0;
    this.queries.forEach((q, i) =>
      keysOf(q, (key) => {
        keys[at] = key;
        queries[at++] = i;
      }),
    );
    return new KeyPostings(keys, queries);
  }

  /**
   * Walks each dataset's key sets once against the index. `keysOf` fetches them one dataset at a time
   * when the sketches were loaded without them, so only one dataset's sets are in memory at once.
   */
  scanAll(keysOf?: (id: string) => KeySets): this {
    this.datasets.forEach((d, index) => this.scan(index, keysOf ? keysOf(d.id) : d.sketch));
    return this;
  }

  /** Marks what dataset `index` holds of the other datasets' queries. */
  scan(index: number, sketch: KeySets): void {
    const found = this.found[index]!;
    this.prompts.match(sketch.prompts.keys, found, FOUND_PROMPT, this.owner, index);
    this.pairs.match(sketch.pairs.keys, found, FOUND_PAIR, this.owner, index);
    this.responses.match(sketch.responses.keys, found, FOUND_RESPONSE, this.owner, index);
    this.bands.match(sketch.bands.keys, found, FOUND_NEAR, this.owner, index);
  }

  /** Pairs [a, b] (dataset indices) where b holds at least one of a's queries' prompts, exactly or near. */
  candidatePairs(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    this.found.forEach((found, b) => {
      for (const [a, hits] of found) {
        for (const bits of hits.values()) {
          if (bits & (FOUND_PROMPT | FOUND_NEAR)) {
            pairs.push([a, b]);
            break;
          }
        }
      }
    });
    return pairs;
  }

  /** In how many other datasets each query's prompt is found, exactly or near. */
  spread(): Uint16Array {
    const counts = new Uint16Array(this.queries.length);
    for (const found of this.found) for (const hits of found.values()) for (const [query, bits] of hits) if (bits & (FOUND_PROMPT | FOUND_NEAR)) counts[query]!++;
    return counts;
  }

  /** What `b` holds of `a`'s queries: query → FOUND_* bits, only those it holds something of. */
  hitsOf(a: number, b: number): ReadonlyMap<number, number> {
    return this.found[b]!.get(a) ?? NO_HITS;
  }

  /**
   * The share of `a`'s samples found in `b`, estimated from `a`'s queries that `b`'s sets can answer
   * (all of them unless `b`'s sets had to be sampled). `skip` leaves out queries judged boilerplate.
   */
  containment(a: number, b: number, skip?: (query: number) => boolean): Containment {
    const target = this.datasets[b]!.sketch;
    const checked = this.checkable(a, target.prompts.limit, skip);
    let exact = 0;
    let near = 0;
    let identical = 0;
    let pairChecked = 0;
    // Only the queries b holds something of: the cost is the hits, not a's whole sample.
    for (const [q, bits] of this.hitsOf(a, b)) {
      const query = this.queries[q]!;
      if (query.key >= target.prompts.limit || skip?.(q)) continue;
      if (bits & FOUND_PROMPT) {
        exact++;
        if (query.pair < target.pairs.limit) {
          pairChecked++;
          if (bits & FOUND_PAIR) identical++;
        }
      } else if (bits & FOUND_NEAR) near++;
    }
    return shares(checked, exact, near, pairChecked ? (identical / pairChecked) * exact : 0);
  }

  /** How many of a's queries (not skipped) have a key below `limit`: a's queries are sorted by key. */
  private checkable(a: number, limit: number, skip?: (query: number) => boolean): number {
    let kept = this.kept.get(a);
    if (!kept || this.keptFor !== skip) {
      if (this.keptFor !== skip) this.kept.clear();
      this.keptFor = skip;
      const keys: number[] = [];
      for (let q = this.start[a]!; q < this.start[a + 1]!; q++) if (!skip?.(q)) keys.push(this.queries[q]!.key);
      this.kept.set(a, (kept = Float64Array.from(keys).sort()));
    }
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (kept[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A few records of `up` and `down` that match: exact prompts from both samples, near ones from the band examples. */
  examples(up: number, down: number, limit = 3): MatchExample[] {
    const a = this.datasets[up]!.sketch;
    const b = this.datasets[down]!.sketch;
    const out: MatchExample[] = [];
    const byKey = new Map(b.queries.map((q) => [q.key, q]));
    for (const q of a.queries) {
      const other = byKey.get(q.key);
      if (other && out.length < limit) out.push({ upstream: { file: q.file, row: q.row }, downstream: { file: other.file, row: other.row }, match: 'exact' });
    }
    if (out.length >= limit) return out;
    const seen = new Set(out.map((e) => `${e.upstream.file}:${e.upstream.row}`));
    const bandOf = new Map(b.examples.map((e) => [e.key, e]));
    for (const e of a.examples) {
      const other = bandOf.get(e.key);
      const id = `${e.file}:${e.row}`;
      if (!other || seen.has(id)) continue;
      seen.add(id);
      out.push({ upstream: { file: e.file, row: e.row }, downstream: { file: other.file, row: other.row }, match: 'near' });
      if (out.length >= limit) break;
    }
    return out;
  }
}

function shares(checked: number, exact: number, near: number, identical: number): Containment {
  const share = checked ? (exact + near) / checked : 0;
  return {
    share: round(share),
    exact: round(checked ? exact / checked : 0),
    near: round(checked ? near / checked : 0),
    identical: round(checked ? identical / checked : 0),
    checked,
    matched: exact + near,
    error: round(checked ? 1.96 * Math.sqrt((share * (1 - share)) / checked) : 1),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

