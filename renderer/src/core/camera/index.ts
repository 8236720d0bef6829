/**
 * The camera and the labels of the graph on screen, bound to its sigma instance: zoom to fit (labels
 * included, inside the part of the canvas no panel covers), framing a dataset with its neighbours, and
 * the labels drawn (the most connected first, never two overlapping).
 */
import type { AbstractGraph } from 'graphology-types';
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { chooseLabels, freeArea, frameItems, inside, labelBox, nodeBox, union, type FrameItem, type Rect } from './utils.js';

const REFERENCE = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/** Sigma's label font in the app (set on every sigma instance, and used to measure labels before one exists). */
export const LABEL_FONT = { labelSize: 12, labelFont: 'Arial, Helvetica, sans-serif', labelWeight: 'normal' };

const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

/** The width of a label in sigma's label font. */
export function labelWidth(sigma: Sigma | null, label: string): number {
  const { labelSize, labelFont, labelWeight } = sigma?.getSettings() ?? LABEL_FONT;
  const font = `${labelWeight} ${labelSize}px ${labelFont}`;
  const key = `${font}\u0000${label}`;
  let width = widths.get(key);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (!measurer) return label.length * labelSize * 0.6;
    measurer.font = font;
    width = measurer.measureText(label).width;
    if (widths.size > 50_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** The free part of the canvas: elements marked `data-overlay` in the graph pane cover the rest. */
export function freeCanvas(sigma: Sigma): Rect {
  return freeCanvasOf(sigma.getContainer());
}

export function freeCanvasOf(container: HTMLElement): Rect {
  const bounds = container.getBoundingClientRect();
  const pane = container.parentElement ?? container;
  const overlays = [...pane.querySelectorAll<HTMLElement>('[data-overlay]')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x1: r.left - bounds.left, y1: r.top - bounds.top, x2: r.right - bounds.left, y2: r.bottom - bounds.top }));
  return freeArea(bounds.width, bounds.height, overlays);
}

/**
 * Moves the camera so that the nodes (and, with `labels`, their labels) fill the free canvas; hidden
 * nodes count only with `includeHidden` (neighbours about to be shown).
 */
export function frameNodes(sigma: Sigma, nodes: string[], options: { labels: boolean; duration?: number; includeHidden?: boolean }): Promise<void> {
  const state = framing(sigma, nodes, options);
  if (!state) return Promise.resolve();
  if (!options.duration) {
    sigma.getCamera().setState(state);
    return Promise.resolve();
  }
  return sigma.getCamera().animate(state, { duration: options.duration });
}

/**
 * How a node will be drawn: its position in sigma's framed coordinates, its size and label, whether
 * hidden. By default what sigma drew last; before the first styled render, what the rules say.
 */
export type DisplayOf = (id: string) => { x: number; y: number; size: number; label?: string | null; hidden?: boolean } | undefined;

/**
 * A graph about to be handed to sigma: how each node will be drawn, and the graph's dimensions as sigma
 * will compute them, so the camera and the labels are chosen before its one render.
 */
export interface Upcoming {
  graph: AbstractGraph;
  displayOf: DisplayOf;
  graphDimensions: { width: number; height: number };
}

const drawn = (sigma: Sigma): DisplayOf => (id) => sigma.getNodeDisplayData(id);

/** Zoom to fit at once (of the graph shown, or of one about to be shown), returning the camera it set. */
export function fitState(sigma: Sigma, upcoming?: Upcoming): CameraState | undefined {
  const displayOf = upcoming?.displayOf ?? drawn(sigma);
  const nodes = (upcoming?.graph ?? sigma.getGraph()).filterNodes((id) => !displayOf(id)?.hidden);
  const state = framing(sigma, nodes, { labels: nodes.length <= FIT_LABELS_UP_TO }, upcoming);
  if (state) sigma.getCamera().setState(state);
  return state;
}

function framing(sigma: Sigma, nodes: string[], options: { labels: boolean; includeHidden?: boolean }, upcoming?: Upcoming): CameraState | undefined {
  const { labelSize } = sigma.getSettings();
  const displayOf = upcoming?.displayOf ?? drawn(sigma);
  const reference = { cameraState: REFERENCE, ...(upcoming ? { graphDimensions: upcoming.graphDimensions } : {}) };
  const items: FrameItem[] = [];
  for (const node of nodes) {
    const data = displayOf(node);
    if (!data || (data.hidden && !options.includeHidden)) continue;
    items.push({
      p: sigma.framedGraphToViewport(data, reference),
      radius: (ratio) => sigma.scaleSize(data.size, ratio),
      labelWidth: options.labels && data.label ? labelWidth(sigma, data.label) : 0,
    });
  }
  if (items.length === 0) return undefined;
  const { width, height } = sigma.getDimensions();
  const { target, ratio } = frameItems(items, { x: width / 2, y: height / 2 }, freeCanvas(sigma), labelSize);
  const framed = sigma.viewportToFramedGraph(target, reference);
  return { x: framed.x, y: framed.y, ratio, angle: 0 };
}

/** Up to this many shown datasets, zoom to fit makes room for every label too. */
export const FIT_LABELS_UP_TO = 400;

/** Zoom to fit: every shown dataset (with its label, on graphs that are not huge) inside the free canvas. */
export function fitShown(sigma: Sigma, duration = 300): Promise<void> {
  sigma.refresh();
  const nodes = sigma.getGraph().filterNodes((id) => !sigma.getNodeDisplayData(id)?.hidden);
  return frameNodes(sigma, nodes, { labels: nodes.length <= FIT_LABELS_UP_TO, duration });
}

/** Every node sigma shows, in viewport pixels: its disc, and its label when drawn. */
export function shownBoxes(sigma: Sigma): Array<{ id: string; node: Rect; label: Rect | null }> {
  const { labelSize } = sigma.getSettings();
  const labelled = sigma.getNodeDisplayedLabels();
  const out: Array<{ id: string; node: Rect; label: Rect | null }> = [];
  sigma.getGraph().forEachNode((id) => {
    const data = sigma.getNodeDisplayData(id);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size);
    out.push({ id, node: nodeBox(p, r), label: labelled.has(id) && data.label ? labelBox(p, r, labelWidth(sigma, data.label), labelSize) : null });
  });
  return out;
}

export interface LabelPlan {
  /** Labels to draw, highest priority first. */
  chosen: Set<string>;
  /** Nodes whose label changed: the only ones sigma must re-read. */
  changed: string[];
}

/**
 * Which labels to draw now: nodes in priority order (the caller's), each kept when its label fits in the
 * free canvas without touching one kept before; at most `budget`.
 */
export function planLabels(sigma: Sigma, priority: (id: string) => number, previous: Set<string>, budget: number, camera?: CameraState, upcoming?: Upcoming): LabelPlan {
  const { labelSize } = sigma.getSettings();
  const within = freeCanvas(sigma);
  const displayOf = upcoming?.displayOf ?? drawn(sigma);
  // Under the camera about to be rendered, when it was just set (sigma's own matrix follows at the render).
  const override = { ...(camera ? { cameraState: camera } : {}), ...(upcoming ? { graphDimensions: upcoming.graphDimensions } : {}) };
  const ratio = camera?.ratio ?? sigma.getCamera().ratio;
  const candidates: Array<{ id: string; box: Rect; rank: number }> = [];
  (upcoming?.graph ?? sigma.getGraph()).forEachNode((id) => {
    const data = displayOf(id);
    if (!data || data.hidden || !data.label) return;
    const p = sigma.framedGraphToViewport(data, override);
    if (p.x < within.x1 - 400 || p.x > within.x2 || p.y < within.y1 || p.y > within.y2) return;
    const r = sigma.scaleSize(data.size, ratio);
    candidates.push({ id, box: union(nodeBox(p, r), labelBox(p, r, labelWidth(sigma, data.label), labelSize)), rank: priority(id) });
  });
  candidates.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
  // The label box includes the node's disc, so a label never covers another labelled node either.
  const chosen = chooseLabels(candidates.filter((c) => inside(c.box, within)), within, budget);
  const changed = [...new Set([...chosen, ...previous])].filter((id) => chosen.has(id) !== previous.has(id));
  return { chosen, changed };
}
