/** Worker thread of contamination-parallel.ts: scans one line range of a JSONL file and posts its hits back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LineRange, RowProblem } from '../samples/read.js';
import { buildBenchmarkIndex, scanFile, type ContaminationScanOptions, type ItemHit } from './contamination-scan.js';

const input = workerData as { file: string; range: LineRange; benchmarks: Array<[string, string[]]>; options: ContaminationScanOptions };
const problems: RowProblem[] = [];
const options = { ...input.options, onProblem: (p: RowProblem) => problems.push(p) };
// Index problems were reported by the main thread already.
const index = await buildBenchmarkIndex(new Map(input.benchmarks), { ...input.options });
const found = new Map<number, ItemHit>();
const samples = await scanFile(input.file, index, found, options, input.range);
parentPort!.postMessage({ found: [...found], samples, problems });
