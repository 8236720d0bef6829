/**
 * Shortest lineage paths by breadth-first search, each dataset reached once; a path lists the datasets
 * from the start outwards with the relation of every step.
 */
import type { Relation } from '../domain/vocabulary.js';
import type { LineageGraph, SplitUse } from '../graph/lineage-graph.js';

export interface PathStep {
  /** The dataset this step reaches. */
  id: string;
  relation: Relation;
  confidence: number;
  split: SplitUse;
}

export interface Reached {
  id: string;
  depth: number;
  /** From the start (excluded) to `id` (included). */
  path: PathStep[];
}

export type Direction = 'upstream' | 'downstream';

export function reachable(graph: LineageGraph, start: string, direction: Direction, maxDepth = Infinity): Reached[] {
  if (!graph.hasNode(start)) return [];
  const previous = new Map<string, { from: string; step: PathStep }>();
  const seen = new Set([start]);
  const order: Array<{ id: string; depth: number }> = [];
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      const visit = (_edge: string, attributes: { relation: Relation; confidence: number; split: SplitUse }, source: string, target: string) => {
        const neighbour = direction === 'upstream' ? source : target;
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        previous.set(neighbour, { from: node, step: { id: neighbour, relation: attributes.relation, confidence: attributes.confidence, split: attributes.split } });
        order.push({ id: neighbour, depth });
        next.push(neighbour);
      };
      if (direction === 'upstream') graph.forEachInEdge(node, visit);
      else graph.forEachOutEdge(node, visit);
    }
    frontier = next;
  }
  return order.map(({ id, depth }) => ({ id, depth, path: pathTo(previous, start, id) }));
}

function pathTo(previous: Map<string, { from: string; step: PathStep }>, start: string, id: string): PathStep[] {
  const steps: PathStep[] = [];
  for (let at = id; at !== start; ) {
    const link = previous.get(at)!;
    steps.push(link.step);
    at = link.from;
  }
  return steps.reverse();
}
