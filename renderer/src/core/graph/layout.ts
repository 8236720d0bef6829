/** The first layout of a project: ForceAtlas2 for a fixed number of iterations, so the same graph always gets the same map. */
import { DirectedGraph } from 'graphology';
import * as forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { IForceAtlas2Layout } from './layout-types.js';

// A CommonJS package: bundlers give its function as the default export, Node's type rules the namespace.
const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: IForceAtlas2Layout }).default ?? forceAtlas2Module) as unknown as IForceAtlas2Layout;

export interface LayoutInput {
  nodes: Array<[string, number, number, boolean]>;
  edges: Array<[string, string]>;
}

export function iterationsFor(order: number): number {
  return order <= 1000 ? 300 : order <= 5000 ? 150 : 60;
}

export function computeLayout(input: LayoutInput): Array<[string, number, number]> {
  const graph = new DirectedGraph({ allowSelfLoops: false });
  for (const [id, x, y, fixed] of input.nodes) graph.addNode(id, { x, y, size: 3, fixed });
  for (const [source, target] of input.edges) if (source !== target && !graph.hasEdge(source, target)) graph.addEdge(source, target);
  forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order), settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  return graph.mapNodes((id, a) => [id, a.x as number, a.y as number] as [string, number, number]);
}
