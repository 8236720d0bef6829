/** What the extractor found in one place of a document, and how findings of one dataset merge into one source. */
import { nameKey, shortName } from '../../../shared/domain/names.js';
import type { Relation } from '../../../shared/domain/vocabulary.js';
import type { EvidenceSpan, ExtractedSource } from '../types.js';
import type { Mention } from './mentions.js';

export interface Finding {
  mention: Mention;
  id: string;
  name: string;
  relation: Relation;
  /** The relation was read from the words, not defaulted: it outvotes defaulted ones when merging. */
  explicitRelation: boolean;
  /** The headings the finding sits under, for section-level relation words. */
  section: string;
  confidence: number;
  evidence: EvidenceSpan[];
  signal: string;
}

/** One source per dataset: highest confidence, relation voted by confidence, evidence joined. */
export function merge(findings: Finding[]): ExtractedSource[] {
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding) => (f.mention.known || f.mention.hubId ? nameKey(f.id) : nameKey(f.name));
  for (const finding of findings) {
    const key = keyOf(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  // A written name that is the short name of a hub id found in the same document is that dataset.
  for (const [key, group] of groups) {
    if (group.some((f) => f.mention.hubId || f.mention.known)) continue;
    const target = [...groups.entries()].find(([otherKey, others]) => otherKey !== key && others.some((f) => f.mention.hubId && nameKey(shortName(f.mention.hubId)) === key));
    if (target) {
      target[1].push(...group);
      groups.delete(key);
    }
  }
  return [...groups.values()]
    .map((group) => {
      const best = group.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      const votes = new Map<Relation, number>();
      // A relation read from the words outweighs a defaulted one (YAML source_datasets says nothing of how).
      for (const f of group) votes.set(f.relation, (votes.get(f.relation) ?? 0) + f.confidence * (f.explicitRelation ? 1 : 0.3));
      const relation = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const identified = group.find((f) => f.mention.known || f.mention.hubId) ?? best;
      const evidence = dedupeSpans(group.sort((a, b) => b.confidence - a.confidence).flatMap((f) => f.evidence)).slice(0, 5);
      return {
        name: identified.name,
        id: identified.id,
        relation,
        confidence: best.confidence,
        evidence,
        signals: [...new Set(group.map((f) => f.signal))],
      };
    })
    .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

function dedupeSpans(spans: EvidenceSpan[]): EvidenceSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
