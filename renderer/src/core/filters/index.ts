/** What the graph view hides: domains, relations, review statuses, confidence below a threshold, years. */
import { createStore } from '../store.js';
import type { FiltersState } from './types.js';

export const filtersStore = createStore<FiltersState>({
  hiddenDomains: [], hiddenRelations: [], statuses: ['proposed', 'accepted'], minConfidence: 0, yearFrom: null, yearTo: null,
});

export function toggleIn(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function resetFilters(): void {
  filtersStore.set({ hiddenDomains: [], hiddenRelations: [], statuses: ['proposed', 'accepted'], minConfidence: 0, yearFrom: null, yearTo: null });
}
