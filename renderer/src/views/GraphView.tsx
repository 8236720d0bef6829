/**
 * The lineage graph drawn by sigma. It takes the display graph (the overview, or the layered lineage of
 * the focused dataset built for the free canvas) plus the rules, frames the camera, and draws the labels
 * that fit; it owns nothing else.
 */
import { useEffect, useMemo, useRef } from 'react';
import { DirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { drawDiscNodeHover } from 'sigma/rendering';
import { FIT_LABELS_UP_TO, LABEL_FONT, fitShown, fitState, frameNodes, freeCanvas, freeCanvasOf, labelWidth, planLabels, type DisplayOf, type Upcoming } from '../core/camera/index.js';
import { createNormalizationFunction, graphExtent } from 'sigma/utils';
import { displayRules } from '../core/graph/display.js';
import { graphStore, markFirstFrame } from '../core/graph/index.js';
import type { DisplayGraph } from '../core/graph/types.js';
import { edgePasses, nodePasses } from '../core/filters/utils.js';
import { filtersStore } from '../core/filters/index.js';
import { isGroup, layeredGraph, layeredLayout } from '../core/layered/utils.js';
import { hoverDataset, selectDataset, focusOn, expandHub, selectionStore } from '../core/selection/index.js';
import { settingsStore } from '../core/settings/index.js';
import { registerSigma } from '../core/export/index.js';
import { useStore } from '../core/store.js';
import { markLayeredFrame, reveal, setCounts, setFree, setGroups, toggleGroup, viewStore } from '../core/view/index.js';
import { summaryCore, summaryShown } from '../core/view/utils.js';

/** Beyond this many datasets, edges are hidden while the camera moves and drawn as plain lines. */
const LARGE_GRAPH = 2000;

export function GraphView() {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const labelled = useRef(new Set<string>());
  const placeLabels = useRef<(camera?: CameraState, upcoming?: Upcoming) => void>(() => undefined);
  /** What sigma shows now: the overview, or a layered lineage. */
  const showing = useRef<'overview' | 'layered' | null>(null);
  const { graph, version, layout } = useStore(graphStore);
  const filters = useStore(filtersStore);
  const selection = useStore(selectionStore);
  const settings = useStore(settingsStore);
  const view = useStore(viewStore);

  useFreeCanvas(container);

  const core = useMemo(() => (graph ? summaryCore(graph) : new Set<string>()), [graph, version]);
  const shown = useMemo(
    () => (graph && view.mode === 'summary' ? summaryShown(graph, core, view.revealed, [selection.selected, selection.hovered]) : null),
    [graph, core, view.mode, view.revealed, selection.selected, selection.hovered],
  );

  // The layered lineage is its own small graph, laid out for the canvas it fills.
  const layered = useMemo(() => {
    if (!graph || !selection.layered || !selection.focus || !graph.hasNode(selection.focus) || view.free.width < 50) return null;
    const passNode = (id: string) => nodePasses(graph.getNodeAttributes(id), filters);
    const passEdge = (id: string) => edgePasses(graph.getEdgeAttributes(id), filters);
    const layout = layeredLayout(graph, selection.focus, selection.focusDepth, {
      width: view.free.width, height: view.free.height, measure: (label) => labelWidth(null, label), opened: new Set(view.openedGroups), nodePasses: passNode, edgePasses: passEdge,
    });
    return { graph: layeredGraph(graph, layout, passEdge), groups: layout.groups };
  }, [graph, version, selection.layered, selection.focus, selection.focusDepth, filters, view.openedGroups, view.free.width, view.free.height]);
  const shownGraph: DisplayGraph | null = layered?.graph ?? graph;
  useEffect(() => setGroups((layered?.groups ?? []).map((g) => ({ key: g.key, label: g.label, members: g.members.length }))), [layered]);

  // The rules and the label chooser, computed before sigma exists so that its very first frame is styled.
  const isLayered = Boolean(layered);
  const rules = useMemo(() => {
    if (!shownGraph) return null;
    return isLayered
      ? displayRules(shownGraph, filters, { ...selection, focus: null, layered: false, expanded: [] }, { ...settings, fanInLimit: Infinity })
      : displayRules(shownGraph, filters, selection, settings, { shown });
  }, [shownGraph, isLayered, filters, selection, settings, shown]);
  const rulesRef = useRef(rules);
  rulesRef.current = rules;
  /** The rules of the graph sigma holds: a frame drawn between a render and its effects keeps using them. */
  const applied = useRef<typeof rules>(null);
  const styled = useRef<typeof rules>(null);
  const fitKey = `${shownGraph === graph ? 'overview' : 'layered'}:${view.mode}:${layout}:${version}`;
  const fitted = useRef(fitKey);
  placeLabels.current = (cameraState, upcoming) => {
    const sigma = sigmaRef.current;
    if (!sigma || !shownGraph) return;
    const free = freeCanvas(sigma);
    const budget = isLayered ? Infinity : Math.max(8, Math.round((settings.labelDensity * (free.x2 - free.x1) * (free.y2 - free.y1)) / 7000));
    const priority = (id: string) => {
      if (id === selection.selected || id === selection.focus || id === selection.hovered) return 1e12;
      const a = shownGraph.getNodeAttributes(id);
      return (a.group ? 1e9 : 0) + a.degree * 1000 + a.size;
    };
    const plan = planLabels(sigma, priority, labelled.current, budget, cameraState, upcoming);
    labelled.current = plan.chosen;
    // For a graph not yet handed to sigma, its one render draws the labels; otherwise only the changed nodes are re-read.
    if (!upcoming) sigma.refresh({ partialGraph: { nodes: plan.changed }, skipIndexation: true });
  };

  // One sigma for the view's life, made before the data arrives: its start (WebGL, shaders) overlaps the request.
  useEffect(() => {
    if (!container.current) return;
    // Typed as a plain Sigma: the reducers and exports read display data, not the graph's own attributes.
    const sigma: Sigma = new Sigma(new DirectedGraph() as never, container.current, {
      allowInvalidContainer: true,
      // Labels are chosen on screen (planLabels), none by sigma's grid.
      labelDensity: 0,
      ...LABEL_FONT,
      zIndex: true,
      labelColor: { color: settingsStore.get().theme === 'dark' ? '#e5e7eb' : '#1f2933' },
      nodeReducer: (id, data) => {
        const shownData = applied.current?.node(id, data as never) ?? data;
        if (!shownData.hidden) shownData.forceLabel = labelled.current.has(id);
        return shownData;
      },
      edgeReducer: (id, data) => applied.current?.edge(id, data as never) ?? data,
      // Sigma draws hovered labels on a white box: keep their text dark in the dark theme.
      defaultDrawNodeHover: (context, data, drawSettings) => drawDiscNodeHover(context, data, { ...drawSettings, labelColor: { color: '#1f2933' } }),
    });
    sigmaRef.current = sigma;
    registerSigma(sigma);
    const layeredNow = () => sigma.getGraph() !== graphStore.get().graph;
    sigma.on('clickNode', ({ node }) => {
      if (isGroup(node)) toggleGroup(node);
      else selectDataset(node);
    });
    sigma.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      if (isGroup(node)) return;
      if (viewStore.get().mode === 'summary' && !layeredNow()) {
        reveal([node, ...sigma.getGraph().neighbors(node)]);
        return;
      }
      expandHub(node);
      focusOn(node);
    });
    sigma.on('enterNode', ({ node }) => !isGroup(node) && hoverDataset(node));
    sigma.on('leaveNode', () => hoverDataset(null));
    sigma.on('clickStage', () => selectDataset(null));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => placeLabels.current(), 120);
    };
    sigma.getCamera().on('updated', later);
    sigma.on('resize', later);
    return () => {
      clearTimeout(timer);
      registerSigma(null);
      sigmaRef.current = null;
      sigma.kill();
    };
  }, []);

  // Each graph to show (the overview, a layered lineage) goes to that sigma already framed and labelled
  // from what the rules will show, in sigma's own coordinates, so that handing it over is one render.
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !shownGraph) return;
    const large = shownGraph.order > LARGE_GRAPH;
    const layeredView = shownGraph !== graphStore.get().graph;
    labelled.current = new Set();
    sigma.setSettings({
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      defaultEdgeType: large ? 'line' : 'arrow',
      // In the layered view every node keeps its size, so the layout's spacing holds at any zoom.
      zoomToSizeRatioFunction: layeredView ? () => 1 : Math.sqrt,
    });
    // The same overview reloaded (after a review decision, an ingest) keeps where the user was looking.
    const reload = !layeredView && showing.current === 'overview' && sigma.getGraph().order > 0;
    showing.current = layeredView ? 'layered' : 'overview';
    // Sigma frames a graph by its extent (sigma/utils): the same computation gives the coordinates it will use.
    const extent = graphExtent(shownGraph as never);
    const normalize = createNormalizationFunction(extent);
    const seen = new Map<string, ReturnType<DisplayOf>>();
    const upcoming: Upcoming = {
      graph: shownGraph as never,
      graphDimensions: { width: extent.x[1] - extent.x[0] || 1, height: extent.y[1] - extent.y[0] || 1 },
      displayOf: (id) => {
        if (seen.has(id)) return seen.get(id);
        const attributes = shownGraph.getNodeAttributes(id);
        const shown = rulesRef.current?.node(id, attributes);
        const display = shown ? { ...normalize(attributes), size: shown.size ?? attributes.size, label: shown.label, hidden: shown.hidden } : undefined;
        seen.set(id, display);
        return display;
      },
    };
    const camera = reload ? sigma.getCamera().getState() : fitState(sigma, upcoming);
    placeLabels.current(camera, upcoming);
    applied.current = rulesRef.current;
    sigma.setGraph(shownGraph as never);
    styled.current = rulesRef.current;
    fitted.current = fitKey;
    // Sigma has drawn; the frame reaches the screen at the next paint.
    requestAnimationFrame(layeredView ? markLayeredFrame : markFirstFrame);
  }, [shownGraph]);

  // Rules that change after the first frame: restyle, then choose the labels again.
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !rules || !shownGraph) return;
    if (styled.current !== null && styled.current !== rules) {
      applied.current = rules;
      sigma.setSetting('labelColor', { color: settings.theme === 'dark' ? '#e5e7eb' : '#1f2933' });
      // Render now, so the labels are chosen from what the reducers just decided.
      sigma.refresh();
      placeLabels.current();
    }
    styled.current = rules;
    const overview = graphStore.get().graph;
    setCounts({ nodes: isLayered ? shownGraph.filterNodes((id) => !isGroup(id)).length + shownGraph.reduceNodes((n, _id, a) => n + (a.group?.members ?? 0), 0) : rules.visibleNodes(), edges: rules.visibleEdges(), totalNodes: overview?.order ?? 0, totalEdges: overview?.size ?? 0 });
    (window as unknown as { __rootlineVisible?: () => number }).__rootlineVisible = rules.visibleNodes;
  }, [rules]);

  // The camera: fit what is shown when the view changes, and frame a selected dataset with its neighbours.
  useEffect(() => {
    const sigma = sigmaRef.current;
    // A new sigma was framed as it was made; a new mode or layout on the same one is framed here.
    if (sigma && fitted.current !== fitKey) void fitShown(sigma, 0).then(() => placeLabels.current());
    fitted.current = fitKey;
  }, [fitKey]);
  const selected = selection.selected;
  useEffect(() => {
    const sigma = sigmaRef.current;
    const g = sigma?.getGraph();
    if (!sigma || !g || !selected || !g.hasNode(selected) || layered) return;
    const neighbours = [selected, ...g.neighbors(selected)];
    sigma.refresh();
    void frameNodes(sigma, neighbours, { labels: neighbours.length <= FIT_LABELS_UP_TO, duration: 400, includeHidden: true }).then(() => placeLabels.current());
  }, [selected]);

  return <div ref={container} className="graph-canvas" data-testid="graph" />;
}

/** Keeps the free canvas size in the view store: the layered view is laid out for it. */
function useFreeCanvas(container: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = container.current;
    const pane = element?.parentElement;
    if (!element || !pane) return;
    const measure = () => {
      const free = freeCanvasOf(element);
      if (free.x2 > free.x1) setFree({ width: free.x2 - free.x1, height: free.y2 - free.y1 });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const overlay of pane.querySelectorAll('[data-overlay]')) observer.observe(overlay);
    measure();
    return () => observer.disconnect();
  }, [container]);
}
