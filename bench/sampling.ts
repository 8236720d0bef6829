/**
 * Lineage-aware sampling from a 1M-record pool (aim: under 30 s), beside its floor: reading and parsing
 * the same files once. The pool is ten downstream datasets over twenty root sources.
 *
 *   npm run bench -- sampling [--records 1000000 --budget 10000]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { lineageAwareSample } from '../engine/sampling/lineage-aware.js';
import type { Dataset } from '../shared/domain/model.js';
import { buildLineageGraph } from '../shared/graph/lineage-graph.js';
import { numberArg, randomWords, round, seeded, vocabulary } from './lib/measure.js';

const records = numberArg('--records', 1_000_000);
const budget = numberArg('--budget', 10_000);
const random = seeded(9);
const vocab = vocabulary(random);
const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-sampling-'));
const downstream = Array.from({ length: 10 }, (_, i) => `mix-${i}`);
const roots = Array.from({ length: 20 }, (_, i) => `root-${i}`);
const files = new Map<string, string[]>();
let bytes = 0;
for (const [i, dataset] of downstream.entries()) {
  const file = join(dir, `${dataset}.jsonl`);
  const out = createWriteStream(file);
  for (let r = 0; r < records / downstream.length; r++) out.write(`${JSON.stringify({ id: `${dataset}-${r}`, instruction: randomWords(random, vocab, 12), output: randomWords(random, vocab, 20 + (i % 5)) })}\n`);
  await new Promise((resolve) => out.end(resolve));
  bytes += statSync(file).size;
  files.set(dataset, [file]);
}
const node = (id: string): Dataset => ({ id, name: id, aliases: [], domains: [], kind: 'dataset', releaseDate: null, license: null, size: null, summary: null, dataType: null, visibility: 'public', languages: [], creators: [], url: null });
const graph = buildLineageGraph({
  nodes: [...roots, ...downstream].map(node),
  edges: downstream.flatMap((d, i) => [0, 1, 2, 3].map((k) => ({ upstream: roots[(i * 2 + k) % roots.length]!, downstream: d, relation: 'Structured Fusion' as const, confidence: 0.9, status: 'proposed' as const }))),
});

const floorStart = performance.now();
for (const [, [file]] of files) {
  const lines = createInterface({ input: createReadStream(file!), crlfDelay: Infinity });
  for await (const line of lines) JSON.parse(line);
}
const floorMs = performance.now() - floorStart;
const start = performance.now();
const result = await lineageAwareSample(graph, files, { budget, seed: 3 });
const sampleMs = performance.now() - start;
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      benchmark: 'sampling',
      records,
      megabytes: round(bytes / 1024 / 1024, 1),
      budget,
      chosen: result.samples.length,
      roots: result.roots.length,
      floor: { what: 'read + JSON.parse every file once', seconds: round(floorMs / 1000, 2) },
      sampling: { seconds: round(sampleMs / 1000, 2), note: 'two passes (count, then seeded reservoirs) plus duplicate checks' },
      ratioToFloor: round(floorMs / sampleMs, 3),
      aim: '< 30 s',
    },
    null,
    2,
  ),
);
