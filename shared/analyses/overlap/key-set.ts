/**
 * Sets of 32-bit keys (fingerprints of hashes) as sorted typed arrays: collected from a stream in
 * bounded memory, looked up by binary search, stored delta-encoded. When a set would pass its cap, it
 * keeps the smallest keys only (a bottom-k sketch): every key below `limit` is kept, none at or above,
 * so two datasets' sets stay comparable below the lower of their limits.
 */

/** Everything below 2³² is kept: the set is complete. */
export const NO_LIMIT = 0x100000000;

export interface KeySet {
  /** Sorted, distinct. */
  keys: Uint32Array;
  /** Every key of the dataset below this is in `keys`; NO_LIMIT when the set is complete. */
  limit: number;
}

export class KeyCollector {
  private buffer = new Uint32Array(1024);
  private length = 0;
  private limit = NO_LIMIT;
  /** Keys seen more than once, with how many extra times (counted at each compaction). */
  private readonly extra = new Map<number, number>();

  constructor(private readonly cap: number, private readonly trackRepeatsFrom = 3) {}

  push(key: number): void {
    if (key >= this.limit) return;
    if (this.length === this.buffer.length) {
      if (this.buffer.length >= this.cap * 2) this.compact();
      else this.grow();
    }
    this.buffer[this.length++] = key;
  }

  /** The set, and the keys that occurred at least `minCount` times in the stream. */
  finish(minCount: number): { set: KeySet; repeated: Set<number> } {
    this.compact();
    const repeated = new Set<number>();
    for (const [key, extra] of this.extra) if (extra + 1 >= minCount && key < this.limit) repeated.add(key);
    return { set: { keys: this.buffer.slice(0, this.length), limit: this.limit }, repeated };
  }

  private grow(): void {
    const bigger = new Uint32Array(Math.min(this.buffer.length * 2, this.cap * 2));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  /** Sorts, counts repeats, removes duplicates, and keeps the `cap` smallest keys. */
  private compact(): void {
    const view = this.buffer.subarray(0, this.length);
    sortKeys(view);
    let out = 0;
    for (let i = 0; i < view.length; ) {
      const key = view[i]!;
      let j = i + 1;
      while (j < view.length && view[j] === key) j++;
      const run = j - i;
      if (run > 1 && (run >= this.trackRepeatsFrom || this.extra.has(key))) this.extra.set(key, (this.extra.get(key) ?? 0) + run - 1);
      view[out++] = key;
      i = j;
    }
    if (out > this.cap) {
      this.limit = view[this.cap]!;
      out = this.cap;
      for (const key of this.extra.keys()) if (key >= this.limit) this.extra.delete(key);
    }
    this.length = out;
  }
}

/** Sorts keys in place: a radix sort (two passes of 16 bits), several times faster than the built-in sort on millions of keys. */
export function sortKeys(keys: Uint32Array): void {
  sortWithPayload(keys);
}

/** The same, moving `payload[i]` along with `keys[i]`; equal keys keep their order. */
export function sortWithPayload(keys: Uint32Array, payload?: Int32Array): void {
  const n = keys.length;
  if (n < 2) return;
  const otherKeys = new Uint32Array(n);
  const otherPayload = payload ? new Int32Array(n) : undefined;
  const low = new Uint32Array(65536);
  const high = new Uint32Array(65536);
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    low[v & 0xffff]!++;
    high[v >>> 16]!++;
  }
  let sumLow = 0;
  let sumHigh = 0;
  for (let b = 0; b < 65536; b++) {
    const a = low[b]!;
    low[b] = sumLow;
    sumLow += a;
    const z = high[b]!;
    high[b] = sumHigh;
    sumHigh += z;
  }
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    const at = low[v & 0xffff]!++;
    otherKeys[at] = v;
    if (payload) otherPayload![at] = payload[i]!;
  }
  for (let i = 0; i < n; i++) {
    const v = otherKeys[i]!;
    const at = high[v >>> 16]!++;
    keys[at] = v;
    if (payload) payload[at] = otherPayload![i]!;
  }
}

export function hasKey(keys: Uint32Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = keys[mid]!;
    if (value === key) return true;
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The set without the given keys. */
export function withoutKeys(set: KeySet, remove: Set<number>): KeySet {
  if (remove.size === 0) return set;
  // Both sorted: one merge, no hashing of the (many) keys kept.
  const gone = Uint32Array.from(remove).sort();
  const keys = new Uint32Array(set.keys.length);
  let kept = 0;
  let g = 0;
  for (let i = 0; i < set.keys.length; i++) {
    const key = set.keys[i]!;
    while (g < gone.length && gone[g]! < key) g++;
    if (g < gone.length && gone[g] === key) continue;
    keys[kept++] = key;
  }
  return { keys: keys.slice(0, kept), limit: set.limit };
}

/** Sorted distinct keys as LEB128 varints of their gaps: about 2–3 bytes a key instead of 4. */
export function encodeKeys(keys: Uint32Array): Uint8Array {
  const out = new Uint8Array(keys.length * 5);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < keys.length; i++) {
    let gap = keys[i]! - previous;
    previous = keys[i]!;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    out[at++] = gap;
  }
  return out.slice(0, at);
}

export function decodeKeys(bytes: Uint8Array): Uint32Array {
  // Every key ends with one byte below 0x80, so there are at most as many keys as bytes.
  const keys = new Uint32Array(bytes.length);
  let value = 0;
  let k = 0;
  let gap = 0;
  let scale = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      value += gap + byte * scale;
      keys[k++] = value;
      gap = 0;
      scale = 1;
    } else {
      gap += (byte & 0x7f) * scale;
      scale *= 128;
    }
  }
  return keys.slice(0, k);
}
