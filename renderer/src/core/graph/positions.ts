/**
 * Positions that stay put: saved ones are reused as they are; a dataset without one is placed near the
 * neighbours that have one, and never moves anything else. Only "Run layout" re-lays the graph.
 */
import type { DisplayGraph } from './types.js';

/** A small deterministic hash of an id, in [0, 1): the same dataset lands in the same spot every time. */
function unit(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

/** The typical distance between connected datasets that have positions (a new one sits that far from its neighbours). */
function typicalEdgeLength(graph: DisplayGraph, placed: Set<string>): number {
  const lengths: number[] = [];
  graph.forEachEdge((_e, _a, s, t, sa, ta) => {
    if (s !== t && placed.has(s) && placed.has(t)) lengths.push(Math.hypot(sa.x - ta.x, sa.y - ta.y));
  });
  if (!lengths.length) return 10;
  lengths.sort((a, b) => a - b);
  return Math.max(1e-6, lengths[Math.floor(lengths.length / 2)]!);
}

/**
 * Places every dataset not in `placed` (mutating its x, y), breadth-first out from the placed ones: at
 * the mean of its placed neighbours, moved a little in a direction fixed by its id. Datasets with no
 * placed dataset in reach go on a ring around the map. Returns the ids placed.
 */
export function placeNewNodes(graph: DisplayGraph, placed: Set<string>): string[] {
  const missing = graph.filterNodes((id) => !placed.has(id));
  if (!missing.length) return [];
  const step = typicalEdgeLength(graph, placed);
  const known = new Set(placed);
  const out: string[] = [];
  // A new benchmark joins the benchmark column, below the others.
  const column = [...placed].filter((id) => graph.getNodeAttribute(id, 'kind') === 'benchmark');
  if (column.length) {
    const x = graph.getNodeAttribute(column[0]!, 'x');
    let y = Math.min(...column.map((id) => graph.getNodeAttribute(id, 'y')));
    const gap = column.length > 1 ? Math.abs(graph.getNodeAttribute(column[1]!, 'y') - graph.getNodeAttribute(column[0]!, 'y')) || step : step;
    for (const id of missing.filter((m) => graph.getNodeAttribute(m, 'kind') === 'benchmark').sort()) {
      y -= gap;
      graph.mergeNodeAttributes(id, { x, y, fixed: true });
      known.add(id);
      out.push(id);
    }
  }
  let pending = missing.filter((id) => !known.has(id));
  while (pending.length) {
    const next: string[] = [];
    const now: Array<[string, number, number]> = [];
    for (const id of pending) {
      const neighbours = graph.neighbors(id).filter((n) => known.has(n) && n !== id);
      if (!neighbours.length) {
        next.push(id);
        continue;
      }
      const x = neighbours.reduce((s, n) => s + graph.getNodeAttribute(n, 'x'), 0) / neighbours.length;
      const y = neighbours.reduce((s, n) => s + graph.getNodeAttribute(n, 'y'), 0) / neighbours.length;
      const angle = unit(id, 1) * Math.PI * 2;
      const distance = step * (0.5 + unit(id, 2) * 0.5);
      now.push([id, x + Math.cos(angle) * distance, y + Math.sin(angle) * distance]);
    }
    // A round places only datasets next to known ones, so each is near what it is connected to.
    for (const [id, x, y] of now) {
      graph.mergeNodeAttributes(id, { x, y });
      known.add(id);
      out.push(id);
    }
    if (!now.length) {
      ring(graph, next, known);
      out.push(...next);
      break;
    }
    pending = next;
  }
  return out;
}

/** Unconnected newcomers: evenly on a circle just outside what is already placed. */
function ring(graph: DisplayGraph, ids: string[], known: Set<string>): void {
  let cx = 0, cy = 0, radius = 0;
  if (known.size) {
    for (const id of known) { cx += graph.getNodeAttribute(id, 'x'); cy += graph.getNodeAttribute(id, 'y'); }
    cx /= known.size; cy /= known.size;
    for (const id of known) radius = Math.max(radius, Math.hypot(graph.getNodeAttribute(id, 'x') - cx, graph.getNodeAttribute(id, 'y') - cy));
  }
  radius = radius * 1.1 + 10;
  [...ids].sort().forEach((id, i) => {
    const angle = (i / ids.length) * Math.PI * 2;
    graph.mergeNodeAttributes(id, { x: cx + Math.cos(angle) * radius, y: cy + Math.sin(angle) * radius });
    known.add(id);
  });
}

/**
 * The graph's positions as the project file keeps them, rounded; the graph takes the rounded values too,
 * so what is on screen now is exactly what the next load shows.
 */
export function settlePositions(graph: DisplayGraph, ids?: Iterable<string>): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  for (const id of ids ?? graph.nodes()) {
    const x = round(graph.getNodeAttribute(id, 'x'));
    const y = round(graph.getNodeAttribute(id, 'y'));
    graph.mergeNodeAttributes(id, { x, y });
    out.push([id, x, y]);
  }
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
