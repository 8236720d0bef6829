/** Worker thread of sketch-parallel.ts: sketches the datasets it is sent, one at a time, and posts each back encoded. */
import { parentPort } from 'node:worker_threads';
import { encodeSketch } from '../../../shared/analyses/overlap/codec.js';
import type { SketchParams } from '../../../shared/analyses/overlap/types.js';
import type { RowProblem } from '../../samples/read.js';
import { sketchFiles } from './sketches.js';
import type { SketchJob, SketchJobResult } from './sketch-parallel.js';

const MAX_PROBLEMS = 1000;

parentPort!.on('message', async (job: SketchJob | null) => {
  if (!job) return parentPort!.close();
  const problems: RowProblem[] = [];
  let moreProblems = 0;
  const fileErrors: Array<[string, string]> = [];
  const started = performance.now();
  const { sketch, read } = await sketchFiles(job.files, job.params as SketchParams, {
    onProblem: (p) => (problems.length < MAX_PROBLEMS ? problems.push(p) : moreProblems++),
    onFileError: (file, message) => fileErrors.push([file, message]),
  });
  const result: SketchJobResult = { datasetId: job.datasetId, encoded: encodeSketch(sketch), read, problems, moreProblems, fileErrors, seconds: (performance.now() - started) / 1000 };
  const e = result.encoded;
  parentPort!.postMessage(result, [e.queries, e.examples, e.prompts, e.responses, e.pairs, e.bands].map((b) => b.buffer as ArrayBuffer));
});
