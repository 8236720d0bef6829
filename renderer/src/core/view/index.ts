/** How the graph is shown: summary or all, what was expanded, opened groups, the legend, and the counts the toolbar reports. */
import { createStore } from '../store.js';
import type { ViewMode, ViewState } from './types.js';

export const viewStore = createStore<ViewState>({
  mode: 'all', modeChosen: false, revealed: [], openedGroups: [], groups: [], legendOpen: false,
  counts: { nodes: 0, edges: 0, totalNodes: 0, totalEdges: 0 }, free: { width: 0, height: 0 }, layeredFrameMs: null,
});

export const setMode = (mode: ViewMode) => viewStore.set({ mode, modeChosen: true });
/** On each load: the mode the user chose, else the one that suits the graph's size. */
export const defaultMode = (mode: ViewMode) => viewStore.set((s) => (s.modeChosen ? {} : { mode }));
export const reveal = (ids: string[]) => viewStore.set((s) => ({ revealed: [...new Set([...s.revealed, ...ids])] }));
export const resetRevealed = () => viewStore.set({ revealed: [] });
export const toggleGroup = (key: string) => {
  askedForLayered();
  viewStore.set((s) => ({ openedGroups: s.openedGroups.includes(key) ? s.openedGroups.filter((k) => k !== key) : [...s.openedGroups, key] }));
};
export const setGroups = (groups: ViewState['groups']) => {
  const now = viewStore.get().groups;
  if (now.length !== groups.length || now.some((g, i) => g.key !== groups[i]!.key)) viewStore.set({ groups });
};
export const setLegendOpen = (legendOpen: boolean) => viewStore.set({ legendOpen });
export const setCounts = (counts: ViewState['counts']) => {
  const now = viewStore.get().counts;
  if (now.nodes !== counts.nodes || now.edges !== counts.edges || now.totalNodes !== counts.totalNodes || now.totalEdges !== counts.totalEdges) viewStore.set({ counts });
};
export const setFree = (free: ViewState['free']) => {
  const now = viewStore.get().free;
  if (Math.abs(now.width - free.width) > 1 || Math.abs(now.height - free.height) > 1) viewStore.set({ free });
};

let layeredAskedAt: number | null = null;
/** The layered view was asked for (or changed): its next first frame is timed from now. */
export const askedForLayered = () => {
  layeredAskedAt = performance.now();
  viewStore.set({ layeredFrameMs: null });
};
export const markLayeredFrame = () => {
  if (layeredAskedAt !== null) viewStore.set({ layeredFrameMs: Math.round(performance.now() - layeredAskedAt) });
  layeredAskedAt = null;
};
