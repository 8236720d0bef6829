/**
 * Ancestor and blast-radius queries on a synthetic lineage graph of 100k datasets and 300k edges,
 * through graphology (what the analyses use) and through the SQLite store, beside a floor: the same
 * breadth-first walks over bare typed-array adjacency lists. Aim: under 20 ms per query.
 *
 *   npm run bench -- lineage-queries [--nodes 100000 --edges 300000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Project } from '../engine/project.js';
import { blastRadius } from '../shared/analyses/contamination/index.js';
import { reachable } from '../shared/analyses/paths.js';
import { buildLineageGraph } from '../shared/graph/lineage-graph.js';
import { numberArg, round, seeded } from './lib/measure.js';

const nodeCount = numberArg('--nodes', 100_000);
const edgeCount = numberArg('--edges', 300_000);
const random = seeded(3);

// A DAG that looks like lineage: each edge goes from an older dataset to a newer one, mostly nearby
// in time, so ancestries are deep but not the whole graph.
const ids = Array.from({ length: nodeCount }, (_, i) => `org${i % 997}/dataset-${i}`);
const pairs = new Set<number>();
const edges: Array<[number, number]> = [];
while (edges.length < edgeCount) {
  const down = 1 + Math.floor(random() * (nodeCount - 1));
  const span = Math.max(1, Math.floor(Math.pow(random(), 3) * Math.min(down, 5000)));
  const up = down - span;
  const key = up * nodeCount + down;
  if (pairs.has(key)) continue;
  pairs.add(key);
  edges.push([up, down]);
}
const benchmarks = new Set(Array.from({ length: 50 }, () => Math.floor(random() * nodeCount * 0.9)));
// The SQLite store answers fewer queries in the time: every walk runs on the same 50 datasets.
const queries = Array.from({ length: 50 }, () => Math.floor(random() * nodeCount));

const graph = buildLineageGraph({
  nodes: ids.map((id, i) => ({ id, name: id, aliases: [], domains: [], kind: benchmarks.has(i) ? 'benchmark' : 'dataset', releaseDate: null, license: null, size: null, summary: null, dataType: null, visibility: 'public', languages: [], creators: [], url: null })),
  edges: edges.map(([u, d]) => ({ upstream: ids[u]!, downstream: ids[d]!, relation: 'Direct Inclusion/Subset', confidence: 0.9, status: 'proposed' })),
});

// Floor: compressed adjacency (CSR) in typed arrays and a plain BFS.
function csr(from: (e: [number, number]) => number, to: (e: [number, number]) => number) {
  const offsets = new Int32Array(nodeCount + 1);
  for (const e of edges) offsets[from(e) + 1]!++;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Int32Array(edges.length);
  const fill = offsets.slice();
  for (const e of edges) targets[fill[from(e)]!++] = to(e);
  return { offsets, targets };
}
const up = csr((e) => e[1], (e) => e[0]);
const down = csr((e) => e[0], (e) => e[1]);
const seen = new Int32Array(nodeCount).fill(-1);
const queue = new Int32Array(nodeCount);
function bfs(adjacency: { offsets: Int32Array; targets: Int32Array }, start: number, stamp: number): number {
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = stamp;
  while (head < tail) {
    const node = queue[head++]!;
    for (let k = adjacency.offsets[node]!; k < adjacency.offsets[node + 1]!; k++) {
      const next = adjacency.targets[k]!;
      if (seen[next] !== stamp) {
        seen[next] = stamp;
        queue[tail++] = next;
      }
    }
  }
  return tail - 1;
}

function perQuery(run: (node: number, i: number) => number, nodes: number[]): { medianMs: number; p90Ms: number; meanReached: number } {
  const times: number[] = [];
  let reached = 0;
  nodes.forEach((node, i) => {
    const start = performance.now();
    reached += run(node, i);
    times.push(performance.now() - start);
  });
  times.sort((a, b) => a - b);
  return { medianMs: round(times[Math.floor(times.length / 2)]!, 3), p90Ms: round(times[Math.floor(times.length * 0.9)]!, 3), meanReached: Math.round(reached / nodes.length) };
}

let stamp = 0;
const floorAncestors = perQuery((n) => bfs(up, n, stamp++), queries);
const graphAncestors = perQuery((n) => reachable(graph, ids[n]!, 'upstream').length, queries);
const benchmarkList = [...benchmarks];
const floorBlast = perQuery((n) => bfs(down, n, stamp++), benchmarkList);
const graphBlast = perQuery((n) => blastRadius(graph, ids[n]!).datasets.length, benchmarkList);

const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-graph-'));
const project = Project.open(join(dir, 'bench.rootline'));
project.transaction(() => {
  const insertDataset = project.db.prepare("INSERT INTO datasets (id, name, created_at, updated_at) VALUES (?, ?, '', '')");
  for (const id of ids) insertDataset.run(id, id);
  const insertEdge = project.db.prepare("INSERT INTO edges (upstream, downstream, relation, confidence, created_at, updated_at) VALUES (?, ?, 'Direct Inclusion/Subset', 0.9, '', '')");
  for (const [u, d] of edges) insertEdge.run(ids[u]!, ids[d]!);
});
const storeAncestors = perQuery((n) => project.lineage.ancestors(ids[n]!).length, queries);
project.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      benchmark: 'lineage-queries',
      datasets: nodeCount,
      edges: edges.length,
      ancestors: { floorCsrBfs: floorAncestors, graphology: graphAncestors, sqliteStore: storeAncestors, graphologyRatioToFloor: round(floorAncestors.medianMs / graphAncestors.medianMs, 3) },
      blastRadius: { floorCsrBfs: floorBlast, graphology: graphBlast, graphologyRatioToFloor: round(floorBlast.medianMs / graphBlast.medianMs, 3) },
      aim: '< 20 ms per query',
    },
    null,
    2,
  ),
);
