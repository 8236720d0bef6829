/**
 * Geometry of what is on screen, in viewport pixels: the part of the canvas no panel covers, node and
 * label boxes as sigma draws them, the labels that fit without overlapping, and the camera that shows
 * a set of boxes inside an area.
 */

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Point {
  x: number;
  y: number;
}

export const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
/** Within half a pixel: a box the camera framed exactly on the edge is inside. */
export const inside = (inner: Rect, outer: Rect) => inner.x1 >= outer.x1 - 0.5 && inner.y1 >= outer.y1 - 0.5 && inner.x2 <= outer.x2 + 0.5 && inner.y2 <= outer.y2 + 0.5;
const area = (r: Rect) => Math.max(0, r.x2 - r.x1) * Math.max(0, r.y2 - r.y1);

/** The largest part of a width × height canvas left free when each overlay takes the side it costs least to give up. */
export function freeArea(width: number, height: number, overlays: Rect[], margin = 6): Rect {
  let free: Rect = { x1: 0, y1: 0, x2: width, y2: height };
  for (const o of overlays) {
    if (!overlaps(o, free)) continue;
    const cuts: Rect[] = [
      { ...free, x1: Math.max(free.x1, o.x2) },
      { ...free, x2: Math.min(free.x2, o.x1) },
      { ...free, y1: Math.max(free.y1, o.y2) },
      { ...free, y2: Math.min(free.y2, o.y1) },
    ];
    free = cuts.reduce((best, cut) => (area(cut) > area(best) ? cut : best));
  }
  return { x1: free.x1 + margin, y1: free.y1 + margin, x2: free.x2 - margin, y2: free.y2 - margin };
}

/** Sigma writes a label at (x + size + 3, y + labelSize / 3): the box of its text, ascent and descent included. */
export function labelBox(p: Point, radius: number, textWidth: number, labelSize: number): Rect {
  const x1 = p.x + radius + 3;
  const baseline = p.y + labelSize / 3;
  return { x1, y1: baseline - labelSize * 0.85, x2: x1 + textWidth, y2: baseline + labelSize * 0.3 };
}

export function nodeBox(p: Point, radius: number): Rect {
  return { x1: p.x - radius, y1: p.y - radius, x2: p.x + radius, y2: p.y + radius };
}

export function union(a: Rect, b: Rect): Rect {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

/**
 * Labels in priority order; one is drawn when its box lies inside the area and overlaps no label drawn
 * before it, up to the budget. A grid of cells keeps the overlap test local.
 */
export function chooseLabels(candidates: Array<{ id: string; box: Rect }>, within: Rect, budget = Infinity, gap = 2): Set<string> {
  const cell = 64;
  const grid = new Map<string, Rect[]>();
  const cellsOf = (r: Rect) => {
    const keys: string[] = [];
    for (let cx = Math.floor(r.x1 / cell); cx <= Math.floor(r.x2 / cell); cx++) for (let cy = Math.floor(r.y1 / cell); cy <= Math.floor(r.y2 / cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  };
  const chosen = new Set<string>();
  for (const { id, box } of candidates) {
    if (chosen.size >= budget) break;
    if (!inside(box, within)) continue;
    const padded = { x1: box.x1 - gap, y1: box.y1 - gap, x2: box.x2 + gap, y2: box.y2 + gap };
    const keys = cellsOf(padded);
    if (keys.some((k) => grid.get(k)?.some((other) => overlaps(other, padded)))) continue;
    for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), box]);
    chosen.add(id);
  }
  return chosen;
}

/** One item to frame: its viewport position under a reference camera, its radius at a ratio, the width of its label (0: none). */
export interface FrameItem {
  p: Point;
  radius(ratio: number): number;
  labelWidth: number;
}

/**
 * The camera (target in reference viewport coordinates, ratio) that shows every item, label included,
 * inside the area, as large as fits. Viewport positions are `center + (p - target) / ratio`, so only the
 * ratio needs searching: the content shrinks as it grows.
 */
export function frameItems(items: FrameItem[], center: Point, area: Rect, labelSize: number, limits = { min: 0.02, max: 50 }): { target: Point; ratio: number } {
  if (items.length === 0) return { target: center, ratio: 1 };
  // A little inside the area, so nothing framed lands on its edge.
  const within = { x1: area.x1 + 2, y1: area.y1 + 2, x2: area.x2 - 2, y2: area.y2 - 2 };
  const extent = (ratio: number): Rect => {
    let box: Rect | null = null;
    for (const item of items) {
      const q = { x: (item.p.x - center.x) / ratio, y: (item.p.y - center.y) / ratio };
      const r = item.radius(ratio);
      let b = nodeBox(q, r);
      if (item.labelWidth > 0) b = union(b, labelBox(q, r, item.labelWidth, labelSize));
      box = box ? union(box, b) : b;
    }
    return box!;
  };
  const fits = (ratio: number) => {
    const e = extent(ratio);
    return e.x2 - e.x1 <= within.x2 - within.x1 && e.y2 - e.y1 <= within.y2 - within.y1;
  };
  let lo = limits.min;
  let hi = limits.max;
  if (fits(lo)) hi = lo;
  else {
    for (let i = 0; i < 40; i++) {
      const mid = Math.sqrt(lo * hi);
      if (fits(mid)) hi = mid;
      else lo = mid;
    }
  }
  const ratio = hi;
  const e = extent(ratio);
  const middle = { x: (within.x1 + within.x2) / 2, y: (within.y1 + within.y2) / 2 };
  // Moving the target by d moves everything on screen by -d / ratio.
  return { target: { x: center.x + ratio * (center.x + (e.x1 + e.x2) / 2 - middle.x), y: center.y + ratio * (center.y + (e.y1 + e.y2) / 2 - middle.y) }, ratio };
}
