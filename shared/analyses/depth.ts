/**
 * Lineage depth (the paper's definition): 0 for a dataset with no upstream, else 1 + the largest depth
 * among its upstream datasets. Edges that close a cycle are skipped, so every depth is finite; on a
 * DAG the result is exact.
 */
import type { LineageGraph } from '../graph/lineage-graph.js';

export function lineageDepths(graph: LineageGraph): Map<string, number> {
  const depth = new Map<string, number>();
  const onStack = new Set<string>();
  for (const start of graph.nodes()) {
    if (depth.has(start)) continue;
    const stack: Array<{ node: string; upstream: string[]; next: number; best: number }> = [];
    const push = (node: string) => {
      onStack.add(node);
      stack.push({ node, upstream: graph.inNeighbors(node), next: 0, best: -1 });
    };
    push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.upstream.length) {
        const up = frame.upstream[frame.next++]!;
        if (up === frame.node || onStack.has(up)) continue;
        const known = depth.get(up);
        if (known === undefined) push(up);
        else frame.best = Math.max(frame.best, known);
        continue;
      }
      depth.set(frame.node, frame.best + 1);
      onStack.delete(frame.node);
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.best = Math.max(parent.best, frame.best + 1);
    }
  }
  return depth;
}
