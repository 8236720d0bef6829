/**
 * The relation two datasets' matching samples show, from which sides match (the paper's relation types):
 * prompts and responses both shared → Direct Inclusion/Subset; prompts shared, responses different →
 * CoT Distillation (or regenerated answers); prompts near but not equal → Semantic Evolution. A
 * downstream made of several upstream parts is Structured Fusion (decided in fusion.ts).
 */
import type { Relation } from '../../domain/vocabulary.js';
import type { Containment, Sides } from './types.js';

export const SIDE_RELATIONS: Record<Sides, Relation> = {
  identical: 'Direct Inclusion/Subset',
  'same prompts': 'CoT Distillation',
  'near prompts': 'Semantic Evolution',
};

/** Which kind of match dominates the samples found. */
export function matchingSides(found: Containment): Sides {
  const identical = found.identical;
  const samePrompts = Math.max(0, found.exact - found.identical);
  const near = found.near;
  const matched = identical + samePrompts + near;
  if (identical >= 0.6 * matched) return 'identical';
  if (samePrompts >= 0.5 * matched) return 'same prompts';
  if (near >= 0.5 * matched) return 'near prompts';
  const ranked: Array<[Sides, number]> = [['identical', identical], ['same prompts', samePrompts], ['near prompts', near]];
  return ranked.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Relations a card may state that these matching samples agree with: a fusion's parts may be copied,
 * re-answered or rewritten; a synthetic set may keep its seed prompts.
 */
const AGREES: Record<Relation, readonly Sides[]> = {
  'Direct Inclusion/Subset': ['identical'],
  'Structured Fusion': ['identical', 'same prompts', 'near prompts'],
  'CoT Distillation': ['same prompts'],
  'Semantic Evolution': ['near prompts', 'same prompts'],
  'Synthetic Generation': ['same prompts', 'near prompts'],
};

export function agreesWith(stated: Relation, sides: Sides, fusion: boolean): boolean {
  if (fusion && (stated === 'Structured Fusion' || stated === 'Direct Inclusion/Subset')) return true;
  return AGREES[stated].includes(sides);
}

/**
 * Whether a stated relation means the downstream holds the upstream's samples in some form, so that
 * finding none of them contradicts it. A synthetic set generated from seeds need not share any.
 */
export function impliesSharedSamples(stated: Relation): boolean {
  return stated !== 'Synthetic Generation';
}
