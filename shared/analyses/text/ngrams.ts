/**
 * Word n-grams as hashes: the unit of benchmark-overlap checks (13-grams by default, as GPT-3's).
 * Each word is hashed once, and n-grams are two polynomial rolling hashes modulo primes below 2²⁶
 * (every product stays exact in a double), packed into one 52-bit number: O(words), not O(words × n).
 */
import { fnv1a32, mix32 } from './hash.js';

export const DEFAULT_NGRAM = 13;

const P1 = 67108859; // largest prime below 2^26
const P2 = 67108837;
const B1 = 1000003 % P1;
const B2 = 999983 % P2;

function power(base: number, exponent: number, modulus: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = (result * base) % modulus;
  return result;
}

/** Hashes of every m-gram of `tokens` for each m in `lengths`. */
export function gramsOfLengths(tokens: string[], lengths: Iterable<number>): number[] {
  const a = new Array<number>(tokens.length);
  const b = new Array<number>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const h = fnv1a32(tokens[i]!);
    a[i] = h % P1;
    b[i] = mix32(h) % P2;
  }
  const out: number[] = [];
  for (const m of lengths) {
    if (m < 1 || m > tokens.length) continue;
    const top1 = power(B1, m - 1, P1);
    const top2 = power(B2, m - 1, P2);
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (i >= m) {
        h1 = (h1 - ((a[i - m]! * top1) % P1) + P1) % P1;
        h2 = (h2 - ((b[i - m]! * top2) % P2) + P2) % P2;
      }
      h1 = (h1 * B1 + a[i]!) % P1;
      h2 = (h2 * B2 + b[i]!) % P2;
      if (i >= m - 1) out.push(h1 * 0x4000000 + h2);
    }
  }
  return out;
}

/** Hashes of every n-gram of `tokens`; a text shorter than n yields one gram of all its words. */
export function ngramHashes(tokens: string[], n: number): number[] {
  if (tokens.length === 0) return [];
  return gramsOfLengths(tokens, [Math.min(n, tokens.length)]);
}
