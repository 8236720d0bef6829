/**
 * Sketching datasets on every core: a small pool of worker threads takes whole datasets from a queue
 * (datasets are independent) and sends back their encoded sketches; the main thread stores them. Below
 * `parallelBytes` of files to read, or where workers cannot load TypeScript, everything runs here.
 */
import { Worker } from 'node:worker_threads';
import type { EncodedSketch } from '../../../shared/analyses/overlap/codec.js';
import type { SketchParams } from '../../../shared/analyses/overlap/types.js';
import type { RowProblem } from '../../samples/read.js';

const WORKER = new URL('./sketch-worker.js', import.meta.url);

export interface SketchJob {
  datasetId: string;
  files: string[];
  params: SketchParams;
}

export interface SketchJobResult {
  datasetId: string;
  encoded: EncodedSketch;
  read: string[];
  problems: RowProblem[];
  /** Problems beyond the ones listed. */
  moreProblems: number;
  fileErrors: Array<[string, string]>;
  seconds: number;
}

/** Runs the jobs on `threads` workers; `done` is called in the main thread as each dataset finishes. */
export async function sketchOnWorkers(jobs: SketchJob[], threads: number, done: (result: SketchJobResult) => void): Promise<void> {
  const queue = [...jobs];
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => worker.postMessage(queue.shift() ?? null);
            worker.on('message', (result: SketchJobResult) => {
              try {
                done(result);
                next();
              } catch (error) {
                reject(error as Error);
              }
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (queue.length === 0 && code === 0 ? resolve() : reject(new Error(`sketch worker exited with ${code}`))));
            next();
          }),
      ),
    );
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
