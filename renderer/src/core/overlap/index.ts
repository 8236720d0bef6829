/** Lineage from the sample files: run the analysis, reload the graph with its proposals, light them. */
import { api } from '../../api.js';
import { loadGraph } from '../graph/index.js';
import { setOverlay } from '../selection/index.js';
import { createStore } from '../store.js';
import type { OverlapEdgeView, OverlapState } from './types.js';

export const overlapStore = createStore<OverlapState>({ folder: '', minContainment: 0.05, running: false, result: null, error: null });

export const setFolder = (folder: string) => overlapStore.set({ folder });
export const setMinContainment = (minContainment: number) => overlapStore.set({ minContainment });

export async function runOverlap(): Promise<void> {
  const { folder, minContainment } = overlapStore.get();
  overlapStore.set({ running: true, error: null });
  try {
    const result = await api.call('overlap', { ...(folder.trim() ? { samples: folder.trim() } : {}), minContainment });
    overlapStore.set({ result, running: false });
    // New proposals are edges of the graph now: load it again, then light what the data showed.
    await loadGraph();
    showOnGraph([...result.discovered, ...result.contradicted], 'Lineage from the data: discovered and contradicted edges');
  } catch (error) {
    overlapStore.set({ running: false, error: (error as Error).message });
  }
}

/** Lights the edges (and their datasets) on the graph through the selection overlay. */
export function showOnGraph(edges: OverlapEdgeView[], label: string): void {
  const nodes = new Set(edges.flatMap((e) => [e.upstream, e.downstream]));
  setOverlay({ nodes: [...nodes], edges: edges.map((e) => `${e.upstream}->${e.downstream}`), label });
}
