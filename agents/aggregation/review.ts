/** The review queue's rule: an edge is accepted without a person only when it is confident, uncontested and in time order. */
import type { EdgeAggregate } from './vote.js';

export const DEFAULT_REVIEW_THRESHOLD = 0.7;

export type EdgeFlag = 'relation-conflict' | 'upstream-newer' | 'back-edge' | 'data-contradicts';

export const FLAG_LABELS: Record<EdgeFlag, string> = {
  'relation-conflict': 'the evidence disagrees on the relation',
  'upstream-newer': 'the upstream was released after the downstream',
  'back-edge': 'the reverse edge also exists (a two-dataset cycle)',
  'data-contradicts': 'the sample files show none of the upstream in the downstream',
};

/** Said of an edge the built-in extractor read only in a card's prose. */
export const PROSE_ONLY = "read only in a card's prose by the built-in extractor: a person confirms it";

/**
 * Why an edge needs a person; empty when it may be accepted automatically. `proseOnly`: no evidence but
 * the built-in extractor's reading of sentences — never accepted unseen, as prose is where hostile text hides.
 */
export function reviewReasons(aggregate: Pick<EdgeAggregate, 'confidence' | 'conflict'>, flags: EdgeFlag[], threshold = DEFAULT_REVIEW_THRESHOLD, proseOnly = false): string[] {
  const reasons: string[] = [];
  if (proseOnly) reasons.push(PROSE_ONLY);
  if (aggregate.confidence < threshold) reasons.push(`confidence ${aggregate.confidence.toFixed(2)} is below ${threshold.toFixed(2)}`);
  if (aggregate.conflict && !flags.includes('relation-conflict')) reasons.push(FLAG_LABELS['relation-conflict']);
  for (const flag of flags) reasons.push(FLAG_LABELS[flag]);
  return reasons;
}
