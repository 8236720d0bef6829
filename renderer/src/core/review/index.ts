/** The review queue: proposed edges, least confident first; each decision goes to the project's audit log. */
import type { GraphEdge } from '../../../../shared/api/contract.js';
import type { EdgeStatus, Relation } from '../../../../shared/domain/vocabulary.js';
import { api } from '../../api.js';
import { loadGraph } from '../graph/index.js';
import { createStore } from '../store.js';

export interface ReviewState {
  queue: GraphEdge[];
  current: number;
  reviewed: number;
  error: string | null;
}

export const reviewStore = createStore<ReviewState>({ queue: [], current: 0, reviewed: 0, error: null });

export async function loadQueue(): Promise<void> {
  const queue = (await api.call('reviewQueue')).items;
  reviewStore.set((s) => ({ queue, current: Math.min(s.current, Math.max(0, queue.length - 1)), error: null }));
}

export async function decide(edge: GraphEdge, status: EdgeStatus): Promise<void> {
  try {
    await api.call('reviewEdge', { id: edge.id, status });
    reviewStore.set((s) => ({ reviewed: s.reviewed + 1 }));
    await Promise.all([loadQueue(), loadGraph()]);
  } catch (error) {
    reviewStore.set({ error: (error as Error).message });
  }
}

export async function changeRelation(edge: GraphEdge, relation: Relation): Promise<void> {
  try {
    await api.call('setEdgeRelation', { id: edge.id, relation });
    await Promise.all([loadQueue(), loadGraph()]);
  } catch (error) {
    reviewStore.set({ error: (error as Error).message });
  }
}

export const move = (by: number) => reviewStore.set((s) => ({ current: Math.max(0, Math.min(s.queue.length - 1, s.current + by)) }));
