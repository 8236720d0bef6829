export interface SelectionState {
  selected: string | null;
  hovered: string | null;
  /** The dataset whose lineage is in focus; the rest of the graph is faded. */
  focus: string | null;
  focusDepth: number;
  /** Show the focused lineage alone, in upstream → downstream layers. */
  layered: boolean;
  /** Hubs whose collapsed sources are shown. */
  expanded: string[];
  /** Nodes and edges lit by an analysis overlay (contamination), or null. */
  overlay: { nodes: string[]; edges: string[]; label: string } | null;
  selectedEdge: number | null;
}
