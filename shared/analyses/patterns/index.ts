/**
 * Structural patterns per domain: datasets, average depth, in- and out-degree, leaf share, maximum depth
 * and relation counts, each averaged over the datasets that carry the domain; and which domains refine
 * vertically (deeper than the whole graph, fewer leaves) or aggregate horizontally (shallower, more leaves).
 */
import { RELATIONS, type Relation } from '../../domain/vocabulary.js';
import type { LineageGraph } from '../../graph/lineage-graph.js';
import { lineageDepths } from '../depth.js';
import type { DomainPattern, DomainShape, PatternsReport } from './types.js';

export type { DomainPattern, DomainShape, PatternsReport } from './types.js';

export function structuralPatterns(graph: LineageGraph, options: { minDatasets?: number } = {}): PatternsReport {
  const depth = lineageDepths(graph);
  const byDomain = new Map<string, string[]>();
  for (const node of graph.nodes()) {
    for (const domain of graph.getNodeAttribute(node, 'domains')) {
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), node]);
    }
  }
  // The yardstick is the datasets that carry a domain: undescribed upstream names (sources the graph
  // knows only by name) would make every domain look deep.
  const described = graph.filterNodes((_node, attributes) => attributes.domains.length > 0);
  const overall = summarize(graph, described.length > 0 ? described : graph.nodes(), depth);
  const domains = [...byDomain]
    .filter(([, nodes]) => nodes.length >= (options.minDatasets ?? 1))
    .map(([domain, nodes]) => {
      const figures = summarize(graph, nodes, depth);
      return { domain, ...figures, shape: shapeOf(figures, overall) };
    })
    .sort((a, b) => b.datasets - a.datasets || a.domain.localeCompare(b.domain));
  return { domains, overall };
}

function summarize(graph: LineageGraph, nodes: string[], depth: Map<string, number>): Omit<DomainPattern, 'domain' | 'shape'> {
  const relations = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<Relation, number>;
  let depthSum = 0;
  let inSum = 0;
  let outSum = 0;
  let leaves = 0;
  let maxDepth = 0;
  for (const node of nodes) {
    const d = depth.get(node) ?? 0;
    const upstream = graph.inNeighbors(node).filter((n) => n !== node);
    depthSum += d;
    maxDepth = Math.max(maxDepth, d);
    inSum += upstream.length;
    outSum += graph.outNeighbors(node).filter((n) => n !== node).length;
    if (upstream.length === 0) leaves++;
    graph.forEachInEdge(node, (_edge, attributes, source) => {
      if (source !== node) relations[attributes.relation]++;
    });
  }
  const n = Math.max(1, nodes.length);
  return {
    datasets: nodes.length,
    avgDepth: round(depthSum / n),
    avgInDegree: round(inSum / n),
    avgOutDegree: round(outSum / n),
    leafShare: round(leaves / n),
    maxDepth,
    relations,
  };
}

function shapeOf(domain: { avgDepth: number; leafShare: number }, overall: { avgDepth: number; leafShare: number }): DomainShape {
  if (domain.avgDepth > overall.avgDepth && domain.leafShare < overall.leafShare) return 'vertical';
  if (domain.avgDepth < overall.avgDepth && domain.leafShare > overall.leafShare) return 'horizontal';
  return 'mixed';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
