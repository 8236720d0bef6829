/** Runs: ingest and extraction of dropped documents, with progress and per-file errors. */
import type { ExtractorChoice } from '../../../../shared/api/contract.js';
import { api } from '../../api.js';
import { loadGraph } from '../graph/index.js';
import { loadQueue } from '../review/index.js';
import { createStore } from '../store.js';
import type { RunsState } from './types.js';
import { toUploads } from './utils.js';

export const runsStore = createStore<RunsState & { extractors: ExtractorChoice[] }>({
  phase: 'idle', read: 0, total: 0, extractor: 'builtin', result: null, error: null, extractors: [],
});

export async function loadExtractors(): Promise<void> {
  runsStore.set({ extractors: await api.call('extractors') });
}

export async function ingestFiles(files: File[]): Promise<void> {
  if (!files.length) return;
  runsStore.set({ phase: 'reading', read: 0, total: files.length, result: null, error: null });
  try {
    runsStore.set({ phase: 'extracting', read: files.length });
    const result = await api.call('ingestDocuments', { files: toUploads(files), extractor: runsStore.get().extractor });
    runsStore.set({ phase: 'done', result });
    await Promise.all([loadGraph(), loadQueue()]);
  } catch (error) {
    runsStore.set({ phase: 'failed', error: (error as Error).message });
  }
}
