/**
 * MinHash signatures over word shingles: the share of equal signature slots estimates the Jaccard
 * similarity of two texts' shingle sets.
 */
import { fnv1a32, mix32 } from '../text/hash.js';

export interface MinHashOptions {
  /** Signature length (number of hash permutations). */
  permutations: number;
  /** Words per shingle. */
  shingle: number;
}

export const DEFAULT_MINHASH: MinHashOptions = { permutations: 128, shingle: 5 };

export function createMinHasher(options: MinHashOptions = DEFAULT_MINHASH): (tokens: string[]) => Uint32Array {
  const seeds = Array.from({ length: options.permutations }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));
  return (tokens) => {
    const signature = new Uint32Array(options.permutations).fill(0xffffffff);
    const k = Math.min(options.shingle, Math.max(1, tokens.length));
    for (let i = 0; i + k <= tokens.length; i++) {
      const base = fnv1a32(tokens.slice(i, i + k).join(' '));
      for (let p = 0; p < signature.length; p++) {
        const h = mix32(base ^ seeds[p]!);
        if (h < signature[p]!) signature[p] = h;
      }
    }
    return signature;
  };
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
