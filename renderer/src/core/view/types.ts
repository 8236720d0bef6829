export type ViewMode = 'summary' | 'all';

export interface ViewState {
  /** Large graphs open on a summary (roots, hubs, benchmarks); "all" shows every dataset. */
  mode: ViewMode;
  /** The user picked the mode; otherwise it follows the graph's size. */
  modeChosen: boolean;
  /** Datasets the user brought into the summary (expanded on demand). */
  revealed: string[];
  /** Groups of the layered view the user opened. */
  openedGroups: string[];
  /** The groups the layered view has now (opened or not). */
  groups: Array<{ key: string; label: string; members: number }>;
  legendOpen: boolean;
  /** What the graph shows now, for the toolbar: datasets and edges after filters, summary and focus. */
  counts: { nodes: number; edges: number; totalNodes: number; totalEdges: number };
  /** The canvas no panel covers, in pixels (the layered view is laid out for it). */
  free: { width: number; height: number };
  /** Milliseconds from asking for the layered view to its first frame (labels placed), for the benchmark. */
  layeredFrameMs: number | null;
}
