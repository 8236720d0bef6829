/**
 * The lineage graph on screen: loading it with its saved positions, placing newcomers near their
 * neighbours, the first layout of a new project (off the page's thread, fixed iterations), and "Run
 * layout" (ForceAtlas2 in a worker, interactive) — the only thing that re-lays a laid-out graph.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import { api } from '../../api.js';
import { createStore } from '../store.js';
import LayoutWorker from './layout-worker.ts?worker&inline';
import type { LayoutInput } from './layout.js';
import { placeNewNodes, settlePositions } from './positions.js';
import type { DisplayGraph, GraphState } from './types.js';
import { buildDisplayGraph, placeBenchmarksApart } from './utils.js';
import { defaultMode } from '../view/index.js';
import { SUMMARY_FROM } from '../view/utils.js';

export const graphStore = createStore<GraphState>({
  data: null, graph: null, names: new Map(), version: 0, loading: false, layoutRunning: false, layout: 'saved', placed: 0, firstFrameMs: null, firstFrameAt: null, error: null,
});

let layout: FA2Layout | null = null;
let layoutTimer: ReturnType<typeof setTimeout> | undefined;
let requestedAt = 0;
/** A new project's first layout starts once its first frame is on screen: on two cores it would slow that frame. */
let layoutAfterFrame: DisplayGraph | null = null;

export async function loadGraph(): Promise<void> {
  requestedAt = performance.now();
  graphStore.set({ loading: true, error: null });
  try {
    const { graph: data, positions: saved } = await api.call('overview');
    stopLayout({ save: false });
    const positions = new Map(saved.map(([id, x, y]) => [id, [x, y] as [number, number]]));
    const graph = buildDisplayGraph(data, positions);
    const known = new Set(graph.filterNodes((id) => positions.has(id)));
    const fresh = known.size === 0 && graph.order > 0;
    let placed = 0;
    if (!fresh && known.size < graph.order) {
      const ids = placeNewNodes(graph, known);
      placed = ids.length;
      void savePositions(settlePositions(graph, ids));
    }
    // Chosen before the graph is first drawn, so its first frame is already the summary.
    defaultMode(graph.order > SUMMARY_FROM ? 'summary' : 'all');
    graphStore.set((s) => ({
      data, graph, names: new Map(data.nodes.map((n) => [n.id, n.name])), loading: false, version: s.version + 1, firstFrameMs: null,
      layout: fresh ? 'computing' : 'saved', placed,
    }));
    layoutAfterFrame = fresh ? graph : null;
  } catch (error) {
    graphStore.set({ loading: false, error: (error as Error).message });
  }
}

/** A project opened for the first time: lay it out once, then keep that map. */
async function firstLayout(graph: DisplayGraph): Promise<void> {
  placeBenchmarksApart(graph);
  const input: LayoutInput = {
    nodes: graph.mapNodes((id, a) => [id, a.x, a.y, Boolean(a.fixed)]),
    edges: graph.mapEdges((_e, _a, source, target) => [source, target]),
  };
  const worker = new LayoutWorker();
  const result = await new Promise<Array<[string, number, number]>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Array<[string, number, number]>>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'the layout failed'));
    worker.postMessage(input);
  }).finally(() => worker.terminate());
  // A newer load replaced this graph meanwhile: its own layout decides.
  if (graphStore.get().graph !== graph) return;
  for (const [id, x, y] of result) graph.mergeNodeAttributes(id, { x, y });
  placeBenchmarksApart(graph);
  await savePositions(settlePositions(graph));
  graphStore.set((s) => ({ layout: 'computed', version: s.version + 1 }));
}

async function savePositions(positions: Array<[string, number, number]>): Promise<void> {
  if (!positions.length) return;
  try {
    await api.call('savePositions', { positions });
  } catch (error) {
    graphStore.set({ error: `positions not saved: ${(error as Error).message}` });
  }
}

/** The graph view calls this after its first frame of a newly loaded graph. */
export function markFirstFrame(): void {
  if (graphStore.get().firstFrameMs === null) graphStore.set({ firstFrameMs: Math.round(performance.now() - requestedAt), firstFrameAt: Math.round(performance.now()) });
  const pending = layoutAfterFrame;
  layoutAfterFrame = null;
  if (pending) setTimeout(() => void firstLayout(pending), 0);
}

/** "Run layout": ForceAtlas2 from the current map for a few seconds (longer for larger graphs); the result is saved. */
export function startLayout(durationMs?: number): void {
  const graph = graphStore.get().graph;
  if (!graph || graph.order === 0) return;
  stopLayout({ save: false });
  layout = new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  layout.start();
  graphStore.set({ layoutRunning: true, layout: 'running' });
  layoutTimer = setTimeout(() => stopLayout(), durationMs ?? Math.min(8000, 1500 + graph.order));
}

export function stopLayout(options: { save?: boolean } = {}): void {
  clearTimeout(layoutTimer);
  if (!layout) return;
  layout.kill();
  layout = null;
  const graph = graphStore.get().graph;
  if (graph) {
    placeBenchmarksApart(graph);
    if (options.save !== false) void savePositions(settlePositions(graph));
  }
  graphStore.set((s) => ({ layoutRunning: false, layout: 'saved', version: s.version + 1 }));
}

/** A dataset's name for lists, or its id while the graph loads. */
export const nameOf = (id: string) => graphStore.get().names.get(id) ?? id;
