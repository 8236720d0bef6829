/** Relations beyond one sentence: names blanked out of relation words, and transformations stated per section. */
import type { Relation } from '../../../shared/domain/vocabulary.js';
import { relationFromText } from './cues.js';
import type { Finding } from './findings.js';
import type { Unit } from './units.js';

/** Relation words are read with the names blanked out: "Evol-Instruct" or "CoT Alpaca" name data, not a method. */
export function blankMentions(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}

const TRANSFORMS: ReadonlySet<Relation> = new Set(['CoT Distillation', 'Synthetic Generation', 'Semantic Evolution']);

/** A sentence that names no dataset but says what was done to the data ("we regenerated every answer with CoT"). */
export function noteSectionTransform(transforms: Map<string, Relation>, unit: Unit): void {
  const { relation } = relationFromText(unit.text);
  const section = unit.section.join(' / ');
  if (TRANSFORMS.has(relation) && !transforms.has(section)) transforms.set(section, relation);
}

/**
 * Selection words ("sampled", "merged") say which items were taken; a transformation stated in the same
 * section says what became of them, which is the relation the paper records.
 */
export function applySectionTransforms(findings: Finding[], transforms: Map<string, Relation>): void {
  for (const finding of findings) {
    const transform = transforms.get(finding.section);
    if (transform && !TRANSFORMS.has(finding.relation)) {
      finding.relation = transform;
      finding.explicitRelation = true;
    }
  }
}
