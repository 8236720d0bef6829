/** Which dataset is selected, hovered, in focus; which hubs are opened; which overlay is lit. */
import { createStore } from '../store.js';
import { askedForLayered } from '../view/index.js';
import type { SelectionState } from './types.js';

export const selectionStore = createStore<SelectionState>({
  selected: null, hovered: null, focus: null, focusDepth: 2, layered: false, expanded: [], overlay: null, selectedEdge: null,
});

export const selectDataset = (id: string | null) => selectionStore.set({ selected: id, selectedEdge: null });
export const hoverDataset = (id: string | null) => selectionStore.set({ hovered: id });
export const focusOn = (id: string | null, depth?: number) =>
  selectionStore.set((s) => ({ focus: id, selected: id ?? s.selected, focusDepth: depth ?? s.focusDepth, layered: id ? s.layered : false }));
export const setLayered = (layered: boolean) => {
  if (layered) askedForLayered();
  selectionStore.set({ layered });
};
export const expandHub = (id: string) => selectionStore.set((s) => ({ expanded: s.expanded.includes(id) ? s.expanded : [...s.expanded, id] }));
/** A dataset's lineage alone, in layers (large layers wrap or group, so every label can be read). */
export const showLayered = (id: string, depth?: number) => {
  askedForLayered();
  selectionStore.set((s) => ({ focus: id, selected: id, focusDepth: depth ?? s.focusDepth, layered: true, expanded: s.expanded.includes(id) ? s.expanded : [...s.expanded, id] }));
};
export const selectEdge = (id: number | null) => selectionStore.set({ selectedEdge: id });
export const setOverlay = (overlay: SelectionState['overlay']) => selectionStore.set({ overlay });
