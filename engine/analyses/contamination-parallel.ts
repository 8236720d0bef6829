/**
 * The sample side of a contamination scan over every core: a large plain JSONL file is cut into line
 * ranges, each scanned by a worker thread that rebuilds the (small) benchmark index itself; the hits are
 * merged in file order. Small files, other formats, or a runtime where workers cannot load TypeScript
 * are scanned on this thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lineRanges, type RowProblem } from '../samples/read.js';
import type { ContaminationScanOptions, ItemHit, ScanIndex } from './contamination-scan.js';
import { scanFile } from './contamination-scan.js';

// Compiled (dist/node), the worker is JavaScript already; from the sources, a small entry registers tsx first.
const WORKER = import.meta.url.endsWith('.js') ? new URL('./contamination-worker-main.js', import.meta.url) : new URL('./contamination-worker.js', import.meta.url);
const PARALLEL_BYTES = 96 * 1024 * 1024;

export interface WorkerResult {
  found: Array<[number, ItemHit]>;
  samples: number;
  problems: RowProblem[];
}

export async function scanFileOnEveryCore(
  file: string,
  benchmarks: Map<string, string[]>,
  index: ScanIndex,
  found: Map<number, ItemHit>,
  options: ContaminationScanOptions,
): Promise<number> {
  const threads = options.threads ?? availableParallelism();
  const plainJsonl = /\.(?:jsonl|ndjson)$/i.test(file);
  if (threads < 2 || !plainJsonl || statSync(file).size < (options.parallelBytes ?? PARALLEL_BYTES)) return scanFile(file, index, found, options);
  let results: WorkerResult[];
  try {
    results = await Promise.all(lineRanges(file, threads).map((range) => runWorker({ file, range, benchmarks: [...benchmarks], options: { ...options, onProblem: undefined, onSingleThreadFallback: undefined } })));
  } catch (error) {
    options.onSingleThreadFallback?.(error as Error);
    return scanFile(file, index, found, options);
  }
  let samples = 0;
  for (const result of results) {
    samples += result.samples;
    for (const problem of result.problems) options.onProblem?.(problem);
    for (const [item, hit] of result.found) {
      const mine = found.get(item);
      if (!mine) found.set(item, hit);
      else {
        mine.samples.push(...hit.samples.slice(0, Math.max(0, 20 - mine.samples.length)));
        mine.overlap = Math.max(mine.overlap, hit.overlap);
        mine.exact ||= hit.exact;
      }
    }
  }
  return samples;
}

function runWorker(workerData: unknown): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // The worker entry registers tsx itself and then loads the TypeScript sources, as the CLI does.
    const worker = new Worker(WORKER, { workerData });
    worker.once('message', (result: WorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`contamination worker exited with ${code}`));
    });
  });
}
