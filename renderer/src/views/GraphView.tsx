/** The lineage graph drawn by sigma; takes the display graph and the rules, owns nothing else. */
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { drawDiscNodeHover } from 'sigma/rendering';
import { displayRules } from '../core/graph/display.js';
import { graphStore, markFirstFrame } from '../core/graph/index.js';
import { layeredLayout } from '../core/graph/utils.js';
import { filtersStore } from '../core/filters/index.js';
import { hoverDataset, selectDataset, focusOn, expandHub, selectionStore } from '../core/selection/index.js';
import { settingsStore } from '../core/settings/index.js';
import { registerSigma } from '../core/export/index.js';
import { useStore } from '../core/store.js';
import type { DisplayGraph } from '../core/graph/types.js';

/** Beyond this many datasets, edges are hidden while the camera moves and drawn as plain lines. */
const LARGE_GRAPH = 2000;

export function GraphView() {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const { graph } = useStore(graphStore);
  const filters = useStore(filtersStore);
  const selection = useStore(selectionStore);
  const settings = useStore(settingsStore);

  useEffect(() => {
    if (!graph || !container.current) return;
    const large = graph.order > LARGE_GRAPH;
    // Typed as a plain Sigma: the reducers and exports read display data, not the graph's own attributes.
    const sigma: Sigma = new Sigma(graph as never, container.current, {
      allowInvalidContainer: true,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      defaultEdgeType: large ? 'line' : 'arrow',
      labelDensity: settingsStore.get().labelDensity,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: graph.order < 200 ? 0 : large ? 10 : 6,
      zIndex: true,
    });
    sigmaRef.current = sigma;
    registerSigma(sigma);
    // Sigma renders once inside its constructor; the frame reaches the screen at the next paint.
    requestAnimationFrame(markFirstFrame);
    sigma.on('clickNode', ({ node }) => selectDataset(node));
    sigma.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      expandHub(node);
      focusOn(node);
    });
    sigma.on('enterNode', ({ node }) => hoverDataset(node));
    sigma.on('leaveNode', () => hoverDataset(null));
    sigma.on('clickStage', () => selectDataset(null));
    return () => {
      registerSigma(null);
      sigmaRef.current = null;
      sigma.kill();
    };
  }, [graph]);

  useLayeredPositions(graph, selection.layered ? selection.focus : null, selection.focusDepth, sigmaRef);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !graph) return;
    const rules = displayRules(graph, filters, selection, settings);
    sigma.setSetting('nodeReducer', (id, data) => rules.node(id, data as never));
    sigma.setSetting('edgeReducer', (id, data) => rules.edge(id, data as never));
    sigma.setSetting('labelDensity', settings.labelDensity);
    sigma.setSetting('labelColor', { color: settings.theme === 'dark' ? '#e5e7eb' : '#1f2933' });
    // Sigma draws hovered labels on a white box: keep their text dark in the dark theme.
    sigma.setSetting('defaultDrawNodeHover', (context, data, drawSettings) => drawDiscNodeHover(context, data, { ...drawSettings, labelColor: { color: '#1f2933' } }));
    (window as unknown as { __rootlineVisible?: () => number }).__rootlineVisible = rules.visibleNodes;
  }, [graph, filters, selection, settings]);

  return <div ref={container} className="graph-canvas" data-testid="graph" />;
}

/** In layered mode the focused lineage moves to upstream → downstream columns; leaving it restores the overview. */
function useLayeredPositions(graph: DisplayGraph | null, center: string | null, depth: number, sigmaRef: React.RefObject<Sigma | null>) {
  const saved = useRef<Map<string, { x: number; y: number }> | null>(null);
  useEffect(() => {
    if (!graph) return;
    if (saved.current) {
      for (const [id, p] of saved.current) if (graph.hasNode(id)) graph.mergeNodeAttributes(id, p);
      saved.current = null;
    }
    if (center && graph.hasNode(center)) {
      const positions = layeredLayout(graph, center, depth);
      saved.current = new Map([...positions.keys()].map((id) => [id, { x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') }]));
      for (const [id, p] of positions) graph.mergeNodeAttributes(id, p);
    }
    const sigma = sigmaRef.current;
    if (sigma) {
      // Fit the camera to the layered lineage alone, not to the hidden overview around it.
      const shown = saved.current ? [...saved.current.keys()].map((id) => graph.getNodeAttributes(id)) : null;
      sigma.setCustomBBox(shown ? { x: extent(shown.map((n) => n.x)), y: extent(shown.map((n) => n.y)) } : null);
      void sigma.getCamera().animatedReset({ duration: 300 });
    }
  }, [graph, center, depth, sigmaRef]);
}

function extent(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min - 50, max + 50] : [min, max];
}
