/**
 * Lineage from the data itself: which datasets hold which others' samples, in which direction, and
 * how. Pairs whose shared samples make up at least `minContainment` of one side become edges, oriented
 * by fusion (the parts flow into the whole), benchmarks (their items flow into training sets), release dates, then the asymmetry of containment (the
 * dataset more inside the other is the part taken from it); an edge is dropped when a third dataset
 * linked to both holds the same shared samples (siblings of one source, or a chain's shortcut).
 */
import type { SketchedDataset } from './containment.js';
import { fusionParts } from './fusion.js';
import { Overlaps } from './overlaps.js';
import { matchingSides, SIDE_RELATIONS } from './relation.js';
import type { Containment, DataEdge, DirectionReason, ExplainedOverlap, KeySets } from './types.js';

export interface OverlapOptions {
  /** Share of one dataset's samples the other must hold (default 0.05). */
  minContainment?: number;
  /** Sampled records that must match (default 3). */
  minMatches?: number;
  /** Release dates by dataset id, where known. */
  releaseDates?: Map<string, string>;
  /** True when date `a` is later than date `b`. */
  releasedAfter?: (a: string, b: string) => boolean;
  /** Evaluation benchmarks: their items flow into training sets, never the other way. */
  benchmarks?: Set<string>;
  /** The key sets of a dataset, when the sketches were passed without them (read one dataset at a time). */
  keysOf?: (id: string) => KeySets;
}

export interface PairOverlap {
  a: string;
  b: string;
  aInB: Containment;
  bInA: Containment;
}

export interface OverlapLineage {
  /** Every pair that shares sampled records, both ways. */
  pairs: PairOverlap[];
  edges: DataEdge[];
  explained: ExplainedOverlap[];
  /** Sampled records left out as common to many datasets. */
  common: number;
}

/** Differences of containment below this leave the direction to release dates or size. */
const ASYMMETRY = 0.1;
/** A third dataset explains a pair's overlap when it holds this share of the shared records. */
const EXPLAINS = 0.8;

export function lineageFromOverlap(datasets: SketchedDataset[], options: OverlapOptions = {}): OverlapLineage {
  const minContainment = options.minContainment ?? 0.05;
  const minMatches = options.minMatches ?? 3;
  const overlaps = new Overlaps(datasets, options.keysOf);
  const ids = overlaps.ids;
  const later = (x: number, y: number) => {
    const a = options.releaseDates?.get(ids[x]!);
    const b = options.releaseDates?.get(ids[y]!);
    return Boolean(a && b && options.releasedAfter?.(a, b));
  };

  const pairs: PairOverlap[] = [];
  const strong: Array<[number, number]> = [];
  const partners = new Map<number, number[]>();
  for (const [a, b] of overlaps.candidatePairs()) {
    const aInB = overlaps.containment(a, b);
    const bInA = overlaps.containment(b, a);
    if (aInB.matched === 0 && bInA.matched === 0) continue;
    pairs.push({ a: ids[a]!, b: ids[b]!, aInB, bInA });
    const significant = (c: Containment) => c.share >= minContainment && c.matched >= minMatches;
    if (!significant(aInB) && !significant(bInA)) continue;
    strong.push([a, b]);
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }

  const parts = new Map<number, Set<number>>();
  for (const [dataset, list] of partners) {
    const found = fusionParts(overlaps, dataset, list, { minContainment, minMatches, releasedAfter: later });
    if (found.length) parts.set(dataset, new Set(found));
  }

  const oriented = strong.map(([a, b]) => orient(a, b));
  // Strongest first, so that a chain's shortcut or two siblings meet their explanation already linked.
  oriented.sort((x, y) => strength(y) - strength(x) || x.up - y.up || x.down - y.down);
  const links = new Map<number, Set<number>>();
  const seen = new Set<number>();
  const n = ids.length;
  const edges: DataEdge[] = [];
  const explained: ExplainedOverlap[] = [];
  for (const o of oriented) {
    const via = explanation(o.up, o.down);
    seen.add(Math.min(o.up, o.down) * n + Math.max(o.up, o.down));
    if (via !== undefined) {
      explained.push({ datasets: [ids[o.up]!, ids[o.down]!], via: ids[via]! });
      continue;
    }
    for (const [x, y] of [[o.up, o.down], [o.down, o.up]] as const) links.set(x, new Set([...(links.get(x) ?? []), y]));
    edges.push(edgeOf(o));
  }
  return { pairs, edges, explained, common: overlaps.common };

  function orient(a: number, b: number): { up: number; down: number; direction: DirectionReason } {
    if (parts.get(b)?.has(a)) return { up: a, down: b, direction: 'fusion' };
    if (parts.get(a)?.has(b)) return { up: b, down: a, direction: 'fusion' };
    const benchmark = (x: number) => options.benchmarks?.has(ids[x]!) ?? false;
    if (benchmark(a) !== benchmark(b)) return benchmark(a) ? { up: a, down: b, direction: 'benchmark' } : { up: b, down: a, direction: 'benchmark' };
    if (later(a, b)) return { up: b, down: a, direction: 'release dates' };
    if (later(b, a)) return { up: a, down: b, direction: 'release dates' };
    const asymmetry = overlaps.containment(b, a).share - overlaps.containment(a, b).share;
    if (asymmetry >= ASYMMETRY) return { up: a, down: b, direction: 'containment' };
    if (asymmetry <= -ASYMMETRY) return { up: b, down: a, direction: 'containment' };
    // As much of each inside the other: the larger one is more likely the source.
    const larger = datasets[a]!.sketch.samples >= datasets[b]!.sketch.samples;
    return larger ? { up: a, down: b, direction: 'unclear' } : { up: b, down: a, direction: 'unclear' };
  }

  /** How strongly two datasets are tied: exact matches count fully, near ones half (a near match may be a sibling's rewrite). */
  function strength(o: { up: number; down: number }): number {
    const [x, y] = [overlaps.containment(o.up, o.down), overlaps.containment(o.down, o.up)];
    return x.exact + y.exact + 0.5 * (x.near + y.near);
  }

  /**
   * A third dataset that holds most of what x and y share, already linked to one of them by an edge and
   * met with the other in a stronger pair (so two copies of one source do not explain each other away).
   */
  function explanation(x: number, y: number): number | undefined {
    const met = (a: number, b: number) => seen.has(Math.min(a, b) * n + Math.max(a, b));
    const [from, to] = overlaps.foundIn(x, y).size >= overlaps.foundIn(y, x).size ? [x, y] : [y, x];
    const candidates = new Set([...[...(links.get(x) ?? [])].filter((z) => met(z, y)), ...[...(links.get(y) ?? [])].filter((z) => met(z, x))]);
    return [...candidates].find((z) => overlaps.alsoIn(from, to, [z]) >= EXPLAINS);
  }

  function edgeOf(o: { up: number; down: number; direction: DirectionReason }): DataEdge {
    const upInDown = overlaps.containment(o.up, o.down);
    const downInUp = overlaps.containment(o.down, o.up);
    // How the downstream was made from the upstream shows in what it took: the downstream's view, unless
    // too few of its sampled records matched to tell.
    const basis = downInUp.matched >= minMatches || downInUp.matched >= upInDown.matched ? downInUp : upInDown;
    const sides = matchingSides(basis);
    const share = Math.max(upInDown.share, downInUp.share);
    const matched = Math.max(upInDown.matched, downInUp.matched);
    // Data shows that samples are shared; a person confirms the lineage, so confidence stays below the
    // automatic-acceptance threshold (0.7) however large the overlap.
    const confidence = 0.35 + 0.3 * Math.min(1, share / 0.5) * Math.min(1, matched / 20) - (o.direction === 'unclear' ? 0.1 : 0);
    return {
      upstream: ids[o.up]!,
      downstream: ids[o.down]!,
      relation: o.direction === 'fusion' ? 'Structured Fusion' : SIDE_RELATIONS[sides],
      sides,
      direction: o.direction,
      upstreamInDownstream: upInDown,
      downstreamInUpstream: downInUp,
      confidence: Math.round(confidence * 100) / 100,
      examples: overlaps.index.examples(o.up, o.down),
    };
  }
}

export type { SketchedDataset };
