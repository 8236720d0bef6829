/**
 * Shortest lineage paths by breadth-first search, each dataset reached once; a path lists the datasets
 * from the start outwards with the relation of every step. Paths are built when read, so a walk that
 * reaches tens of thousands of datasets stays cheap for callers that only count or list them.
 */
import type { Relation } from '../domain/vocabulary.js';
import type { LineageGraph, SplitUse } from '../graph/lineage-graph.js';
import { LineageIndex, type Walk } from '../graph/lineage-index.js';

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
  readonly path: PathStep[];
  /** The first step out of the start, without building the whole path. */
  readonly firstStep: PathStep;
  /** The split the first step takes, without building anything. */
  readonly firstSplit: SplitUse;
}

export type Direction = 'upstream' | 'downstream';

export function reachable(graph: LineageGraph, start: string, direction: Direction, maxDepth = Infinity): Reached[] {
  const index = LineageIndex.of(graph);
  const startNumber = index.number.get(start);
  if (startNumber === undefined) return [];
  const walk = index.walk(startNumber, direction, maxDepth);
  const out: Reached[] = new Array(walk.order.length);
  for (let i = 0; i < walk.order.length; i++) out[i] = new ReachedDataset(index, walk, i);
  return out;
}

class ReachedDataset implements Reached {
  constructor(private readonly index: LineageIndex, private readonly walk: Walk, private readonly at: number) {}

  get id(): string {
    return this.index.ids[this.walk.order[this.at]!]!;
  }

  get depth(): number {
    return this.walk.depth[this.at]!;
  }

  get path(): PathStep[] {
    const steps: PathStep[] = [];
    for (let at = this.at; at >= 0; at = this.walk.from[at]!) steps.push(this.step(at));
    return steps.reverse();
  }

  get firstStep(): PathStep {
    return this.step(this.walk.origin[this.at]!);
  }

  get firstSplit(): SplitUse {
    return this.index.edges[this.walk.edge[this.walk.origin[this.at]!]!]!.split;
  }

  private step(at: number): PathStep {
    const edge = this.index.edges[this.walk.edge[at]!]!;
    return { id: this.index.ids[this.walk.order[at]!]!, relation: edge.relation, confidence: edge.confidence, split: edge.split };
  }

  toJSON(): { id: string; depth: number; path: PathStep[] } {
    return { id: this.id, depth: this.depth, path: this.path };
  }
}

/**
 * An upstream path (start → … → ancestor: each step the dataset reached and the edge that reached it)
 * turned into the downstream path ancestor → … → start, each step the dataset below and the edge to it.
 */
export function downwardPath(upPath: PathStep[], start: string): PathStep[] {
  return upPath.map((step, i) => ({ ...step, id: i === 0 ? start : upPath[i - 1]!.id })).reverse();
}
