/**
 * What each node and edge looks like given filters, summary, focus, hover and overlay: sigma's reducers,
 * from state. Which labels are drawn is decided on screen (core/camera), not here.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { edgePasses, nodePasses } from '../filters/utils.js';
import type { FiltersState } from '../filters/types.js';
import type { SelectionState } from '../selection/types.js';
import type { SettingsState } from '../settings/types.js';
import type { DisplayGraph, EdgeView, NodeView } from './types.js';
import { ancestors, collapsedSources, descendants } from './utils.js';

export interface DisplayRules {
  node(id: string, data: NodeView): Partial<NodeDisplayData>;
  edge(id: string, data: EdgeView): Partial<EdgeDisplayData>;
  visibleNodes(): number;
  visibleEdges(): number;
}

export interface ViewOptions {
  /** The summary's datasets; null shows every dataset. */
  shown?: ReadonlySet<string> | null;
}

const lineage = (graph: DisplayGraph, id: string, depth: number) =>
  new Set([id, ...ancestors(graph, id, depth).keys(), ...descendants(graph, id, depth).keys()]);

export function displayRules(graph: DisplayGraph, filters: FiltersState, selection: SelectionState, settings: SettingsState, view: ViewOptions = {}): DisplayRules {
  const faded = settings.theme === 'dark' ? '#2f3540' : '#dde1e6';
  const focus = selection.focus && graph.hasNode(selection.focus) ? lineage(graph, selection.focus, selection.focusDepth) : null;
  const summary = view.shown ? new Set([...view.shown, ...(focus ?? [])]) : null;
  // In the summary, a dataset counts what it hides; elsewhere a hub hides its single-use sources until opened.
  const hiddenBehind = summary ? new Map<string, string>() : collapsedSources(graph, settings.fanInLimit);
  const collapsedCount = new Map<string, number>();
  for (const [source, hub] of hiddenBehind) {
    if (selection.expanded.includes(hub)) hiddenBehind.delete(source);
    else collapsedCount.set(hub, (collapsedCount.get(hub) ?? 0) + 1);
  }
  const pointed = selection.hovered ?? selection.selected;
  const lit = pointed && graph.hasNode(pointed) ? lineage(graph, pointed, Infinity) : null;
  const overlayNodes = selection.overlay ? new Set(selection.overlay.nodes) : null;
  const overlayEdges = selection.overlay ? new Set(selection.overlay.edges) : null;
  const isHidden = (id: string, data: NodeView) =>
    !nodePasses(data, filters) ||
    (summary !== null && !summary.has(id) && id !== selection.selected && !overlayNodes?.has(id)) ||
    (hiddenBehind.has(id) && !(focus?.has(id))) ||
    (selection.layered && focus !== null && !focus.has(id));
  const edgeHidden = (id: string, data: EdgeView) => {
    if (!edgePasses(data, filters)) return true;
    const [source, target] = graph.extremities(id);
    return isHidden(source, graph.getNodeAttributes(source)) || isHidden(target, graph.getNodeAttributes(target));
  };

  return {
    node(id, data) {
      if (isHidden(id, data)) return { ...data, hidden: true };
      const shown: Partial<NodeDisplayData> = { ...data };
      const more = summary ? graph.neighbors(id).filter((n) => !summary.has(n)).length : collapsedCount.get(id);
      if (more) shown.label = `${data.label} (+${more})`;
      const dim = (focus && !focus.has(id)) || (lit && !lit.has(id)) || (overlayNodes && !overlayNodes.has(id));
      if (dim) Object.assign(shown, { color: faded, label: '', zIndex: 0 });
      else shown.zIndex = 1;
      if (id === selection.selected || id === selection.focus) Object.assign(shown, { highlighted: true, zIndex: 2 });
      return shown;
    },
    edge(id, data) {
      if (edgeHidden(id, data)) return { ...data, hidden: true };
      const [source, target] = graph.extremities(id);
      const inFocus = !focus || (focus.has(source) && focus.has(target));
      const onPath = !lit || (lit.has(source) && lit.has(target));
      const inOverlay = !overlayEdges || overlayEdges.has(`${source}->${target}`);
      const size = data.confidence < settings.reviewThreshold ? 0.6 : 1.2;
      if (!inFocus || !onPath || !inOverlay) return { ...data, color: faded, size: 0.4, zIndex: 0 };
      return { ...data, size: lit || overlayEdges ? size * 1.8 : size, zIndex: 1 };
    },
    visibleNodes() {
      let count = 0;
      graph.forEachNode((id, data) => void (isHidden(id, data) || count++));
      return count;
    },
    visibleEdges() {
      let count = 0;
      graph.forEachEdge((id, data) => void (edgeHidden(id, data) || count++));
      return count;
    },
  };
}
