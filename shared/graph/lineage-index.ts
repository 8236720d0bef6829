/**
 * A compact, read-only index of a lineage graph for fast walks: datasets numbered 0..n-1, upstream and
 * downstream neighbours in typed-array adjacency lists (CSR). Built once per graph in O(edges); a
 * breadth-first walk then costs O(datasets reached), however large the graph.
 */
import type { LineageEdge, LineageGraph } from './lineage-graph.js';

export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
  /** The edge (index into `edges`) behind each target. */
  edgeOf: Int32Array;
}

export interface Walk {
  /** Datasets reached, in breadth-first order (the start excluded). */
  order: Int32Array;
  depth: Int32Array;
  /** For each reached dataset (by position in `order`), the position of the one it was reached from (−1: the start). */
  from: Int32Array;
  /** For each reached dataset (by position in `order`), the edge that reached it. */
  edge: Int32Array;
  /** For each reached dataset, the position of its first-level ancestor on its path (itself at level 1). */
  origin: Int32Array;
}

const cache = new WeakMap<LineageGraph, LineageIndex>();

export class LineageIndex {
  readonly ids: string[];
  readonly number: Map<string, number>;
  readonly edges: LineageEdge[];
  readonly upstream: Adjacency;
  readonly downstream: Adjacency;
  private readonly stamp: Int32Array;
  private walks = 0;

  static of(graph: LineageGraph): LineageIndex {
    let index = cache.get(graph);
    if (!index) cache.set(graph, (index = new LineageIndex(graph)));
    return index;
  }

  private constructor(graph: LineageGraph) {
    this.ids = graph.nodes();
    this.number = new Map(this.ids.map((id, i) => [id, i]));
    const pairs: Array<[number, number]> = [];
    this.edges = [];
    graph.forEachEdge((_key, attributes, source, target) => {
      pairs.push([this.number.get(source)!, this.number.get(target)!]);
      this.edges.push(attributes);
    });
    this.upstream = adjacency(this.ids.length, pairs, 1, 0);
    this.downstream = adjacency(this.ids.length, pairs, 0, 1);
    this.stamp = new Int32Array(this.ids.length);
  }

  walk(start: number, direction: 'upstream' | 'downstream', maxDepth = Infinity): Walk {
    const { offsets, targets, edgeOf } = direction === 'upstream' ? this.upstream : this.downstream;
    const stamp = ++this.walks;
    this.stamp[start] = stamp;
    const size = this.ids.length;
    const order = new Int32Array(size);
    const depth = new Int32Array(size);
    const from = new Int32Array(size);
    const edge = new Int32Array(size);
    const origin = new Int32Array(size);
    let count = 0;
    // Level 1: the start's own neighbours.
    for (let k = offsets[start]!; k < offsets[start + 1]!; k++) {
      const neighbour = targets[k]!;
      if (this.stamp[neighbour] === stamp || maxDepth < 1) continue;
      this.stamp[neighbour] = stamp;
      order[count] = neighbour;
      depth[count] = 1;
      from[count] = -1;
      edge[count] = edgeOf[k]!;
      origin[count] = count;
      count++;
    }
    // Further levels: the walk's own output is its queue.
    for (let at = 0; at < count; at++) {
      const level = depth[at]! + 1;
      if (level > maxDepth) break;
      const node = order[at]!;
      for (let k = offsets[node]!; k < offsets[node + 1]!; k++) {
        const neighbour = targets[k]!;
        if (this.stamp[neighbour] === stamp) continue;
        this.stamp[neighbour] = stamp;
        order[count] = neighbour;
        depth[count] = level;
        from[count] = at;
        edge[count] = edgeOf[k]!;
        origin[count] = origin[at]!;
        count++;
      }
    }
    return { order: order.subarray(0, count), depth: depth.subarray(0, count), from: from.subarray(0, count), edge: edge.subarray(0, count), origin: origin.subarray(0, count) };
  }
}

function adjacency(count: number, pairs: Array<[number, number]>, fromSide: 0 | 1, toSide: 0 | 1): Adjacency {
  const offsets = new Int32Array(count + 1);
  for (const pair of pairs) offsets[pair[fromSide] + 1]!++;
  for (let i = 0; i < count; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Int32Array(pairs.length);
  const edgeOf = new Int32Array(pairs.length);
  const fill = offsets.slice(0, count);
  pairs.forEach((pair, e) => {
    const at = fill[pair[fromSide]]!++;
    targets[at] = pair[toSide];
    edgeOf[at] = e;
  });
  return { offsets, targets, edgeOf };
}
