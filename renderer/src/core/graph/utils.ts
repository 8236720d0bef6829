/** Pure helpers: colours, sizes, positions and walks over the display graph. */
import { DirectedGraph } from 'graphology';
import type { GraphData } from '../../../../shared/api/contract.js';
import type { DisplayGraph, EdgeView, NodeView } from './types.js';

export const DOMAIN_COLORS: Record<string, string> = {
  Math: '#e4572e', Code: '#4c9f70', General: '#3b7dd8', Science: '#a05bd5', Other: '#8a8f98',
};
export const BENCHMARK_COLOR = '#d4a017';

export const RELATION_COLORS: Record<string, string> = {
  'Semantic Evolution': '#c2410c',
  'CoT Distillation': '#7c3aed',
  'Synthetic Generation': '#0891b2',
  'Structured Fusion': '#16a34a',
  'Direct Inclusion/Subset': '#64748b',
};

export function domainOf(domains: string[]): string {
  return domains.find((d) => d in DOMAIN_COLORS) ?? (domains.length ? 'Other' : 'Other');
}

export function yearOf(releaseDate: string | null): number | null {
  return releaseDate ? Number(releaseDate.slice(0, 4)) : null;
}

/** A small deterministic generator, so the same project opens with the same picture. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The styled graph of a project's data. Datasets with a saved position keep it; the others start on a
 * seeded disc (the starting point of a first layout, or replaced by placing them near their neighbours).
 */
export function buildDisplayGraph(data: GraphData, saved: ReadonlyMap<string, [number, number]> = new Map()): DisplayGraph {
  const graph: DisplayGraph = new DirectedGraph<NodeView, EdgeView>({ allowSelfLoops: true, multi: false });
  const random = seeded(42);
  for (const node of data.nodes) {
    const domain = domainOf(node.domains);
    const angle = random() * Math.PI * 2;
    const radius = Math.sqrt(random()) * 100;
    const position = saved.get(node.id);
    graph.addNode(node.id, {
      label: node.name,
      x: position ? position[0] : Math.cos(angle) * radius,
      y: position ? position[1] : Math.sin(angle) * radius,
      size: 3,
      color: node.kind === 'benchmark' ? BENCHMARK_COLOR : DOMAIN_COLORS[domain]!,
      domain,
      domains: node.domains,
      kind: node.kind,
      year: yearOf(node.releaseDate),
      downstreamCount: 0,
      degree: 0,
      ...(node.kind === 'benchmark' ? { fixed: true } : {}),
    });
  }
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.upstream) || !graph.hasNode(edge.downstream) || graph.hasEdge(edge.upstream, edge.downstream)) continue;
    graph.addDirectedEdgeWithKey(String(edge.id), edge.upstream, edge.downstream, {
      edgeId: edge.id, relation: edge.relation, confidence: edge.confidence, status: edge.status,
      color: RELATION_COLORS[edge.relation] ?? '#94a3b8', size: 1,
    });
  }
  graph.forEachNode((id) => {
    // Direct downstream datasets: a full descendant count costs O(n²) on large graphs.
    const downstream = graph.outDegree(id);
    graph.mergeNodeAttributes(id, { downstreamCount: downstream, degree: graph.degreeWithoutSelfLoops(id), size: 3 + Math.min(17, Math.sqrt(downstream) * 2) });
  });
  return graph;
}

/** Benchmarks sit in their own column left of the datasets, fixed, so contamination reads left to right. */
export function placeBenchmarksApart(graph: DisplayGraph): void {
  let minX = Infinity, minY = Infinity, maxY = -Infinity;
  const benchmarks: string[] = [];
  graph.forEachNode((id, a) => {
    if (a.kind === 'benchmark') return void benchmarks.push(id);
    minX = Math.min(minX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
  });
  if (!benchmarks.length) return;
  if (!Number.isFinite(minX)) { minX = 0; minY = 0; maxY = 100; }
  const height = Math.max(maxY - minY, 50);
  const step = height / Math.max(benchmarks.length, 1);
  benchmarks.sort().forEach((id, i) => graph.mergeNodeAttributes(id, { x: minX - height * 0.25, y: minY + step * (i + 0.5), fixed: true }));
}

export function walk(graph: DisplayGraph, start: string, depth: number, direction: 'up' | 'down'): Map<string, number> {
  const seen = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      const neighbours = direction === 'up' ? graph.inNeighbors(id) : graph.outNeighbors(id);
      for (const n of neighbours) if (!seen.has(n)) { seen.set(n, d); next.push(n); }
    }
    frontier = next;
  }
  seen.delete(start);
  return seen;
}

export const ancestors = (graph: DisplayGraph, id: string, depth: number) => walk(graph, id, depth, 'up');
export const descendants = (graph: DisplayGraph, id: string, depth: number) => walk(graph, id, depth, 'down');

/** Upstream leaves that feed only a large hub: hidden behind it until the hub is opened. */
export function collapsedSources(graph: DisplayGraph, fanInLimit: number): Map<string, string> {
  const hiddenBehind = new Map<string, string>();
  graph.forEachNode((hub) => {
    if (graph.inDegree(hub) <= fanInLimit) return;
    for (const source of graph.inNeighbors(hub)) if (graph.degree(source) === 1) hiddenBehind.set(source, hub);
  });
  return hiddenBehind;
}
