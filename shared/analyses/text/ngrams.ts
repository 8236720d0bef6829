/**
 * Word n-grams as hashes: the unit of benchmark-overlap checks (13-grams by default, as GPT-3's).
 * Each word is hashed once (FNV-1a of its lower-cased form, the same value `fnv1a32(word)` gives); an
 * n-gram is two polynomial rolling hashes over the word hashes modulo 2³² (Math.imul: integer steps
 * only), packed into one 53-bit number. Scanning is O(characters), with no string per word on ASCII text.
 */
import { fnv1a32 } from './hash.js';
import { words } from './normalize.js';

export const DEFAULT_NGRAM = 13;

const B1 = 0x01000193;
const B2 = 0x5bd1e995;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base);
  return result;
}

/**
 * A reusable scanner: `fill` hashes a text's words and its n-grams into typed arrays it keeps between
 * calls, so scanning millions of samples allocates almost nothing. After `fill`, `grams[0..count)` hold
 * the 53-bit gram hashes, `lows` their low 32 bits (cheap to bucket by), `words` the word count and
 * `whole` a hash of the whole word sequence (for exact matches).
 */
export class GramBuffer {
  grams = new Float64Array(1024);
  lows = new Int32Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  words = 0;
  whole = 0;

  /** Hashes of the m-grams of `text` for every m in `lengths`; returns how many were written. */
  fill(text: string, lengths: readonly number[]): number {
    this.hashWords(text);
    return this.rollGrams(lengths);
  }

  /**
   * Only `words` and `whole`, as `fill(text, [])` sets them, in one pass that keeps no word hashes: for
   * texts compared whole only (the response side of a sample).
   */
  hashWhole(text: string): void {
    let w1 = 0;
    let w2 = 0;
    let count = 0;
    let h = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i <= text.length; i++) {
      let c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 0x80) {
        this.fill(text, []);
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (!inWord) {
          h = FNV_OFFSET;
          inWord = true;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
      } else if (inWord) {
        const word = h >>> 0;
        w1 = (Math.imul(w1, B1) + word) | 0;
        w2 = (Math.imul(w2, B2) + Math.imul(word ^ (word >>> 15), 0x2c1b3c6d)) | 0;
        count++;
        inWord = false;
      }
    }
    this.words = count;
    this.whole = (w1 & 0x1fffff) * 0x100000000 + (w2 >>> 0);
  }

  /**
   * `words`, `whole` and the word-pair hashes in `lows[0..count)`, as `fill(text, [2])` sets them (not
   * `grams`), in one pass over the characters; returns the count.
   */
  fillPairs(text: string): number {
    let w1 = 0;
    let w2 = 0;
    let count = 0;
    let previous = 0;
    let h = FNV_OFFSET;
    let inWord = false;
    let lows = this.lows;
    for (let i = 0; i <= text.length; i++) {
      let c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 0x80) return this.fill(text, [2]);
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (!inWord) {
          h = FNV_OFFSET;
          inWord = true;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
      } else if (inWord) {
        const word = h >>> 0;
        const second = Math.imul(word ^ (word >>> 15), 0x2c1b3c6d);
        w1 = (Math.imul(w1, B1) + word) | 0;
        w2 = (Math.imul(w2, B2) + second) | 0;
        if (count > 0) {
          if (count > lows.length) lows = this.lows = grow(lows);
          lows[count - 1] = (Math.imul(previous, B2) + second) | 0;
        }
        previous = second;
        count++;
        inWord = false;
      }
    }
    this.words = count;
    this.whole = (w1 & 0x1fffff) * 0x100000000 + (w2 >>> 0);
    return Math.max(0, count - 1);
  }

  /** The same from words already split (they must be lower-cased, as `words()` returns them). */
  fillWords(tokens: string[], lengths: readonly number[]): number {
    this.words = 0;
    for (const token of tokens) this.push(fnv1a32(token));
    return this.rollGrams(lengths);
  }

  private hashWords(text: string): void {
    this.words = 0;
    let h = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x80) {
        // Non-ASCII text needs Unicode folding: start again on the slow path.
        this.words = 0;
        for (const word of words(text)) this.push(fnv1a32(word));
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (!inWord) {
          h = FNV_OFFSET;
          inWord = true;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
      } else if (inWord) {
        this.push(h >>> 0);
        inWord = false;
      }
    }
    if (inWord) this.push(h >>> 0);
  }

  private push(hash: number): void {
    if (this.words === this.a.length) {
      this.a = grow(this.a);
      this.b = grow(this.b);
    }
    this.a[this.words] = hash;
    // The second hash only needs to differ from the first: a multiply by an odd constant will do.
    this.b[this.words] = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
    this.words++;
  }

  private rollGrams(lengths: readonly number[]): number {
    const { a, b } = this;
    const n = this.words;
    let count = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = 0; i < n; i++) {
      w1 = (Math.imul(w1, B1) + a[i]!) | 0;
      w2 = (Math.imul(w2, B2) + b[i]!) | 0;
    }
    this.whole = (w1 & 0x1fffff) * 0x100000000 + (w2 >>> 0);
    for (const m of lengths) {
      if (m < 1 || m > n) continue;
      const top1 = power(B1, m - 1);
      const top2 = power(B2, m - 1);
      let h1 = 0;
      let h2 = 0;
      for (let i = 0; i < n; i++) {
        if (i >= m) {
          h1 = (h1 - Math.imul(a[i - m]!, top1)) | 0;
          h2 = (h2 - Math.imul(b[i - m]!, top2)) | 0;
        }
        h1 = (Math.imul(h1, B1) + a[i]!) | 0;
        h2 = (Math.imul(h2, B2) + b[i]!) | 0;
        if (i >= m - 1) {
          if (count === this.grams.length) {
            this.grams = grow(this.grams);
            this.lows = grow(this.lows);
          }
          this.grams[count] = (h1 & 0x1fffff) * 0x100000000 + (h2 >>> 0);
          this.lows[count] = h2;
          count++;
        }
      }
    }
    return count;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Hashes of every n-gram of `tokens`; a text shorter than n yields one gram of all its words. */
export function ngramHashes(tokens: string[], n: number): number[] {
  if (tokens.length === 0) return [];
  const buffer = new GramBuffer();
  const count = buffer.fillWords(tokens, [Math.min(n, tokens.length)]);
  return Array.from(buffer.grams.subarray(0, count));
}
