/**
 * Structured Fusion: a dataset made of parts of several others. Its sampled records are covered
 * greedily — the dataset holding most of them first, then the one holding most of the rest — while a
 * part is at least `minContainment` of the records. A source counts as a part when
 *  - it holds part of the dataset, not all of it (less than 90%);
 *  - most of its own records are not in the dataset (less than 60%): a source is taken from, while a
 *    set whose records are mostly inside the dataset was cut out of it;
 *  - the records it gave are not also in the parts already chosen (under 10%): independent sources
 *    share nothing, while pieces cut out of one dataset overlap by chance.
 * Two parts or more make a fusion. A mix of whole datasets looks like a dataset cut into pieces; the
 * data cannot tell them apart, and the pieces are taken to be cut out (release dates can say otherwise).
 */
import type { Overlaps } from './overlaps.js';

export interface FusionOptions {
  minContainment: number;
  minMatches: number;
  /** A part released after the dataset cannot be merged into it. */
  releasedAfter?: (part: number, dataset: number) => boolean;
}

const WHOLE = 0.9;
const MOSTLY_INSIDE = 0.6;
const SHARED_BY_CHANCE = 0.1;

/** The parts `dataset` is a fusion of (indices), or [] when it is not one. */
export function fusionParts(overlaps: Overlaps, dataset: number, partners: number[], options: FusionOptions): number[] {
  const candidates = partners.filter((y) => {
    const share = overlaps.containment(dataset, y).share;
    return share >= options.minContainment && share < WHOLE && overlaps.containment(y, dataset).share < MOSTLY_INSIDE && !options.releasedAfter?.(y, dataset);
  });
  if (candidates.length < 2) return [];
  const checked = Math.max(1, overlaps.containment(dataset, candidates[0]!).checked);
  const covered = new Set<number>();
  const parts: number[] = [];
  const left = new Set(candidates);
  for (;;) {
    let best = -1;
    let bestGain = 0;
    for (const y of left) {
      let gain = 0;
      for (const q of overlaps.foundIn(dataset, y)) if (!covered.has(q)) gain++;
      if (gain > bestGain) [best, bestGain] = [y, gain];
    }
    if (best < 0 || bestGain < options.minMatches || bestGain / checked < options.minContainment) break;
    left.delete(best);
    if (overlaps.alsoIn(best, dataset, parts) >= SHARED_BY_CHANCE || overlaps.alsoIn(dataset, best, parts) >= SHARED_BY_CHANCE) continue;
    parts.push(best);
    for (const q of overlaps.foundIn(dataset, best)) covered.add(q);
  }
  return parts.length >= 2 ? parts : [];
}
