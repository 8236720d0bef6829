/**
 * The review queue: proposed edges, least confident first, filtered by origin, relation, confidence band
 * and dataset; each decision — one edge, or the whole filtered set — goes to the project's audit log.
 */
import type { ReviewQueueItem, ReviewQueuePage } from '../../../../shared/api/audit.js';
import type { Relation } from '../../../../shared/domain/vocabulary.js';
import type { ReviewFilter } from '../../../../shared/review/filter.js';
import { api } from '../../api.js';
import { loadGraph } from '../graph/index.js';
import { createStore } from '../store.js';

export interface ReviewState {
  queue: ReviewQueueItem[];
  page: ReviewQueuePage | null;
  filter: ReviewFilter;
  current: number;
  reviewed: number;
  /** A filtered decision waiting for its confirmation click. */
  confirming: 'accepted' | 'rejected' | null;
  message: string | null;
  error: string | null;
}

export const reviewStore = createStore<ReviewState>({ queue: [], page: null, filter: {}, current: 0, reviewed: 0, confirming: null, message: null, error: null });

let latest = 0;

export async function loadQueue(): Promise<void> {
  const asked = ++latest;
  try {
    const page = await api.call('reviewQueue', reviewStore.get().filter);
    // An answer to an older filter that arrives late must not replace a newer one.
    if (asked !== latest) return;
    reviewStore.set((s) => ({ page, queue: page.items, current: Math.min(s.current, Math.max(0, page.items.length - 1)), error: null }));
  } catch (error) {
    reviewStore.set({ error: (error as Error).message });
  }
}

export function setFilter(patch: Partial<ReviewFilter>): Promise<void> {
  reviewStore.set((s) => ({ filter: { ...s.filter, ...patch }, current: 0, confirming: null, message: null }));
  return loadQueue();
}

export async function decide(edge: ReviewQueueItem, status: 'accepted' | 'rejected'): Promise<void> {
  try {
    await api.call('reviewEdge', { id: edge.id, status });
    reviewStore.set((s) => ({ reviewed: s.reviewed + 1 }));
    await Promise.all([loadQueue(), loadGraph()]);
  } catch (error) {
    reviewStore.set({ error: (error as Error).message });
  }
}

/** One decision for every edge the filter selects; the first click asks, the second decides. */
export async function decideFiltered(status: 'accepted' | 'rejected'): Promise<void> {
  const state = reviewStore.get();
  if (state.confirming !== status) return reviewStore.set({ confirming: status, message: null });
  try {
    const result = await api.call('reviewFiltered', { filter: state.filter, status });
    reviewStore.set((s) => ({ confirming: null, reviewed: s.reviewed + result.decided }));
    // The message appears with the reloaded queue, so its count never contradicts the counts beside it.
    const graph = loadGraph();
    await loadQueue();
    reviewStore.set({ message: `${result.decided} edges ${status}, each recorded in the audit log; ${result.proposed} still proposed.` });
    await graph;
  } catch (error) {
    reviewStore.set({ confirming: null, error: (error as Error).message });
  }
}

export const cancelFiltered = () => reviewStore.set({ confirming: null });

export async function changeRelation(edge: ReviewQueueItem, relation: Relation): Promise<void> {
  try {
    await api.call('setEdgeRelation', { id: edge.id, relation });
    await Promise.all([loadQueue(), loadGraph()]);
  } catch (error) {
    reviewStore.set({ error: (error as Error).message });
  }
}

export const move = (by: number) => reviewStore.set((s) => ({ current: Math.max(0, Math.min(s.queue.length - 1, s.current + by)) }));
