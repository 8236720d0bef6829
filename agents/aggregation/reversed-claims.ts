/**
 * Two cards of one batch that each name the other as a source: "agri-eval-v1 is a held-out split of
 * agronomy-qa-v1" in one, "1,500 rows were carved out into agri-eval-v1" in the other. Lineage has no
 * cycles, so one of them reads a downstream set as an upstream; the weaker claim goes — the lower
 * confidence, then the looser way of naming (a bare mention loses to a link to the card, a link to
 * a listed part). Claims of equal strength both stay: nothing here says which is wrong.
 */
import { nameKey } from '../../shared/domain/names.js';
import type { ExtractedSource, ExtractionResult } from '../extraction/types.js';

export interface BatchResult {
  /** The dataset the document describes, as its sources' ids name it. */
  datasetId: string;
  result: ExtractionResult;
}

/** Drops, in place, the weaker of every pair of claims in which two datasets of the batch derive from each other. */
export function settleReversedClaims(batch: readonly BatchResult[]): void {
  const byDataset = new Map<string, BatchResult[]>();
  for (const doc of batch) {
    const key = nameKey(doc.datasetId);
    const docs = byDataset.get(key);
    if (docs) docs.push(doc);
    else byDataset.set(key, [doc]);
  }
  const losers = new Map<ExtractedSource, string>();
  for (const doc of batch) {
    const own = nameKey(doc.datasetId);
    for (const claim of doc.result.sources) {
      const upstream = nameKey(claim.id);
      if (upstream === own) continue;
      for (const other of byDataset.get(upstream) ?? []) {
        const reverse = other.result.sources.find((s) => nameKey(s.id) === own);
        if (!reverse || compareClaims(claim, reverse) >= 0) continue;
        losers.set(claim, other.result.dataset.name);
      }
    }
  }
  for (const doc of batch) {
    const kept = doc.result.sources.filter((s) => !losers.has(s));
    if (kept.length === doc.result.sources.length) continue;
    for (const s of doc.result.sources) {
      const other = losers.get(s);
      const at = s.evidence[0];
      if (other !== undefined) doc.result.dropped.push({ name: s.name, reason: `the card of ${other} says it is built from this one`, start: at?.start ?? 0, end: at?.end ?? 0 });
    }
    doc.result.sources = kept;
  }
}

/** Positive when claim a is the stronger. */
function compareClaims(a: ExtractedSource, b: ExtractedSource): number {
  return a.confidence - b.confidence || namingRank(a) - namingRank(b);
}

/** How deliberately a source is named: a link to its card, a YAML entry, a listed or quoted part, a bare mention. */
function namingRank(source: ExtractedSource): number {
  return Math.max(0, ...source.signals.map((signal) => NAMING_RANK[signal] ?? 0));
}

const NAMING_RANK: Record<string, number> = { 'card-link': 3, 'hub-link': 3, yaml: 2, code: 1, 'list-head': 1, 'table-cell': 1 };
