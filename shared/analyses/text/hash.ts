/**
 * Fast non-cryptographic hashes for n-grams and shingles. Two 32-bit FNV-1a variants make a 53-bit
 * number, exact in a double, so sets of hashes are plain `Set<number>`; collisions are negligible at
 * the sizes Rootline scans (about 1e-4 for a million distinct n-grams).
 */

export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hash53(text: string): number {
  const high = fnv1a32(text) & 0x1fffff;
  const low = fnv1a32(text, 0x9747b28c);
  return high * 0x100000000 + low;
}

/** MurmurHash3's finalizer: spreads a 32-bit value over all bits (used to derive MinHash permutations). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
