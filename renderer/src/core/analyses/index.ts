/** Analyses the app shows: patterns per domain, contamination blast radius, redundancy of a mix. */
import type { ContaminationPath, RedundancyResult } from '../../../../shared/api/contract.js';
import type { PatternsReport } from '../../../../shared/analyses/patterns/types.js';
import { api } from '../../api.js';
import { setOverlay } from '../selection/index.js';
import { createStore } from '../store.js';

export interface AnalysesState {
  patterns: PatternsReport | null;
  contamination: ContaminationPath[] | null;
  mix: string[];
  redundancy: RedundancyResult | null;
  error: string | null;
}

export const analysesStore = createStore<AnalysesState>({ patterns: null, contamination: null, mix: [], redundancy: null, error: null });

async function attempt(work: () => Promise<Partial<AnalysesState>>) {
  try {
    analysesStore.set({ ...(await work()), error: null });
  } catch (error) {
    analysesStore.set({ error: (error as Error).message });
  }
}

export const loadPatterns = () => attempt(async () => ({ patterns: await api.call('patterns') }));
export const loadContamination = () => attempt(async () => ({ contamination: await api.call('contamination') }));
export const runRedundancy = () => attempt(async () => ({ redundancy: await api.call('redundancy', { mix: analysesStore.get().mix }) }));
export const setMix = (mix: string[]) => analysesStore.set({ mix, redundancy: null });

/** Lights a benchmark and every path that carries it downstream on the graph. */
export function showBlastRadius(radius: ContaminationPath): void {
  const nodes = new Set([radius.benchmark]);
  const edges: string[] = [];
  for (const reached of radius.datasets) {
    let from = radius.benchmark;
    for (const to of reached.path) {
      nodes.add(to);
      edges.push(`${from}->${to}`);
      from = to;
    }
  }
  setOverlay({ nodes: [...nodes], edges, label: `Blast radius of ${radius.benchmarkName}` });
}
