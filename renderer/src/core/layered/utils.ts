/**
 * The layered lineage of one dataset, laid out to be read: upstream layers to the left, downstream to
 * the right, in pixel units for the canvas it will fill. A layer taller than the canvas wraps into a grid
 * of columns; when the layers would still be wider than the canvas, the widest is grouped (by domain,
 * else by relation, else alphabetically) into nodes that say how many datasets they hold and open on
 * click; labels are shortened last.
 */
import { DirectedGraph } from 'graphology';
import type { DisplayGraph, EdgeView, NodeView } from '../graph/types.js';

export interface LayeredOptions {
  /** The free canvas, in pixels. */
  width: number;
  height: number;
  /** A label's width in pixels. */
  measure: (label: string) => number;
  /** Group keys the user opened. */
  opened: ReadonlySet<string>;
  /** Whether a node and an edge take part (the filters). */
  nodePasses?: (id: string) => boolean;
  edgePasses?: (id: string) => boolean;
}

export const ROW = 22;
export const NODE_RADIUS = 5;
const COLUMN_GAP = 14;
const LAYER_GAP = 44;
const MARGIN = 8;
const LABEL_LIMITS = [48, 36, 28, 22, 16];
/** How far names may be shortened to keep a layer as a grid rather than groups. */
const GRID_LABEL_LIMIT = 28;
/** Layers with fewer items than this are never grouped. */
const MIN_GROUP = 6;
/** An opened group shows its datasets when they fill at most this many columns; a larger one opens onto blocks. */
const OPEN_COLUMNS = 3;
const GROUP_PREFIX = 'group:';

export interface LayeredGroup {
  key: string;
  layer: number;
  label: string;
  members: string[];
}

export interface Layered {
  /** Dataset or group id → its position and the label to draw. */
  positions: Map<string, { x: number; y: number; label: string; layer: number }>;
  groups: LayeredGroup[];
  /** Where each dataset went: itself, or the group holding it. */
  placedAs: Map<string, string>;
  /** The layout is at most width × height: at the camera that fits it, no two labels overlap. */
  fits: boolean;
  width: number;
  height: number;
}

export const isGroup = (id: string) => id.startsWith(GROUP_PREFIX);

/** Breadth-first distance from the center over passing edges: ancestors negative, descendants positive. */
export function lineageLayers(graph: DisplayGraph, center: string, depth: number, options: Pick<LayeredOptions, 'nodePasses' | 'edgePasses'> = {}): Map<string, number> {
  const passesNode = options.nodePasses ?? (() => true);
  const passesEdge = options.edgePasses ?? (() => true);
  const layer = new Map<string, number>([[center, 0]]);
  for (const [direction, sign] of [['in', -1], ['out', 1]] as const) {
    let frontier = [center];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        const edges = direction === 'in' ? graph.inEdges(id) : graph.outEdges(id);
        for (const edge of edges) {
          if (!passesEdge(edge)) continue;
          const other = direction === 'in' ? graph.source(edge) : graph.target(edge);
          if (layer.has(other) || !passesNode(other)) continue;
          layer.set(other, sign * d);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  return layer;
}

interface Item {
  id: string;
  label: string;
}

export function layeredLayout(graph: DisplayGraph, center: string, depth: number, options: LayeredOptions): Layered {
  const layerOf = lineageLayers(graph, center, depth, options);
  const byLayer = new Map<number, string[]>();
  for (const [id, layer] of layerOf) byLayer.set(layer, [...(byLayer.get(layer) ?? []), id]);
  const layers = [...byLayer.keys()].sort((a, b) => a - b);
  // A name several datasets of this lineage share (DPI's 200 "flores") says nothing: those show their ids.
  const named = new Map<string, number>();
  for (const id of layerOf.keys()) named.set(graph.getNodeAttribute(id, 'label'), (named.get(graph.getNodeAttribute(id, 'label')) ?? 0) + 1);
  const label = (id: string) => {
    const name = graph.getNodeAttribute(id, 'label');
    return (named.get(name) ?? 0) > 1 ? id : name;
  };
  for (const ids of byLayer.values()) ids.sort((a, b) => label(a).localeCompare(label(b)) || a.localeCompare(b));

  const rows = Math.max(3, Math.floor((options.height - 2 * MARGIN) / ROW));
  const grouped = new Set<number>();
  const itemsOf = (layer: number, groups: LayeredGroup[]): Item[] => {
    const ids = byLayer.get(layer)!;
    if (!grouped.has(layer)) return ids.map((id) => ({ id, label: label(id) }));
    const items: Item[] = [];
    const open = (group: LayeredGroup) => {
      groups.push(group);
      if (!options.opened.has(group.key)) return void items.push({ id: group.key, label: group.label });
      // An opened group larger than a few columns opens onto alphabetical blocks, each opened in turn.
      if (group.members.length <= rows * OPEN_COLUMNS) items.push(...group.members.map((id) => ({ id, label: label(id) })));
      else for (const block of nameBlocks(`${group.key}/`, layer, group.members, rows, label)) open(block);
    };
    for (const group of groupLayer(graph, center, layer, ids, layerOf, label)) open(group);
    return items;
  };

  const room = options.width - 2 * MARGIN;
  // A grid with whole names, else a grid with names shortened a little (every dataset still in sight);
  // then the widest layers are grouped, and names shortened further only when even that is too wide.
  let attempt = build(LABEL_LIMITS[0]!);
  if (attempt.width > room) attempt = build(GRID_LABEL_LIMIT);
  if (attempt.width > room) {
    attempt = build(LABEL_LIMITS[0]!);
    while (attempt.width > room) {
      const candidates = layers.filter((l) => l !== 0 && !grouped.has(l) && byLayer.get(l)!.length >= MIN_GROUP);
      if (!candidates.length) break;
      const widest = candidates.reduce((a, b) => (attempt.layerWidths.get(b)! > attempt.layerWidths.get(a)! ? b : a));
      grouped.add(widest);
      attempt = build(LABEL_LIMITS[0]!);
    }
    for (const limit of LABEL_LIMITS.slice(1)) {
      if (attempt.width <= room) break;
      attempt = build(limit);
    }
  }

  function build(limit: number) {
    const groups: LayeredGroup[] = [];
    const positions: Layered['positions'] = new Map();
    const layerWidths = new Map<number, number>();
    let x = 0;
    let tallest = 0;
    for (const layer of layers) {
      // The dataset in focus keeps its whole name; the others are shortened when nothing else fits.
      const items = itemsOf(layer, groups).map((item) => ({ ...item, label: layer === 0 ? item.label : shorten(item.label, limit) }));
      const columns = Math.ceil(items.length / rows);
      const perColumn = Math.ceil(items.length / columns);
      const start = x;
      for (let c = 0; c < columns; c++) {
        const column = items.slice(c * perColumn, (c + 1) * perColumn);
        const widest = Math.max(...column.map((item) => options.measure(item.label)));
        column.forEach((item, row) => positions.set(item.id, { x: x + NODE_RADIUS, y: -(row - (column.length - 1) / 2) * ROW, label: item.label, layer }));
        tallest = Math.max(tallest, column.length * ROW);
        x += 2 * NODE_RADIUS + 3 + widest + (c < columns - 1 ? COLUMN_GAP : 0);
      }
      layerWidths.set(layer, x - start);
      x += LAYER_GAP;
    }
    return { groups, positions, layerWidths, width: x - LAYER_GAP, height: tallest };
  }

  const placedAs = new Map<string, string>();
  for (const id of layerOf.keys()) placedAs.set(id, id);
  for (const group of attempt.groups) if (!options.opened.has(group.key)) for (const member of group.members) placedAs.set(member, group.key);
  return {
    positions: attempt.positions,
    groups: attempt.groups,
    placedAs,
    fits: attempt.width <= room && attempt.height <= options.height - 2 * MARGIN,
    width: attempt.width,
    height: attempt.height,
  };
}

function shorten(label: string, limit: number): string {
  return label.length <= limit ? label : `${label.slice(0, limit - 1)}…`;
}

/** A layer's datasets in groups: by domain when that splits them, else by relation toward the center, else alphabetically. */
function groupLayer(graph: DisplayGraph, center: string, layer: number, ids: string[], layerOf: Map<string, number>, label: (id: string) => string): LayeredGroup[] {
  // Keyed by the dataset in focus too: a group opened in one lineage stays closed in another.
  const prefix = `${GROUP_PREFIX}${center}:${layer}:`;
  const by = (kind: string, keyOf: (id: string) => string): LayeredGroup[] => {
    const buckets = new Map<string, string[]>();
    for (const id of ids) buckets.set(keyOf(id), [...(buckets.get(keyOf(id)) ?? []), id]);
    return [...buckets].sort(([a], [b]) => a.localeCompare(b)).map(([value, members]) => ({
      key: `${prefix}${kind}:${value}`,
      layer,
      label: `${value} · ${members.length} datasets`,
      members,
    }));
  };
  const domains = by('domain', (id) => graph.getNodeAttribute(id, 'domains')[0] ?? 'no domain');
  if (domains.length > 1) return domains;
  const toward = layer < 0 ? layer + 1 : layer - 1;
  const relations = by('relation', (id) => {
    const edges = layer < 0 ? graph.outEdges(id) : graph.inEdges(id);
    const edge = edges.find((e) => layerOf.get(layer < 0 ? graph.target(e) : graph.source(e)) === toward);
    return edge ? graph.getEdgeAttribute(edge, 'relation') : 'other';
  });
  if (relations.length > 1) return relations;
  return nameBlocks(prefix, layer, ids, Math.ceil(ids.length / 6), label);
}

/** Datasets (in name order) in consecutive blocks of about `size`, each named by its first and last name. */
function nameBlocks(prefix: string, layer: number, ids: string[], size: number, label: (id: string) => string): LayeredGroup[] {
  const block = Math.max(MIN_GROUP, size);
  return Array.from({ length: Math.ceil(ids.length / block) }, (_, i) => {
    const members = ids.slice(i * block, (i + 1) * block);
    const first = label(members[0]!);
    const last = label(members[members.length - 1]!);
    return { key: `${prefix}names:${i}`, layer, label: `${shorten(first, 12)} – ${shorten(last, 12)} · ${members.length}`, members };
  });
}

/**
 * The layered lineage as its own small graph for sigma: datasets and groups at their layered positions,
 * edges between them (a group's edges merged), every node the same size so the layout's spacing holds.
 */
export function layeredGraph(graph: DisplayGraph, layered: Layered, edgePasses: (id: string) => boolean = () => true): DisplayGraph {
  const out: DisplayGraph = new DirectedGraph<NodeView, EdgeView>({ allowSelfLoops: false, multi: false });
  const groups = new Map(layered.groups.map((g) => [g.key, g]));
  for (const [id, p] of layered.positions) {
    const group = groups.get(id);
    const base = group ? graph.getNodeAttributes(group.members[0]!) : graph.getNodeAttributes(id);
    out.addNode(id, {
      ...base,
      x: p.x,
      y: p.y,
      size: NODE_RADIUS,
      label: p.label,
      fullLabel: group ? group.label : base.label,
      fixed: true,
      ...(group ? { group: { key: group.key, members: group.members.length }, kind: 'dataset' as const } : {}),
    });
  }
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!edgePasses(edge)) return;
    const from = layered.placedAs.get(source);
    const to = layered.placedAs.get(target);
    if (!from || !to || from === to || out.hasEdge(from, to)) return;
    // Edges between two datasets of one layer would cross its labels; the overview shows them.
    if (layered.positions.get(from)!.layer === layered.positions.get(to)!.layer) return;
    out.addDirectedEdgeWithKey(isGroup(from) || isGroup(to) ? `${from}->${to}` : edge, from, to, { ...attributes });
  });
  return out;
}
