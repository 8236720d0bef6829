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

export function vendiScore(embeddings: ArrayLike<number>[]): number {
  const rows = unitRows(embeddings).filter((r) => r.some((v) => v !== 0));
  const n = rows.length;
  if (n === 0) return 0;
  const d = rows[0]!.length;
  // Upper triangle of XᵀX, accumulated row by row (cache-friendly: one pass over the data).
  const gram = new Float64Array(d * d);
  for (const x of rows) {
    for (let i = 0; i < d; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const base = i * d;
      for (let j = i; j < d; j++) gram[base + j]! += xi * x[j]!;
    }
  }
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
