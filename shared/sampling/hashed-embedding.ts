/**
 * The built-in, model-free embedding: hashed word unigrams, word bigrams and character trigrams,
 * weighted by TF-IDF over the set being measured, signed-hashed into a fixed number of dimensions and
 * scaled to unit length. Crude next to a neural model, but the same for everyone and offline.
 */
import { fnv1a32 } from '../analyses/text/hash.js';
import { words } from '../analyses/text/normalize.js';

export const DEFAULT_DIMENSION = 512;

function features(text: string): Map<number, number> {
  const tokens = words(text);
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const h = fnv1a32(feature);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    add(`w:${word}`);
    if (i + 1 < tokens.length) add(`b:${word} ${tokens[i + 1]}`);
    const padded = ` ${word} `;
    for (let c = 0; c + 3 <= padded.length; c++) add(`c:${padded.slice(c, c + 3)}`);
  }
  return counts;
}

export function hashedEmbeddings(texts: string[], dimension = DEFAULT_DIMENSION): Float64Array[] {
  const perText = texts.map(features);
  const documentFrequency = new Map<number, number>();
  for (const counts of perText) for (const h of counts.keys()) documentFrequency.set(h, (documentFrequency.get(h) ?? 0) + 1);
  const n = texts.length;
  return perText.map((counts) => {
    const vector = new Float64Array(dimension);
    for (const [h, count] of counts) {
      const idf = Math.log((n + 1) / ((documentFrequency.get(h) ?? 0) + 1)) + 1;
      // The top bit signs the feature, so colliding features tend to cancel rather than pile up.
      vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(count)) * idf;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dimension; i++) vector[i]! /= norm;
    return vector;
  });
}
