/**
 * Diversity of a sample set from its embeddings. Vendi score (Friedman & Dieng, 2023): the exponential
 * of the entropy of the eigenvalues of the normalized similarity kernel K/n with K = XXᵀ over unit
 * rows — computed in its dual form, the eigenvalues of XᵀX/n (d × d), so the cost is O(n·d²), not O(n³).
 * It reads as an effective number of distinct items: n identical items score 1, n orthogonal ones n.
 * Centroid distance: the mean cosine distance of the items to their centroid.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface Diversity {
  items: number;
  vendi: number;
  centroidDistance: number;
}

/** Rows scaled to unit length (zero rows stay zero and count as nothing). */
export function unitRows(rows: ArrayLike<number>[]): Float64Array[] {
  return rows.map((row) => {
    let norm = 0;
    for (let i = 0; i < row.length; i++) norm += row[i]! * row[i]!;
    norm = Math.sqrt(norm);
    const out = new Float64Array(row.length);
    if (norm > 0) for (let i = 0; i < row.length; i++) out[i] = row[i]! / norm;
    return out;
  });
}

/**
 * The embeddings as unit-length columns, column-major (`columns[i * n + k]` is dimension i of item k):
 * the layout that makes XᵀX a set of long dot products. Zero rows are left out.
 */
export function unitColumns(embeddings: ArrayLike<number>[], allocate: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b)): { columns: Float64Array; n: number; d: number } {
  const d = embeddings[0]?.length ?? 0;
  const norms = embeddings.map((row) => {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += row[i]! * row[i]!;
    return Math.sqrt(sum);
  });
  const kept = embeddings.filter((_row, k) => norms[k]! > 0);
  const keptNorms = norms.filter((norm) => norm > 0);
  const n = kept.length;
  const columns = new Float64Array(allocate(n * d * 8));
  for (let k = 0; k < n; k++) {
    const row = kept[k]!;
    const scale = 1 / keptNorms[k]!;
    for (let i = 0; i < d; i++) columns[i * n + k] = row[i]! * scale;
  }
  return { columns, n, d };
}

/**
 * Adds the items k0..k1 of XᵀX's upper triangle into `gram` (d × d, row-major). Blocks of items keep
 * both columns in cache; two accumulators let the engine overlap the multiplies.
 */
export function addGramBlock(columns: Float64Array, n: number, d: number, k0: number, k1: number, gram: Float64Array): void {
  const BLOCK = 4096;
  for (let b0 = k0; b0 < k1; b0 += BLOCK) {
    const b1 = Math.min(k1, b0 + BLOCK);
    for (let i = 0; i < d; i++) {
      const a = i * n;
      for (let j = i; j < d; j++) {
        const b = j * n;
        let s0 = 0;
        let s1 = 0;
        let k = b0;
        for (; k + 1 < b1; k += 2) {
          s0 += columns[a + k]! * columns[b + k]!;
          s1 += columns[a + k + 1]! * columns[b + k + 1]!;
        }
        if (k < b1) s0 += columns[a + k]! * columns[b + k]!;
        gram[i * d + j]! += s0 + s1;
      }
    }
  }
}

/** The Vendi score from the upper triangle of XᵀX over n unit rows. */
export function vendiFromGram(gram: Float64Array, d: number, n: number): number {
  if (n === 0) return 0;
  const matrix = new Matrix(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const value = gram[i * d + j]! / n;
      matrix.set(i, j, value);
      matrix.set(j, i, value);
    }
  }
  const eigenvalues = new EigenvalueDecomposition(matrix, { assumeSymmetric: true }).realEigenvalues;
  let entropy = 0;
  for (const lambda of eigenvalues) if (lambda > 1e-12) entropy -= lambda * Math.log(lambda);
  return Math.exp(entropy);
}

export function vendiScore(embeddings: ArrayLike<number>[]): number {
  const { columns, n, d } = unitColumns(embeddings);
  if (n === 0) return 0;
  const gram = new Float64Array(d * d);
  addGramBlock(columns, n, d, 0, n, gram);
  return vendiFromGram(gram, d, n);
}

export function centroidDistance(embeddings: ArrayLike<number>[]): number {
  const rows = unitRows(embeddings);
  if (rows.length === 0) return 0;
  const d = rows[0]!.length;
  const centroid = new Float64Array(d);
  for (const row of rows) for (let i = 0; i < d; i++) centroid[i]! += row[i]! / rows.length;
  const centroidNorm = Math.sqrt(centroid.reduce((s, v) => s + v * v, 0));
  if (centroidNorm === 0) return 1;
  let total = 0;
  for (const row of rows) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += row[i]! * centroid[i]!;
    total += 1 - dot / centroidNorm;
  }
  return total / rows.length;
}

export function diversity(embeddings: ArrayLike<number>[]): Diversity {
  return { items: embeddings.length, vendi: vendiScore(embeddings), centroidDistance: centroidDistance(embeddings) };
}
