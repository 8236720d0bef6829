/**
 * Locality-sensitive hashing over MinHash signatures: items that agree on every row of at least one
 * band become candidates, then pairs whose estimated Jaccard reaches the threshold are kept. With
 * 16 bands of 8 rows a pair at Jaccard 0.8 is caught with probability 1 − (1 − 0.8⁸)¹⁶ ≈ 0.9996.
 */
import { fnv1a32 } from '../text/hash.js';
import { estimatedJaccard } from './minhash.js';

export interface LshOptions {
  bands: number;
  rows: number;
  threshold: number;
}

export const DEFAULT_LSH: LshOptions = { bands: 16, rows: 8, threshold: 0.8 };

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/** Similar pairs among `signatures` (indices into the array), each pair once with a < b. */
export function similarPairs(signatures: Uint32Array[], options: LshOptions = DEFAULT_LSH): SimilarPair[] {
  const seen = new Set<number>();
  const pairs: SimilarPair[] = [];
  for (let band = 0; band < options.bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < signatures.length; i++) {
      const slice = signatures[i]!.subarray(band * options.rows, (band + 1) * options.rows);
      const key = fnv1a32(String.fromCharCode(...new Uint16Array(slice.buffer, slice.byteOffset, slice.length * 2)));
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const a = bucket[x]!;
          const b = bucket[y]!;
          const id = a * signatures.length + b;
          if (seen.has(id)) continue;
          seen.add(id);
          const similarity = estimatedJaccard(signatures[a]!, signatures[b]!);
          if (similarity >= options.threshold) pairs.push({ a, b, similarity });
        }
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
