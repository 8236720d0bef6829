/**
 * The summary a large graph opens on: the root sources that feed the most datasets, the biggest hubs
 * and the benchmarks that reach the most, with everything else one click away (a dataset's neighbours
 * when it is selected or expanded).
 */
import type { DisplayGraph } from '../graph/types.js';

/** Graphs larger than this open on the summary. */
export const SUMMARY_FROM = 300;

export const SUMMARY_SIZE = { hubs: 30, roots: 15, benchmarks: 10 };

const byDegree = (graph: DisplayGraph) => (a: string, b: string) => graph.getNodeAttribute(b, 'degree') - graph.getNodeAttribute(a, 'degree') || (a < b ? -1 : 1);

export function summaryCore(graph: DisplayGraph, size = SUMMARY_SIZE): Set<string> {
  const order = byDegree(graph);
  const datasets = graph.filterNodes((_id, a) => a.kind !== 'benchmark');
  const roots = datasets.filter((id) => graph.inNeighbors(id).every((n) => n === id) && graph.outDegree(id) > 0);
  const benchmarks = graph.filterNodes((id, a) => a.kind === 'benchmark' && graph.outDegree(id) > 0);
  return new Set([
    ...[...datasets].sort(order).slice(0, size.hubs),
    ...roots.sort((a, b) => graph.outDegree(b) - graph.outDegree(a) || (a < b ? -1 : 1)).slice(0, size.roots),
    ...benchmarks.sort(order).slice(0, size.benchmarks),
  ]);
}

/** What the summary shows: its core, what the user expanded, and the selected dataset with its neighbours. */
export function summaryShown(graph: DisplayGraph, core: ReadonlySet<string>, revealed: readonly string[], around: Array<string | null>): Set<string> {
  const shown = new Set(core);
  for (const id of revealed) if (graph.hasNode(id)) shown.add(id);
  for (const id of around) {
    if (!id || !graph.hasNode(id)) continue;
    shown.add(id);
    for (const n of graph.neighbors(id)) shown.add(n);
  }
  return shown;
}

/** Neighbours of a dataset the summary does not show yet. */
export function hiddenNeighbours(graph: DisplayGraph, shown: ReadonlySet<string>, id: string): string[] {
  return graph.neighbors(id).filter((n) => !shown.has(n));
}
