import type { EdgeView, NodeView } from '../graph/types.js';
import type { FiltersState } from './types.js';

export function nodePasses(node: NodeView, filters: FiltersState): boolean {
  if (filters.hiddenDomains.includes(node.kind === 'benchmark' ? 'Benchmark' : node.domain)) return false;
  if (node.year !== null) {
    if (filters.yearFrom !== null && node.year < filters.yearFrom) return false;
    if (filters.yearTo !== null && node.year > filters.yearTo) return false;
  }
  return true;
}

export function edgePasses(edge: EdgeView, filters: FiltersState): boolean {
  return !filters.hiddenRelations.includes(edge.relation) && filters.statuses.includes(edge.status) && edge.confidence >= filters.minConfidence;
}
