/** The lineage graph on screen: loading it from the API, and the overview layout (ForceAtlas2 in a worker). */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import { api } from '../../api.js';
import { createStore } from '../store.js';
import type { GraphState } from './types.js';
import { buildDisplayGraph, placeBenchmarksApart } from './utils.js';

export const graphStore = createStore<GraphState>({
  data: null, graph: null, version: 0, loading: false, layoutRunning: false, firstFrameMs: null, firstFrameAt: null, error: null,
});

let layout: FA2Layout | null = null;
let layoutTimer: ReturnType<typeof setTimeout> | undefined;
let requestedAt = 0;

export async function loadGraph(): Promise<void> {
  requestedAt = performance.now();
  graphStore.set({ loading: true, error: null });
  try {
    const data = await api.call('graph');
    stopLayout();
    const graph = buildDisplayGraph(data);
    graphStore.set((s) => ({ data, graph, loading: false, version: s.version + 1, firstFrameMs: null }));
    startLayout();
  } catch (error) {
    graphStore.set({ loading: false, error: (error as Error).message });
  }
}

/** The graph view calls this after its first frame of a newly loaded graph. */
export function markFirstFrame(): void {
  if (graphStore.get().firstFrameMs === null) graphStore.set({ firstFrameMs: Math.round(performance.now() - requestedAt), firstFrameAt: Math.round(performance.now()) });
}

/** ForceAtlas2 for a few seconds (longer for larger graphs), then benchmarks are set apart again. */
export function startLayout(durationMs?: number): void {
  const graph = graphStore.get().graph;
  if (!graph || graph.order === 0) return;
  stopLayout();
  layout = new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  layout.start();
  graphStore.set({ layoutRunning: true });
  layoutTimer = setTimeout(stopLayout, durationMs ?? Math.min(8000, 1500 + graph.order));
}

export function stopLayout(): void {
  clearTimeout(layoutTimer);
  if (!layout) return;
  layout.kill();
  layout = null;
  const graph = graphStore.get().graph;
  if (graph) placeBenchmarksApart(graph);
  graphStore.set((s) => ({ layoutRunning: false, version: s.version + 1 }));
}
