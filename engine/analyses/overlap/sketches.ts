/**
 * Sketches of datasets' sample files, kept in the project: a dataset's files are read (streamed, in
 * batches) only when no sketch was built from files of the same paths, sizes and modification times
 * with the same settings. A file that cannot be read is reported and left out; the rest go on.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { decodeSketch, withoutKeySets, type EncodedSketch } from '../../../shared/analyses/overlap/codec.js';
import { SketchBuilder } from '../../../shared/analyses/overlap/sketch.js';
import { DEFAULT_SKETCH, type DatasetSketch, type SketchParams } from '../../../shared/analyses/overlap/types.js';
import { createSideReader } from '../../../shared/analyses/text/fields.js';
import { isUserError } from '../../../shared/errors.js';
import type { Project } from '../../project.js';
import { readSampleBatches, type RowProblem } from '../../samples/read.js';
import { sketchOnWorkers } from './sketch-parallel.js';

const PARALLEL_BYTES = 64 * 1024 * 1024;

/** Bumped whenever what a sketch holds changes, so older sketches are rebuilt. */
const SKETCH_FORMAT = 1;

export interface SketchedFiles {
  datasetId: string;
  files: string[];
  /** Without its key sets (read them with `project.sketches.keySets`): many datasets' sets need not be in memory at once. */
  sketch: DatasetSketch;
  /** Whether this run read the files, or found them unchanged. */
  built: boolean;
  seconds: number;
}

export interface SketchOptions {
  params?: SketchParams;
  /** Worker threads for sketching (default: every core). */
  threads?: number;
  /** Below this many bytes to read, everything is sketched on this thread (default 64 MB: workers take a moment to start). */
  parallelBytes?: number;
  /** Told when the worker threads could not run and the datasets were sketched on this thread instead. */
  onSingleThreadFallback?: (error: Error) => void;
  onProblem?: (problem: RowProblem) => void;
  /** Told when a whole file cannot be read (it is left out of the sketch). */
  onFileError?: (file: string, message: string) => void;
  /** Told when a dataset is about to be read. */
  onDataset?: (datasetId: string, files: string[]) => void;
}

export function sketchSettings(params: SketchParams): string {
  return JSON.stringify({ format: SKETCH_FORMAT, ...params });
}

/** The files' paths, sizes and modification times: what says they are unchanged. */
export function filesFingerprint(files: string[]): string {
  return JSON.stringify(files.map((file) => {
    const stat = statSync(file);
    return [file, stat.size, Math.round(stat.mtimeMs)];
  }));
}

/** The sketch of each dataset's files: stored ones when unchanged, else read (on every core when there is much to read) and stored. */
export async function sketchDatasets(project: Project, byDataset: Map<string, string[]>, options: SketchOptions = {}): Promise<SketchedFiles[]> {
  const params = options.params ?? DEFAULT_SKETCH;
  const settings = sketchSettings(params);
  const out = new Map<string, SketchedFiles>();
  const toRead: Array<{ datasetId: string; files: string[]; fingerprint: string; bytes: number }> = [];
  for (const [datasetId, unsorted] of [...byDataset].sort((a, b) => a[0].localeCompare(b[0]))) {
    const files = [...unsorted].sort();
    const fingerprint = filesFingerprint(files);
    const stored = project.sketches.info(datasetId);
    const sketch = stored && stored.fingerprint === fingerprint && stored.settings === settings ? project.sketches.sketch(datasetId, { keys: false }) : undefined;
    if (stored && sketch) out.set(datasetId, { datasetId, files: stored.files, sketch, built: false, seconds: stored.seconds });
    else toRead.push({ datasetId, files, fingerprint, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) });
  }
  // Only the files that could be read are in the fingerprint, so a file that failed is tried again next time.
  const store = (job: (typeof toRead)[number], sketch: DatasetSketch | EncodedSketch, read: string[], seconds: number) => {
    project.sketches.put({ datasetId: job.datasetId, files: job.files, fingerprint: read.length === job.files.length ? job.fingerprint : filesFingerprint(read), settings, seconds, sketch });
    const light = 'meta' in sketch ? decodeSketch(sketch, { keys: false }) : withoutKeySets(sketch);
    out.set(job.datasetId, { datasetId: job.datasetId, files: job.files, sketch: light, built: true, seconds });
  };
  const threads = options.threads ?? availableParallelism();
  const bytes = toRead.reduce((sum, job) => sum + job.bytes, 0);
  if (threads >= 2 && toRead.length >= 2 && bytes >= (options.parallelBytes ?? PARALLEL_BYTES)) {
    const jobs = new Map(toRead.map((job) => [job.datasetId, job]));
    for (const job of toRead) options.onDataset?.(job.datasetId, job.files);
    try {
      await sketchOnWorkers(toRead.map((job) => ({ datasetId: job.datasetId, files: job.files, params })), threads, (result) => {
        for (const problem of result.problems) options.onProblem?.(problem);
        if (result.moreProblems) options.onFileError?.(result.datasetId, `${result.moreProblems} more broken rows (skipped)`);
        for (const [file, message] of result.fileErrors) options.onFileError?.(file, message);
        store(jobs.get(result.datasetId)!, result.encoded, result.read, result.seconds);
      });
    } catch (error) {
      options.onSingleThreadFallback?.(error as Error);
    }
  }
  for (const job of toRead) {
    if (out.has(job.datasetId)) continue;
    options.onDataset?.(job.datasetId, job.files);
    const started = performance.now();
    const { sketch, read } = await sketchFiles(job.files, params, options);
    store(job, sketch, read, Math.round(performance.now() - started) / 1000);
  }
  return [...out.values()].sort((a, b) => a.datasetId.localeCompare(b.datasetId));
}

/** Streams the files once into a sketch. */
export async function sketchFiles(files: string[], params: SketchParams = DEFAULT_SKETCH, options: SketchOptions = {}): Promise<{ sketch: DatasetSketch; read: string[] }> {
  const builder = new SketchBuilder(params);
  const read: string[] = [];
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    const sides = createSideReader();
    try {
      for await (const batch of readSampleBatches(file, options.onProblem)) {
        for (const sample of batch) builder.add(sides(sample.record), index, sample.row);
      }
      read.push(file);
    } catch (error) {
      if (!isUserError(error)) throw error;
      const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
      options.onFileError?.(file, message);
    }
  }
  return { sketch: builder.finish(), read };
}
