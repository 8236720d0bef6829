/**
 * The Vendi score over every core: the items are split between worker threads that each add their
 * share of XᵀX from shared memory; the main thread sums the blocks and takes the eigenvalues. Small
 * sets stay on one thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { centroidDistance, unitColumns, vendiFromGram, vendiScore, type Diversity } from '../../shared/sampling/diversity.js';

const WORKER = new URL('./gram-worker.js', import.meta.url);

export async function vendiScoreParallel(embeddings: ArrayLike<number>[], threads = availableParallelism(), minWork = 2e8): Promise<number> {
  const d = embeddings[0]?.length ?? 0;
  if (threads < 2 || embeddings.length * d * d < minWork) return vendiScore(embeddings);
  const { columns, n } = unitColumns(embeddings, (bytes) => new SharedArrayBuffer(bytes));
  const share = Math.ceil(n / threads);
  const blocks = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const k0 = t * share;
      const k1 = Math.min(n, k0 + share);
      return new Promise<Float64Array>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { buffer: columns.buffer, n, d, k0, k1 } });
        worker.once('message', (gram: Float64Array) => resolve(gram));
        worker.once('error', reject);
      });
    }),
  );
  const gram = new Float64Array(d * d);
  for (const block of blocks) for (let i = 0; i < gram.length; i++) gram[i]! += block[i]!;
  return vendiFromGram(gram, d, n);
}

/** Vendi score and centroid distance of a set, the Vendi part on every core. */
export async function measureDiversity(embeddings: ArrayLike<number>[]): Promise<Diversity> {
  return { items: embeddings.length, vendi: await vendiScoreParallel(embeddings), centroidDistance: centroidDistance(embeddings) };
}
